/**
 * The floor board's layout: which widgets on which pages, for which queues, with which thresholds, fed
 * by which scenario at which speed. A supervisor writes it as JSON (`tv.html?layout=URL`) or gives the
 * few URL parameters; both are validated here and every problem names its path
 * (`pages[1].widgets[0].type: unknown widget "gauge" ...`), so a board is built without code.
 */
import { nearest, unknownParams as unknownNames } from '../shared/params.js';
import { directionOf, figureName } from '../shared/thresholds.js';
import { FIGURE_NAMES, METRIC_HELP, METRIC_NAMES } from './figures.js';

export const WIDGET_TYPES = [
  'sl-gauge',
  'metric',
  'queue-tile',
  'interval-chart',
  'abandon-chart',
  'agent-board',
  'staffing',
  'clock',
] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];

export const THEMES = ['dark', 'light', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

export interface Thresholds {
  warn?: number;
  critical?: number;
  direction?: 'above' | 'below';
}

export interface WidgetSpec extends Thresholds {
  type: WidgetType;
  /** `queue:<id>` shorthand; a widget with neither `queue` nor `scope` shows the whole center (`all`). */
  queue?: string;
  scope?: string;
  /** For `metric`: the dotted path (`waiting`, `interval.asaSec`, `agentsByState.available`). */
  metric?: string;
  label?: string;
  format?: 'count' | 'percent' | 'duration';
  /** Grid cells across and down (1-4 and 1-3). */
  span?: number;
  rows?: number;
  /** Queue tiles: the longest-wait levels in seconds. */
  waitWarnSec?: number;
  waitCriticalSec?: number;
}

export interface PageSpec {
  title: string;
  /** Grid columns of the page (1-6); default from the number of widgets. */
  columns?: number;
  widgets: WidgetSpec[];
}

export type TickerItem = string | { text: string; level: 'info' | 'warning' | 'critical' };

export interface Layout {
  title: string;
  /** A built-in scenario name, or the URL of a scenario JSON file (relative to the layout file). */
  scenario: string;
  seed?: number;
  speed: number;
  theme: Theme;
  /** The queues the generated pages show (all when absent). */
  queues?: string[];
  rotateSec: number;
  staleAfterSec: number;
  intervalMin: 15 | 30 | 60;
  /**
   * Overrides by metric name (`serviceLevel`, `longestWaitSec`, `abandonRate`, `waiting`...), field by
   * field, over the shared thresholds of the widget's scope (src/shared/thresholds.ts); a widget's own
   * `warn`, `critical` and `direction` are over both.
   */
  thresholds: Record<string, Thresholds>;
  ticker: TickerItem[];
  /** Empty: pages are generated from the scenario's queues. */
  pages: PageSpec[];
}

export const MIN_SPEED = 0.1;
export const MAX_TV_SPEED = 20_000;

export const DEFAULT_LAYOUT: Layout = {
  title: 'Contact center',
  scenario: 'monday-peak',
  speed: 60,
  theme: 'dark',
  rotateSec: 20,
  staleAfterSec: 10,
  intervalMin: 30,
  // The console's (src/shared/thresholds.ts), from each widget's scope: a layout file's are over them.
  thresholds: {},
  ticker: [],
  pages: [],
};

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

class Problems {
  readonly list: string[] = [];
  add(path: string, message: string): void {
    this.list.push(`${path}: ${message}`);
  }
  unknownKeys(path: string, o: Obj, known: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (!known.includes(k))
        this.add(path ? `${path}.${k}` : k, `unknown key (known keys: ${known.join(', ')})`);
    }
  }
  string(path: string, v: unknown, opts: { max?: number } = {}): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '')
      return void this.add(path, `must be a non-empty string, got ${show(v)}`);
    if (opts.max && v.length > opts.max) return void this.add(path, `must be at most ${opts.max} characters`);
    return v;
  }
  number(path: string, v: unknown, min: number, max: number, integer = false): number | undefined {
    if (v === undefined) return undefined;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < min ||
      v > max ||
      (integer && !Number.isInteger(v))
    )
      return void this.add(
        path,
        `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${show(v)}`,
      );
    return v;
  }
  oneOf<T extends string>(path: string, v: unknown, options: readonly T[]): T | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !options.includes(v as T))
      return void this.add(path, `must be one of ${options.join(', ')}, got ${show(v)}`);
    return v as T;
  }
}

const THRESHOLD_KEYS = ['warn', 'critical', 'direction'] as const;

