/**
 * The column map of a call-detail-record export (`--format cdr --map FILE`): which columns hold what,
 * how times are written, and which outcome values mean what. `parseCdrMap` validates a decoded JSON
 * map and returns it normalized (single columns widened to lists, defaults filled in); every error
 * names the bad key. The keys are documented in docs/formats.md.
 */
import { isValidTimeZone } from '../local-time.js';
import { type CompiledPattern, compilePattern } from './time-pattern.js';
import { FormatError } from './types.js';

/** A column by header name, or by 0-based index. */
export type ColumnRef = string | number;

/**
 * When a call step happened: the first of `column` that holds a time (not empty, not a zero time),
 * optionally less the duration in `minusSeconds`; or `seconds` after an earlier step. Durations are whole
 * or decimal seconds, or [H:]MM:SS.
 */
export type TimeSource =
  | { column: ColumnRef[]; minusSeconds?: ColumnRef }
  | { after: 'queued' | 'answered'; seconds: ColumnRef };

export interface CdrMap {
  name?: string;
  description?: string;
  /** Field delimiter, e.g. `"\t"`, `","`, `";"`. */
  delimiter: string;
  /** Whether the first line names the columns (default true). */
  header: boolean;
  /** Quote character, or null for none (default `"`). */
  quote: string | null;
  /** Column(s) forming the call id; several are joined with `callIdSeparator` (default `-`). */
  callId: ColumnRef[];
  callIdSeparator: string;
  queue: ColumnRef;
  /** The answering agent; `none` values (and an empty cell) mean "no agent". */
  agent?: { column: ColumnRef; none: string[]; unknown?: string };
  priority?: ColumnRef;
  partner?: { column: ColumnRef } | { value: string };
  /** Set when the time columns are times of day: the date column and the time column it belongs to. */
  date?: { column: ColumnRef; format: string; anchor?: ColumnRef };
  /** `epoch`, `epoch-ms`, `iso`, or a pattern such as `H:mm:ss` or `YYYY-MM-DD HH:mm:ss`. */
  timeFormat: string;
  /** IANA zone of local times. */
  timeZone: string;
  /** Time values meaning "did not happen" (an empty cell always does). */
  zeroTime: string[];
  /** Without it, a row with an answer time is answered and any other row abandoned. */
  outcome?: { column: ColumnRef; answered: string[]; abandoned: string[]; ignore: string[] };
  times: { queued: TimeSource; answered: TimeSource; ended: TimeSource; abandoned: TimeSource };
  /** Seconds on hold during the conversation, passed on as `holdMs` of call.ended. */
  holdSeconds?: ColumnRef;
}

/** A map that does not validate; `key` is the dotted path of the offending key. */
export class CdrMapError extends FormatError {
  override name = 'CdrMapError';
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`column map: "${key}" ${problem}`);
  }
}

const TOP_KEYS = new Set([
  'name',
  'description',
  'notes',
  '$comment',
  'delimiter',
  'header',
  'quote',
  'callId',
  'callIdSeparator',
  'queue',
  'agent',
  'priority',
  'partner',
  'date',
  'timeFormat',
  'timeZone',
  'zeroTime',
  'outcome',
  'times',
  'holdSeconds',
]);

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function obj(v: unknown, key: string, allowed: readonly string[]): Obj {
  if (!isObj(v)) throw new CdrMapError(key, 'must be an object');
  for (const k of Object.keys(v)) {
    if (!allowed.includes(k))
      throw new CdrMapError(`${key}.${k}`, `is not a known key (expected ${allowed.join(', ')})`);
  }
  return v;
}

function str(v: unknown, key: string, opts: { nonEmpty?: boolean } = { nonEmpty: true }): string {
  if (typeof v !== 'string' || (opts.nonEmpty && v === '')) {
    throw new CdrMapError(key, opts.nonEmpty ? 'must be a non-empty string' : 'must be a string');
  }
  return v;
}

function column(v: unknown, key: string): ColumnRef {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  throw new CdrMapError(key, 'must be a column name or a 0-based column index');
}

function columns(v: unknown, key: string): ColumnRef[] {
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0) throw new CdrMapError(key, 'must name at least one column');
  return list.map((c, i) => column(c, Array.isArray(v) ? `${key}[${i}]` : key));
}

function strings(v: unknown, key: string): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.map((s, i) => str(s, Array.isArray(v) ? `${key}[${i}]` : key, { nonEmpty: false }));
}

