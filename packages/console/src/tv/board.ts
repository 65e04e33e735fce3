/**
 * Builds the floor board's DOM once from a layout: one `wb-board` holding a header (title, page name,
 * center clock), one section per page (a grid of the kit's widgets) and the ticker. Nothing is rebuilt
 * afterwards: pages rotate by toggling `hidden`, data flows through the store, agent rows and ticker
 * messages are set as properties. A board that runs for weeks must not churn its DOM.
 *
 * A feed board whose queues change (a queue's first call, hours after the board started) calls
 * `buildBoard` again with the new pages: lit updates the same DOM in place (the same board, header,
 * ticker and sections; each widget keyed by what it shows, so a queue's tile stays the same element
 * while it stays on its page, and only changed attributes, such as thresholds, are set).
 */
import type { WallboardStore } from '@wallboard/metrics';
import type { WbTicker } from '@wallboard/widgets';
import { html, render, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { figureName, neutralTrend, slTermsOf, thresholdsOf } from '../shared/thresholds.js';
import type { RunInfo } from '../sim/protocol.js';
import {
  columnsOf,
  type Layout,
  type PageSpec,
  pageColumns,
  rowsOf,
  type Thresholds,
  type WidgetSpec,
  widgetScope,
} from './layout.js';

/**
 * Threshold attributes: the widget's own, else the layout file's for its metric, else the shared ones
 * of its scope (the console's, following the scope's SL target and T), field by field. A level borrowed
 * from a less specific source that lands on the wrong side of the other one is dropped: a layout's ASA
 * warn of 45 s on a queue whose shared critical is 3T = 30 s would otherwise make 35 s critical and
 * leave warning unreachable.
 */
export function widgetThresholds(w: WidgetSpec, layout: Layout, info: RunInfo, metric: string): Thresholds {
  const file = layout.thresholds[figureName(metric)] ?? {};
  const shared = thresholdsOf(metric, slTermsOf(widgetScope(w), info));
  const sources = [w, file, shared ?? {}];
  const pick = (key: 'warn' | 'critical'): { value: number | undefined; at: number } => {
    const at = sources.findIndex((s) => s[key] != null);
    return { value: at < 0 ? undefined : (sources[at][key] as number), at };
  };
  const direction = w.direction ?? file.direction ?? shared?.direction;
  const warn = pick('warn');
  const critical = pick('critical');
  if (warn.value !== undefined && critical.value !== undefined && warn.at !== critical.at) {
    const inverted = direction === 'below' ? critical.value > warn.value : critical.value < warn.value;
    if (inverted) (warn.at > critical.at ? warn : critical).value = undefined;
  }
  return { warn: warn.value, critical: critical.value, direction };
}

/**
 * `direction` for a staffing card with no levels of its own: its gap in agents has no level that fits
 * every queue (69 short is dire on a 90-agent queue, 2 short a warning at most), and the widget's
 * default (a warning from one short, never critical) said "Warning" beside a critical service level.
 * With no `warn` given, the widget's default applies only `below`, so `above` leaves it no level: it
 * shows the gap and the projected SL against the target, and claims no status (`no-status`).
 */
export const NO_LEVELS = 'above';

/** A widget's own levels from the layout file, or null when it gives none. */
export function ownThresholds(w: WidgetSpec): Thresholds | null {
  if (w.warn === undefined && w.critical === undefined) return null;
  return { warn: w.warn, critical: w.critical, direction: w.direction ?? 'below' };
}

function widgetTemplate(w: WidgetSpec, layout: Layout, info: RunInfo, page: PageSpec): TemplateResult {
  const scope = widgetScope(w);
  const style = `grid-column: ${columnsOf(w, page) === 'all' ? '1 / -1' : `span ${w.span ?? 1}`}; grid-row: span ${rowsOf(w, page)}`;
  switch (w.type) {
    case 'sl-gauge': {
      const t = widgetThresholds(w, layout, info, w.metric ?? 'serviceLevel');
      return html`<wb-sl-gauge style=${style} scope=${scope} metric=${ifDefined(w.metric)} label=${w.label ?? 'Service level'}
        warn=${ifDefined(t.warn)} critical=${ifDefined(t.critical)} direction=${ifDefined(t.direction)}></wb-sl-gauge>`;
    }
    case 'metric': {
      const metric = w.metric ?? 'waiting';
      const t = widgetThresholds(w, layout, info, metric);
      // A figure with no threshold (a count) claims no "OK", as on the console (tv.css `no-status`).
      const none = t.warn === undefined && t.critical === undefined;
      return html`<wb-metric style=${style} class=${ifDefined(none ? 'no-status' : undefined)} scope=${scope} metric=${metric} label=${w.label ?? metric} format=${ifDefined(w.format)}
        ?neutral-trend=${neutralTrend(metric)} warn=${ifDefined(t.warn)} critical=${ifDefined(t.critical)} direction=${ifDefined(t.direction)}></wb-metric>`;
    }
    case 'queue-tile': {
      const queue = w.queue ?? scope.slice(6);
      const t = widgetThresholds(w, layout, info, 'serviceLevel');
      const wait = widgetThresholds(
        { ...w, warn: w.waitWarnSec, critical: w.waitCriticalSec },
        layout,
        info,
        'longestWaitSec',
      );
      const name = info.queues.find((q) => q.id === queue)?.name ?? queue;
      return html`<wb-queue-tile style=${style} queue=${queue} label=${w.label ?? name}
        warn=${ifDefined(t.warn)} critical=${ifDefined(t.critical)}
        wait-warn-sec=${ifDefined(wait.warn)} wait-critical-sec=${ifDefined(wait.critical)}></wb-queue-tile>`;
    }
    case 'interval-chart': {
      // Judged like the SL gauge of its scope: critical 15 points under the target, not only "Warning".
      const t = widgetThresholds(w, layout, info, 'serviceLevel');
      return html`<wb-interval-chart style=${style} scope=${scope} label=${w.label ?? 'Calls and service level'}
        warn=${ifDefined(t.warn)} critical=${ifDefined(t.critical)} direction=${ifDefined(t.direction)}></wb-interval-chart>`;
    }
    case 'abandon-chart': {
      // Judged like the abandon-rate card: its target line is the warn level.
      const t = widgetThresholds(w, layout, info, 'abandonRate');
      return html`<wb-abandon-chart style=${style} scope=${scope} label=${w.label ?? 'Abandoned calls'} target=${ifDefined(t.warn)}
        warn=${ifDefined(t.warn)} critical=${ifDefined(t.critical)} direction=${ifDefined(t.direction)}></wb-abandon-chart>`;
    }
    case 'agent-board': {
      // fit: a kiosk has nothing to scroll or press with; every state gets a column of what fits.
      // Agents available has no level of its own (none free is right when nobody waits, wrong when 51
      // do): only a widget's own levels judge it, else it claims no status (no "OK" it cannot know).
      const t = ownThresholds(w);
      return html`<wb-agent-board fit style=${style} class=${ifDefined(t ? undefined : 'no-status')} scope=${scope} label=${w.label ?? 'Agents'} data-agents=${scope}
        warn=${ifDefined(t?.warn)} critical=${ifDefined(t?.critical)} direction=${ifDefined(t?.direction)}></wb-agent-board>`;
    }
    case 'staffing': {
      const queue = w.queue ?? (scope.startsWith('queue:') ? scope.slice(6) : info.queues[0]?.id);
      const name = info.queues.find((q) => q.id === queue)?.name ?? queue;
      const t = ownThresholds(w);
      return html`<wb-staffing style=${style} class=${ifDefined(t ? undefined : 'no-status')} queue=${ifDefined(queue)} label=${w.label ?? (name ? `Staffing, ${name}` : 'Staffing')}
        warn=${ifDefined(t?.warn)} critical=${ifDefined(t?.critical)} direction=${t?.direction ?? NO_LEVELS}></wb-staffing>`;
    }
    case 'clock':
      return html`<wb-clock style=${style} seconds date label=${w.label ?? 'Center time'}></wb-clock>`;
  }
}

/**
 * A key per widget of a page, from what it shows (type, scope, metric, label; a repeat of the same
 * gets its ordinal): kept across re-renders, so an updated page moves a widget's element rather than
 * making another widget of it (which would show the old scope's figures and fire a false crossing).
 */
export function widgetKeys(widgets: readonly WidgetSpec[]): Array<{ key: string; widget: WidgetSpec }> {
  const seen = new Map<string, number>();
  return widgets.map((widget) => {
    const base = JSON.stringify([widget.type, widgetScope(widget), widget.metric ?? '', widget.label ?? '']);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { key: `${base}#${n}`, widget };
  });
}

export interface BuiltBoard {
  board: HTMLElement;
  pages: HTMLElement[];
  ticker: WbTicker;
  pageName: HTMLElement;
  /** The board's own alert line (a failed simulation being restarted), hidden when all is well. */
  alert: HTMLElement;
}

export function buildBoard(
  root: HTMLElement,
  layout: Layout,
  pages: PageSpec[],
  info: RunInfo,
  store: WallboardStore,
): BuiltBoard {
  render(
    html`
      <wb-board class="tv-board" theme=${layout.theme} stale-after=${layout.staleAfterSec} .store=${store}>
        <header class="tv-head">
          <h1>${layout.title}</h1>
          <div class="tv-page" aria-live="off">
            <span class="tv-page-name"></span>
            <span class="tv-dots" aria-hidden="true">${pages.map(() => html`<i></i>`)}</span>
          </div>
          <wb-clock class="tv-clock" seconds date label="Center time"></wb-clock>
        </header>
        <div class="tv-alert" role="alert" hidden></div>
        ${pages.map(
          (page, i) => html`
            <section class="tv-page-body" data-page=${i} aria-label=${page.title} ?hidden=${i !== 0}>
              <div class="tv-grid" style="--cols: ${pageColumns(page)}">
                ${repeat(
                  widgetKeys(page.widgets),
                  (k) => k.key,
                  (k) => widgetTemplate(k.widget, layout, info, page),
                )}
              </div>
            </section>
          `,
        )}
        <wb-ticker class="tv-ticker" label="Announcements"></wb-ticker>
      </wb-board>
    `,
    root,
  );
  const board = root.querySelector<HTMLElement>('wb-board')!;
  return {
    board,
    pages: [...root.querySelectorAll<HTMLElement>('.tv-page-body')],
    ticker: root.querySelector('wb-ticker')!,
    pageName: root.querySelector<HTMLElement>('.tv-page-name')!,
    alert: root.querySelector<HTMLElement>('.tv-alert')!,
  };
}

export function renderProblems(
  root: HTMLElement,
  title: string,
  problems: readonly string[],
  where: string,
): void {
  render(
    html`
      <div class="tv-error" role="alert">
        <h1>${title}</h1>
        <p>${where}</p>
        <ul>${problems.map((p) => html`<li><code>${p}</code></li>`)}</ul>
        <p class="help">
          A layout file names its widgets, queues, thresholds and pages; see <code>/layouts/care-floor.json</code>
          for an example. URL parameters: <code>layout</code>, <code>scenario</code>, <code>speed</code>, <code>seed</code>,
          <code>queues</code>, <code>theme</code>, <code>rotate</code>, <code>title</code>; for demos <code>at</code>
          (a center time, HH:MM) and <code>paused</code> (<code>1</code>); for live data from a wallboard server
          <code>feed</code> (its stream address, like <code>/stream</code>), <code>token</code> and <code>transport</code>
          (<code>sse</code> or <code>ws</code>).
        </p>
      </div>
    `,
    root,
  );
}

/** While a feed has sent nothing yet: what the board is waiting for (no token shown). */
export function renderWaiting(root: HTMLElement, title: string, text: string): void {
  render(
    html`
      <div class="tv-error tv-waiting" role="status">
        <h1>${title}</h1>
        <p>${text}</p>
      </div>
    `,
    root,
  );
}