/**
 * A threshold block. `figure` names what it judges, whose usual direction applies when none is given
 * (a service level is bad below, a wait above): a critical level on the good side of the warn level
 * would make warning unreachable, and is refused.
 */
function thresholds(p: Problems, path: string, v: Obj, figure: string): Thresholds {
  const out: Thresholds = {};
  const warn = p.number(`${path}.warn`, v.warn, -1e9, 1e9);
  const critical = p.number(`${path}.critical`, v.critical, -1e9, 1e9);
  const direction = p.oneOf(`${path}.direction`, v.direction, ['above', 'below'] as const);
  if (warn !== undefined && critical !== undefined) {
    const bad = direction ?? directionOf(figure);
    if (bad === 'above' ? critical < warn : critical > warn)
      p.add(
        `${path}.critical`,
        `must be ${bad === 'above' ? 'at or above' : 'at or below'} warn (${warn}) when ${bad} is bad, got ${critical}`,
      );
  }
  if (warn !== undefined) out.warn = warn;
  if (critical !== undefined) out.critical = critical;
  if (direction !== undefined) out.direction = direction;
  return out;
}

const WIDGET_KEYS = [
  'type',
  'queue',
  'scope',
  'metric',
  'label',
  'format',
  'span',
  'rows',
  'waitWarnSec',
  'waitCriticalSec',
  ...THRESHOLD_KEYS,
] as const;

function widget(p: Problems, path: string, v: unknown): WidgetSpec | undefined {
  if (!isObj(v)) return void p.add(path, `must be an object like {"type": "sl-gauge"}, got ${show(v)}`);
  p.unknownKeys(path, v, WIDGET_KEYS);
  if (v.type === undefined)
    return void p.add(`${path}.type`, `is required (one of ${WIDGET_TYPES.join(', ')})`);
  if (typeof v.type !== 'string' || !(WIDGET_TYPES as readonly string[]).includes(v.type))
    return void p.add(`${path}.type`, `unknown widget ${show(v.type)} (one of ${WIDGET_TYPES.join(', ')})`);
  const judged = typeof v.metric === 'string' ? v.metric : v.type === 'metric' ? 'waiting' : 'serviceLevel';
  const out: WidgetSpec = { type: v.type as WidgetType, ...thresholds(p, path, v, figureName(judged)) };
  const queue = p.string(`${path}.queue`, v.queue, { max: 200 });
  const scope = p.string(`${path}.scope`, v.scope, { max: 200 });
  if (queue !== undefined && scope !== undefined) p.add(path, 'give queue or scope, not both');
  if (scope !== undefined && !/^(all|queue:.+|partner:.+|team:.+)$/.test(scope))
    p.add(`${path}.scope`, `must be all, queue:<id>, partner:<id> or team:<id>, got ${show(scope)}`);
  if (queue !== undefined) out.queue = queue;
  if (scope !== undefined) out.scope = scope;
  const metric = p.string(`${path}.metric`, v.metric, { max: 100 });
  if (out.type === 'metric' && metric === undefined && v.metric === undefined)
    p.add(`${path}.metric`, 'is required for a metric widget (e.g. "waiting", "interval.asaSec")');
  if (metric !== undefined && !/^[A-Za-z][\w-]*(\.[A-Za-z][\w-]*)*$/.test(metric))
    p.add(`${path}.metric`, `must be a dotted path like interval.asaSec, got ${show(metric)}`);
  else if (metric !== undefined && !METRIC_NAMES.includes(metric)) {
    const near = nearest(metric, METRIC_NAMES);
    p.add(
      `${path}.metric`,
      `unknown metric ${show(metric)}${near ? ` (did you mean ${near}?)` : ''}; known metrics: ${METRIC_HELP}`,
    );
  }
  if (metric !== undefined) out.metric = metric;
  if (out.type === 'queue-tile' && queue === undefined && !scope?.startsWith('queue:'))
    p.add(`${path}.queue`, 'is required for a queue-tile');
  const label = p.string(`${path}.label`, v.label, { max: 120 });
  if (label !== undefined) out.label = label;
  const format = p.oneOf(`${path}.format`, v.format, ['count', 'percent', 'duration'] as const);
  if (format !== undefined) out.format = format;
  const span = p.number(`${path}.span`, v.span, 1, 4, true);
  if (span !== undefined) out.span = span;
  const rows = p.number(`${path}.rows`, v.rows, 1, 3, true);
  if (rows !== undefined) out.rows = rows;
  const ww = p.number(`${path}.waitWarnSec`, v.waitWarnSec, 0, 86_400);
  const wc = p.number(`${path}.waitCriticalSec`, v.waitCriticalSec, 0, 86_400);
  if (ww !== undefined) out.waitWarnSec = ww;
  if (wc !== undefined) out.waitCriticalSec = wc;
  return out;
}