function timeSource(v: unknown, key: string, afterChoices: ReadonlyArray<'queued' | 'answered'>): TimeSource {
  if (isObj(v) && 'column' in v) {
    obj(v, key, ['column', 'minusSeconds']);
    const src: TimeSource = { column: columns(v.column, `${key}.column`) };
    if (v.minusSeconds !== undefined) src.minusSeconds = column(v.minusSeconds, `${key}.minusSeconds`);
    return src;
  }
  if (isObj(v) && 'seconds' in v && afterChoices.length > 0) {
    obj(v, key, ['after', 'seconds']);
    if (!afterChoices.includes(v.after as 'queued')) {
      throw new CdrMapError(`${key}.after`, `must be ${afterChoices.map((c) => `"${c}"`).join(' or ')}`);
    }
    return { after: v.after as 'queued' | 'answered', seconds: column(v.seconds, `${key}.seconds`) };
  }
  throw new CdrMapError(
    key,
    afterChoices.length > 0
      ? 'must be {"column": ...} or {"after": ..., "seconds": ...}'
      : 'must be {"column": ...}',
  );
}

/** Every column the map reads, with the key that names it (for header checks and error messages). */
export function mapColumns(map: CdrMap): Array<[key: string, ref: ColumnRef]> {
  const out: Array<[string, ColumnRef]> = [];
  const many = (key: string, refs: ColumnRef[]) => {
    refs.forEach((r, i) => {
      out.push([refs.length > 1 ? `${key}[${i}]` : key, r]);
    });
  };
  many('callId', map.callId);
  out.push(['queue', map.queue]);
  if (map.agent) out.push(['agent.column', map.agent.column]);
  if (map.priority !== undefined) out.push(['priority', map.priority]);
  if (map.holdSeconds !== undefined) out.push(['holdSeconds', map.holdSeconds]);
  if (map.partner && 'column' in map.partner) out.push(['partner.column', map.partner.column]);
  if (map.date) {
    out.push(['date.column', map.date.column]);
    if (map.date.anchor !== undefined) out.push(['date.anchor', map.date.anchor]);
  }
  if (map.outcome) out.push(['outcome.column', map.outcome.column]);
  for (const step of ['queued', 'answered', 'ended', 'abandoned'] as const) {
    const src = map.times[step];
    if ('column' in src) {
      many(`times.${step}.column`, src.column);
      if (src.minusSeconds !== undefined) out.push([`times.${step}.minusSeconds`, src.minusSeconds]);
    } else out.push([`times.${step}.seconds`, src.seconds]);
  }
  return out;
}

/** Whole-value time formats that need no pattern. */
export const WHOLE_TIME_FORMATS = ['epoch', 'epoch-ms', 'iso'] as const;

/** Compiles the map's time pattern (null for the whole-value formats), with errors naming `key`. */
export function compileTimeFormat(format: string, key = 'timeFormat'): CompiledPattern | null {
  if ((WHOLE_TIME_FORMATS as readonly string[]).includes(format)) return null;
  try {
    return compilePattern(format);
  } catch (err) {
    throw new CdrMapError(key, (err as Error).message);
  }
}