function page(p: Problems, path: string, v: unknown): PageSpec | undefined {
  if (!isObj(v))
    return void p.add(path, `must be an object like {"title": "...", "widgets": [...]}, got ${show(v)}`);
  p.unknownKeys(path, v, ['title', 'columns', 'widgets']);
  const title = p.string(`${path}.title`, v.title, { max: 80 }) ?? (v.title === undefined ? '' : undefined);
  if (title === '' && v.title === undefined) p.add(`${path}.title`, 'is required');
  const columns = p.number(`${path}.columns`, v.columns, 1, 6, true);
  if (!Array.isArray(v.widgets) || v.widgets.length === 0) {
    p.add(`${path}.widgets`, 'must be a non-empty list of widgets');
    return undefined;
  }
  if (v.widgets.length > 24)
    p.add(`${path}.widgets`, `at most 24 widgets fit a page, got ${v.widgets.length}`);
  const widgets = v.widgets
    .map((w, i) => widget(p, `${path}.widgets[${i}]`, w))
    .filter((w) => w !== undefined);
  return { title: title ?? '', ...(columns === undefined ? {} : { columns }), widgets };
}

const LAYOUT_KEYS = [
  '$schema',
  'title',
  'scenario',
  'seed',
  'speed',
  'theme',
  'queues',
  'rotateSec',
  'staleAfterSec',
  'intervalMin',
  'thresholds',
  'ticker',
  'pages',
] as const;

/** Checks a parsed layout file; fills in the defaults. */
export function validateLayout(v: unknown): Checked<Layout> {
  const p = new Problems();
  if (!isObj(v)) return { ok: false, problems: [`(root): the layout must be a JSON object, got ${show(v)}`] };
  p.unknownKeys('', v, LAYOUT_KEYS);
  const out: Layout = structuredClone(DEFAULT_LAYOUT);
  out.title = p.string('title', v.title, { max: 120 }) ?? out.title;
  out.scenario = p.string('scenario', v.scenario, { max: 2000 }) ?? out.scenario;
  const seed = p.number('seed', v.seed, 0, 2 ** 32 - 1, true);
  if (seed !== undefined) out.seed = seed;
  out.speed = p.number('speed', v.speed, MIN_SPEED, MAX_TV_SPEED) ?? out.speed;
  out.theme = p.oneOf('theme', v.theme, THEMES) ?? out.theme;
  out.rotateSec = p.number('rotateSec', v.rotateSec, 3, 3600) ?? out.rotateSec;
  out.staleAfterSec = p.number('staleAfterSec', v.staleAfterSec, 2, 3600) ?? out.staleAfterSec;
  const interval = p.number('intervalMin', v.intervalMin, 15, 60, true);
  if (interval !== undefined) {
    if (interval === 15 || interval === 30 || interval === 60) out.intervalMin = interval;
    else p.add('intervalMin', `must be 15, 30 or 60, got ${interval}`);
  }
  if (v.queues !== undefined) {
    if (!Array.isArray(v.queues) || v.queues.length === 0)
      p.add('queues', 'must be a non-empty list of queue ids');
    else out.queues = v.queues.map((q, i) => p.string(`queues[${i}]`, q, { max: 200 }) ?? '');
  }
  if (v.thresholds !== undefined) {
    if (!isObj(v.thresholds)) p.add('thresholds', 'must be an object like {"serviceLevel": {"warn": 0.8}}');
    else {
      for (const [metric, t] of Object.entries(v.thresholds)) {
        const path = `thresholds.${metric}`;
        if (!isObj(t)) {
          p.add(path, `must be an object like {"warn": 60, "critical": 120}, got ${show(t)}`);
          continue;
        }
        p.unknownKeys(path, t, THRESHOLD_KEYS);
        if (!FIGURE_NAMES.includes(metric)) {
          const near = nearest(metric, FIGURE_NAMES);
          p.add(
            path,
            `unknown metric ${show(metric)}${near ? ` (did you mean ${near}?)` : ''}; thresholds are keyed by a figure's name: ${FIGURE_NAMES.join(', ')}`,
          );
        }
        out.thresholds[metric] = { ...out.thresholds[metric], ...thresholds(p, path, t, metric) };
      }
    }
  }
  if (v.ticker !== undefined) {
    if (!Array.isArray(v.ticker)) p.add('ticker', 'must be a list of messages');
    else {
      out.ticker = [];
      v.ticker.forEach((m, i) => {
        const path = `ticker[${i}]`;
        if (typeof m === 'string') {
          if (p.string(path, m, { max: 500 }) !== undefined) out.ticker.push(m);
        } else if (isObj(m)) {
          p.unknownKeys(path, m, ['text', 'level']);
          const text = p.string(`${path}.text`, m.text, { max: 500 });
          if (m.text === undefined) p.add(`${path}.text`, 'is required');
          const level = p.oneOf(`${path}.level`, m.level, ['info', 'warning', 'critical'] as const) ?? 'info';
          if (text !== undefined) out.ticker.push({ text, level });
        } else p.add(path, `must be a string or {"text": "...", "level": "info"}, got ${show(m)}`);
      });
    }
  }
  if (v.pages !== undefined) {
    if (!Array.isArray(v.pages)) p.add('pages', 'must be a list of pages');
    else {
      if (v.pages.length > 12) p.add('pages', `at most 12 pages, got ${v.pages.length}`);
      out.pages = v.pages.map((pg, i) => page(p, `pages[${i}]`, pg)).filter((pg) => pg !== undefined);
    }
  }
  return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, value: out };
}

/**
 * Every URL parameter tv.html reads: the layout's (applied here), `layout` itself, the demo ones (`at`,
 * `paused`) and a wallboard server's feed (`feed`, `token`, `transport`). Any other name is a typo.
 */
export const URL_PARAMS = [
  'layout',
  'scenario',
  'speed',
  'seed',
  'queues',
  'theme',
  'rotate',
  'title',
  'at',
  'paused',
  'feed',
  'token',
  'transport',
] as const;

/** `URL parameter sceanrio: unknown (did you mean scenario?; known: ...)` for each name tv.html does not read. */
export function unknownParams(params: URLSearchParams): string[] {
  return unknownNames(params, URL_PARAMS).map(
    ({ shown, near }) =>
      `URL parameter ${shown}: unknown parameter${near ? ` (did you mean ${near}?)` : ''}; known parameters: ${URL_PARAMS.join(', ')}`,
  );
}

/**
 * Applies the URL parameters over a layout: `scenario`, `speed`, `seed`, `queues` (comma-separated),
 * `theme`, `rotate` (seconds), `title`. A bad parameter is a problem named `URL parameter <name>`, and so
 * is a name tv.html does not read (a misspelled `sceanrio` would otherwise run the default silently).
 */
export function applyParams(layout: Layout, params: URLSearchParams): Checked<Layout> {
  const p = new Problems();
  p.list.push(...unknownParams(params));
  const out = structuredClone(layout);
  const get = (name: string) => {
    const v = params.get(name);
    return v === null || v.trim() === '' ? undefined : v.trim();
  };
  const num = (name: string, min: number, max: number, integer = false) => {
    const raw = get(name);
    if (raw === undefined) return undefined;
    return p.number(
      `URL parameter ${name}`,
      Number.isNaN(Number(raw)) ? raw : Number(raw),
      min,
      max,
      integer,
    );
  };
  const scenario = get('scenario');
  if (scenario !== undefined) out.scenario = scenario;
  out.speed = num('speed', MIN_SPEED, MAX_TV_SPEED) ?? out.speed;
  const seed = num('seed', 0, 2 ** 32 - 1, true);
  if (seed !== undefined) out.seed = seed;
  out.rotateSec = num('rotate', 3, 3600) ?? out.rotateSec;
  const theme = get('theme');
  if (theme !== undefined) out.theme = p.oneOf('URL parameter theme', theme, THEMES) ?? out.theme;
  const title = get('title');
  if (title !== undefined) out.title = title.slice(0, 120);
  const queues = get('queues');
  if (queues !== undefined)
    out.queues = queues
      .split(',')
      .map((q) => q.trim())
      .filter(Boolean);
  return p.list.length > 0 ? { ok: false, problems: p.list } : { ok: true, value: out };
}

/** The scope a widget reads. */
export function widgetScope(w: WidgetSpec): string {
  return w.queue !== undefined ? `queue:${w.queue}` : (w.scope ?? 'all');
}