/** Validates a decoded JSON column map and returns it normalized; throws CdrMapError naming the bad key. */
export function parseCdrMap(json: unknown): CdrMap {
  if (!isObj(json)) throw new CdrMapError('(map)', 'must be a JSON object');
  for (const k of Object.keys(json)) {
    if (!TOP_KEYS.has(k))
      throw new CdrMapError(k, `is not a known key (expected ${[...TOP_KEYS].join(', ')})`);
  }
  const m = json;
  const header = m.header === undefined ? true : m.header;
  if (typeof header !== 'boolean') throw new CdrMapError('header', 'must be true or false');
  const delimiter = str(m.delimiter, 'delimiter');
  const quote =
    m.quote === undefined ? '"' : m.quote === null || m.quote === false ? null : str(m.quote, 'quote');
  if (quote !== null && quote.length !== 1) throw new CdrMapError('quote', 'must be one character, or null');
  if (quote === delimiter) throw new CdrMapError('quote', 'must differ from the delimiter');

  const map: CdrMap = {
    delimiter,
    header,
    quote,
    callId: columns(m.callId, 'callId'),
    callIdSeparator: m.callIdSeparator === undefined ? '-' : str(m.callIdSeparator, 'callIdSeparator', {}),
    queue: column(m.queue, 'queue'),
    timeFormat: str(m.timeFormat, 'timeFormat'),
    timeZone: str(m.timeZone, 'timeZone'),
    zeroTime: m.zeroTime === undefined ? [] : strings(m.zeroTime, 'zeroTime'),
    times: {
      queued: { column: [] },
      answered: { column: [] },
      ended: { column: [] },
      abandoned: { column: [] },
    },
  };
  if (m.name !== undefined) map.name = str(m.name, 'name');
  if (m.description !== undefined) map.description = str(m.description, 'description', {});
  if (!isValidTimeZone(map.timeZone))
    throw new CdrMapError('timeZone', `"${map.timeZone}" is not a known time zone`);

  if (m.agent !== undefined) {
    const a = isObj(m.agent) ? obj(m.agent, 'agent', ['column', 'none', 'unknown']) : { column: m.agent };
    map.agent = {
      column: column(a.column, isObj(m.agent) ? 'agent.column' : 'agent'),
      none: a.none === undefined ? [] : strings(a.none, 'agent.none'),
    };
    if (a.unknown !== undefined) map.agent.unknown = str(a.unknown, 'agent.unknown');
  }
  if (m.priority !== undefined) map.priority = column(m.priority, 'priority');
  if (m.holdSeconds !== undefined) map.holdSeconds = column(m.holdSeconds, 'holdSeconds');
  if (m.partner !== undefined) {
    const p = obj(m.partner, 'partner', ['column', 'value']);
    if ((p.column === undefined) === (p.value === undefined)) {
      throw new CdrMapError('partner', 'must have exactly one of "column" or "value"');
    }
    map.partner =
      p.column !== undefined
        ? { column: column(p.column, 'partner.column') }
        : { value: str(p.value, 'partner.value') };
  }

  const pattern = compileTimeFormat(map.timeFormat);
  const timeHasDate = pattern !== null && (pattern.has.has('year') || pattern.has.has('year2'));
  if (m.date !== undefined) {
    const d = obj(m.date, 'date', ['column', 'format', 'anchor']);
    map.date = { column: column(d.column, 'date.column'), format: str(d.format, 'date.format') };
    if (d.anchor !== undefined) map.date.anchor = column(d.anchor, 'date.anchor');
    const dp = compileTimeFormat(map.date.format, 'date.format')!;
    if (
      dp === null ||
      !dp.has.has('month') ||
      !dp.has.has('day') ||
      !(dp.has.has('year') || dp.has.has('year2'))
    ) {
      throw new CdrMapError(
        'date.format',
        'must be a pattern with a year, a month and a day, e.g. YYYY-MM-DD',
      );
    }
    if (pattern === null || timeHasDate) {
      throw new CdrMapError('timeFormat', 'must be a time-of-day pattern such as H:mm:ss when "date" is set');
    }
  } else if (pattern !== null && (!timeHasDate || !pattern.has.has('month') || !pattern.has.has('day'))) {
    throw new CdrMapError('timeFormat', 'has no full date: add a "date" column, or use a date-time pattern');
  }

  if (m.outcome !== undefined) {
    const o = obj(m.outcome, 'outcome', ['column', 'answered', 'abandoned', 'ignore']);
    map.outcome = {
      column: column(o.column, 'outcome.column'),
      answered: strings(o.answered ?? [], 'outcome.answered'),
      abandoned: strings(o.abandoned ?? [], 'outcome.abandoned'),
      ignore: o.ignore === undefined ? [] : strings(o.ignore, 'outcome.ignore'),
    };
    if (map.outcome.answered.length === 0)
      throw new CdrMapError('outcome.answered', 'must list at least one value');
    const seen = new Set<string>();
    for (const k of ['answered', 'abandoned', 'ignore'] as const) {
      for (const v of map.outcome[k]) {
        if (seen.has(v))
          throw new CdrMapError(`outcome.${k}`, `repeats the value "${v}" given to another outcome`);
        seen.add(v);
      }
    }
  }

  const t = obj(m.times, 'times', ['queued', 'answered', 'ended', 'abandoned']);
  map.times = {
    queued: timeSource(t.queued, 'times.queued', []),
    answered: timeSource(t.answered, 'times.answered', ['queued']),
    ended: timeSource(t.ended, 'times.ended', ['answered']),
    abandoned: timeSource(t.abandoned, 'times.abandoned', ['queued']),
  };
  if (!map.header) {
    for (const [key, ref] of mapColumns(map)) {
      if (typeof ref === 'string')
        throw new CdrMapError(key, 'must be a 0-based column index when "header" is false');
    }
  }
  return map;
}