/**
 * Problems with queue, partner and team references, once the scenario's queues, partners and teams are
 * known (a feed's: from its first state, see `checkFeedScopes`).
 */
export function checkQueues(
  layout: Layout,
  queues: readonly string[],
  partners: readonly string[],
  teams: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const known = `(the scenario's queues: ${queues.join(', ')})`;
  layout.queues?.forEach((q, i) => {
    if (!queues.includes(q)) problems.push(`queues[${i}]: unknown queue "${q}" ${known}`);
  });
  layout.pages.forEach((pg, i) => {
    pg.widgets.forEach((w, j) => {
      const path = `pages[${i}].widgets[${j}]`;
      if (w.queue !== undefined && !queues.includes(w.queue))
        problems.push(`${path}.queue: unknown queue "${w.queue}" ${known}`);
      if (w.scope?.startsWith('queue:') && !queues.includes(w.scope.slice(6)))
        problems.push(`${path}.scope: unknown queue "${w.scope.slice(6)}" ${known}`);
      if (w.scope?.startsWith('partner:') && !partners.includes(w.scope.slice(8)))
        problems.push(
          `${path}.scope: unknown partner "${w.scope.slice(8)}" (partners: ${partners.join(', ') || 'none'})`,
        );
      if (w.scope?.startsWith('team:') && !teams.includes(w.scope.slice(5)))
        problems.push(
          `${path}.scope: unknown team "${w.scope.slice(5)}" (teams: ${teams.join(', ') || 'none'})`,
        );
    });
  });
  return problems;
}

/**
 * A feed's scopes only appear with their first event, so a partner or team the feed has not shown
 * yet may still come (a shift not started): these are said on the ticker, not refused, and go away
 * when the scope appears. `scopes` are the keys of the feed's latest state.
 */
export function checkFeedScopes(layout: Layout, scopes: readonly string[]): string[] {
  const problems: string[] = [];
  const ids = (prefix: string) =>
    scopes.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  layout.pages.forEach((pg, i) => {
    pg.widgets.forEach((w, j) => {
      const scope = w.scope;
      if (!scope || scopes.includes(scope)) return;
      const kind = scope.startsWith('team:') ? 'team' : scope.startsWith('partner:') ? 'partner' : null;
      if (!kind) return;
      const known = ids(`${kind}:`);
      problems.push(
        `pages[${i}].widgets[${j}].scope: the feed has no ${kind} "${scope.slice(kind.length + 1)}" (its ${kind}s: ${known.join(', ') || 'none'})`,
      );
    });
  });
  return problems;
}

export interface DefaultPagesOptions {
  /** The scope the center-wide widgets read (default `all`; a partner's board: `partner:<id>`). */
  center?: string;
  /** Whether to add the Agents page (agent rows come from the simulator; a feed carries counts only). */
  agents?: boolean;
}

/**
 * An agent board without its own `span` takes the page's whole width (its rows of names need it; in a
 * third of the page they shrank the page's type to 11 px), and two rows when it shares the page.
 */
export function columnsOf(w: WidgetSpec, _page: PageSpec): number | 'all' {
  return w.type === 'agent-board' && w.span === undefined ? 'all' : (w.span ?? 1);
}
export function rowsOf(w: WidgetSpec, page: PageSpec): number {
  if (w.rows !== undefined) return w.rows;
  return w.type === 'agent-board' && page.widgets.length > 1 ? 2 : 1;
}

/** Columns for a page without `columns`: near-square for its number of cells (a full-width widget aside). */
export function pageColumns(page: PageSpec): number {
  if (page.columns) return page.columns;
  const cells = page.widgets
    .filter((w) => columnsOf(w, page) !== 'all')
    .reduce((n, w) => n + (w.span ?? 1) * (w.rows ?? 1), 0);
  return Math.max(1, Math.min(6, Math.ceil(Math.sqrt(Math.max(1, cells) * 1.7))));
}

/** Grid rows a page may have: more and the type would shrink below legible (see fit.ts `MIN_FIT`). */
export const MAX_ROWS = 3;

/** Grid cells a widget covers on its page (a full-width one: a row's worth per row). */
function area(w: WidgetSpec, page: PageSpec, columns: number): number {
  const across = columnsOf(w, page);
  return Math.min(columns, across === 'all' ? columns : across) * rowsOf(w, page);
}

/**
 * Splits a page whose widgets would need more than `MAX_ROWS` grid rows into pages that each fit
 * (`Now (1 of 2)`, `Now (2 of 2)`), sharing the widgets out evenly in their order. A page that fits
 * stays as it is. Shrinking the type further is not an option on a floor TV.
 */
export function paginate(pages: readonly PageSpec[]): PageSpec[] {
  return pages.flatMap((page) => {
    const columns = pageColumns(page);
    const capacity = columns * MAX_ROWS;
    const total = page.widgets.reduce((n, w) => n + area(w, page, columns), 0);
    if (total <= capacity || page.widgets.length === 1) return [page];
    const parts = Math.ceil(total / capacity);
    const target = Math.ceil(total / parts);
    const chunks: WidgetSpec[][] = [[]];
    let used = 0;
    for (const w of page.widgets) {
      const a = area(w, page, columns);
      if (chunks.at(-1)!.length > 0 && (used + a > capacity || (used >= target && chunks.length < parts))) {
        chunks.push([]);
        used = 0;
      }
      chunks.at(-1)!.push(w);
      used += a;
    }
    return chunks.map((widgets, i) => ({
      ...page,
      columns,
      title: `${page.title} (${i + 1} of ${chunks.length})`,
      widgets,
    }));
  });
}

/** Queue tiles on one generated page: 5 x 2, each large enough to read from across the room. */
export const QUEUES_PER_PAGE = 10;

/** Pages for a board with no `pages`: the center, the intervals, the queues (over pages), the agents. */
export function defaultPages(
  queues: ReadonlyArray<{ id: string; name: string }>,
  options: DefaultPagesOptions = {},
): PageSpec[] {
  const center = options.center && options.center !== 'all' ? { scope: options.center } : {};
  const tiles: WidgetSpec[] = queues.map((q) => ({ type: 'queue-tile', queue: q.id, label: q.name }));
  // Every queue gets its tile: as many Queues pages as it takes, at most QUEUES_PER_PAGE tiles each,
  // shared out evenly (12 queues: two pages of 6, not 10 + 2).
  const queuePages = Math.ceil(tiles.length / QUEUES_PER_PAGE);
  const perPage = Math.ceil(tiles.length / Math.max(1, queuePages));
  const overview: WidgetSpec[] = [
    { type: 'sl-gauge', label: 'Service level today', rows: 2 },
    { type: 'metric', metric: 'waiting', label: 'Calls waiting' },
    { type: 'metric', metric: 'longestWaitSec', label: 'Longest wait', format: 'duration' },
    { type: 'metric', metric: 'offered', label: 'Calls today' },
    { type: 'metric', metric: 'abandonRate', label: 'Abandon rate' },
    { type: 'metric', metric: 'asaSec', label: 'Average speed of answer' },
    { type: 'metric', metric: 'agentsByState.available', label: 'Agents available' },
  ].map((w) => ({ ...w, ...center }) as WidgetSpec);
  const single = queues.length === 1;
  return [
    { title: 'Now', columns: 4, widgets: overview },
    {
      title: 'Today by interval',
      columns: 2,
      widgets: [
        { type: 'interval-chart', label: 'Calls and service level', span: 2, ...center },
        // Staffing advice is per queue: with one queue its card, named; with several, none on this
        // center-wide page (one of them, "Staffing, Billing (EN)", read as the whole center's).
        ...(single
          ? [
              { type: 'abandon-chart', label: 'Abandoned calls', ...center } as WidgetSpec,
              {
                type: 'staffing',
                queue: queues[0]?.id,
                label: `Staffing, ${queues[0]?.name ?? ''}`,
              } as WidgetSpec,
            ]
          : [{ type: 'abandon-chart', label: 'Abandoned calls', span: 2, ...center } as WidgetSpec]),
      ],
    },
    ...(single
      ? []
      : Array.from({ length: queuePages }, (_, i) => ({
          title: queuePages > 1 ? `Queues ${i + 1} of ${queuePages}` : 'Queues',
          // Two rows of up to five (3 x 2 for six): large tiles, no half-empty last row.
          columns: perPage <= 4 ? 2 : Math.ceil(perPage / 2),
          widgets: tiles.slice(i * perPage, (i + 1) * perPage),
        }))),
    ...(options.agents === false
      ? []
      : [
          {
            title: 'Agents',
            columns: 1,
            widgets: [{ type: 'agent-board', label: 'Agents by state' } as WidgetSpec],
          },
        ]),
  ];
}
