/**
 * The console's page: header, sidebar panels, and the live board or the what-if view. The board is the
 * kit's own widgets inside one `wb-board`, bound to the run's SnapshotStore and to the scope picked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { figureThresholds, neutralTrend, slTermsOf, thresholdsOf } from '../shared/thresholds.js';
import { localTimeOfDay } from '../shared/time.js';
import { CLOCK_CONTROLS } from '../sim/controls.js';
import type { QueueInfo, RunInfo, TimelineEntry } from '../sim/protocol.js';
import type { ConsoleApp, ConsoleState } from './app.js';
import { describeEntry } from './describe.js';
import { clockPanel, controlsPanel, exportPanel, scenarioPanel } from './panels.js';
import type { TimelineMark } from './timeline-overlay.js';
import { whatIfView } from './what-if-view.js';

export function scopeName(scope: string, info: RunInfo | null): string {
  if (scope === 'all') return 'All queues';
  if (scope.startsWith('partner:')) return `Partner ${scope.slice(8)}`;
  const id = scope.slice(6);
  return info?.queues.find((q) => q.id === id)?.name ?? id;
}

/** The timeline entries worth numbering (clock changes only when asked for). */
export function timelineMarks(s: ConsoleState): TimelineMark[] {
  const queues = s.info?.queues ?? [];
  const marks: TimelineMark[] = [];
  s.timeline.forEach((entry) => {
    if (!s.showClockEntries && CLOCK_CONTROLS.has(entry.control)) return;
    marks.push({ n: marks.length + 1, entry, text: describeEntry(entry, queues) });
  });
  return marks;
}

function agentRows(s: ConsoleState) {
  const scope = s.scope;
  if (scope === 'all') return s.agents;
  if (scope.startsWith('queue:')) {
    const q = scope.slice(6);
    return s.agents.filter((a) => a.queues?.includes(q));
  }
  const p = scope.slice(8);
  return s.agents.filter((a) => a.partner === p);
}

/**
 * A figure card with the shared thresholds (src/shared/thresholds.ts), or with none: a figure without a threshold
 * gets the `no-status` class, which hides an "OK" it cannot know (a stale or empty card still says so).
 */
export function figure(
  scope: string,
  info: Pick<RunInfo, 'queues' | 'settings'>,
  metric: string,
  label: string,
  extra: { format?: string; testid?: string } = {},
): TemplateResult {
  const t = thresholdsOf(metric, slTermsOf(scope, info));
  return html`<wb-metric
    scope=${scope}
    metric=${metric}
    label=${label}
    format=${extra.format ?? nothing}
    data-testid=${extra.testid ?? nothing}
    class=${t ? nothing : 'no-status'}
    ?neutral-trend=${neutralTrend(metric)}
    .warn=${t?.warn ?? null}
    .critical=${t?.critical ?? null}
    direction=${t?.direction ?? 'above'}
  ></wb-metric>`;
}

/** The SL gauge: warns below the target, critical 15 points under it. */
export function slGauge(
  scope: string,
  info: Pick<RunInfo, 'queues' | 'settings'>,
  label: string,
  testid?: string,
): TemplateResult {
  const t = figureThresholds(slTermsOf(scope, info)).serviceLevel;
  return html`<wb-sl-gauge
    scope=${scope}
    label=${label}
    data-testid=${testid ?? nothing}
    .warn=${t.warn}
    .critical=${t.critical}
    direction="below"
  ></wb-sl-gauge>`;
}

/** The interval chart, judged like the SL gauge of its scope (critical 15 points under the target). */
export function intervalChart(
  scope: string,
  info: Pick<RunInfo, 'queues' | 'settings'>,
  label: string,
): TemplateResult {
  const t = figureThresholds(slTermsOf(scope, info)).serviceLevel;
  return html`<wb-interval-chart
    scope=${scope}
    label=${label}
    .warn=${t.warn}
    .critical=${t.critical}
    direction="below"
  ></wb-interval-chart>`;
}

function liveFigures(sc: string, info: RunInfo): TemplateResult {
  return html`
    ${slGauge(sc, info, 'Service level today', 'sl-gauge')}
    ${figure(sc, info, 'interval.serviceLevel', 'Service level this interval')}
    ${figure(sc, info, 'offered', 'Calls offered today')}
    ${figure(sc, info, 'abandoned', 'Abandoned today')}
    ${figure(sc, info, 'abandonRate', 'Abandon rate', { testid: 'abandon-rate' })}
    ${figure(sc, info, 'asaSec', 'Average speed of answer', { testid: 'asa' })}
    ${figure(sc, info, 'waiting', 'Calls waiting')}
    ${figure(sc, info, 'longestWaitSec', 'Longest wait now', { format: 'duration' })}
    ${figure(sc, info, 'occupancy', 'Occupancy today')}
    ${figure(sc, info, 'staffedAgents', 'Agents staffed', { testid: 'staffed' })}
  `;
}

function liveBoard(s: ConsoleState, app: ConsoleApp): TemplateResult {
  const info = s.info;
  if (!info || !s.store) {
    return html`<div class="empty-board"><p>${s.starting ? 'Starting the simulation…' : 'Pick a scenario and start a run.'}</p></div>`;
  }
  const sc = s.scope;
  const marks = timelineMarks(s);
  const zone = info.timeZone;
  const focusQueue = sc.startsWith('queue:') ? sc.slice(6) : null;
  const queues = focusQueue ? info.queues.filter((q) => q.id === focusQueue) : info.queues;
  const shownQueues = sc.startsWith('partner:')
    ? info.queues.filter((q) => q.partner === sc.slice(8))
    : queues;
  const levels = figureThresholds(slTermsOf(sc, info));
  return html`
    <wb-board .store=${s.store} label=${`${info.name} · seed ${info.seed}`} stale-after="5" class="live-board">
      <div class="board-head">
        <div class="field inline">
          <label for="scope">Showing</label>
          <select id="scope" @change=${(e: Event) => app.setScope((e.target as HTMLSelectElement).value)}>
            ${app.scopesOf(info).map((k) => html`<option value=${k} ?selected=${k === sc}>${scopeName(k, info)}</option>`)}
          </select>
        </div>
        <wb-clock seconds date label="Center time"></wb-clock>
      </div>
      <div class="grid figures">
        ${liveFigures(sc, info)}
      </div>
      <h3 class="section">Intervals and your timeline</h3>
      <wbc-timeline .marks=${marks} class="chart">
        ${intervalChart(sc, info, `Calls and service level, ${scopeName(sc, info)}`)}
      </wbc-timeline>
      ${timelineLog(marks, zone, s, app)}
      <div class="grid charts">
        <wb-abandon-chart scope=${sc} label="Abandoned calls by interval" .target=${levels.abandonRate.warn}
          .warn=${levels.abandonRate.warn} .critical=${levels.abandonRate.critical} direction="above"></wb-abandon-chart>
        ${staffingCard(shownQueues)}
      </div>
      <h3 class="section">Agents</h3>
      <wb-agent-board scope=${sc} class="no-status" .agents=${agentRows(s)} label=${`Agents, ${scopeName(sc, info)}`}></wb-agent-board>
      <h3 class="section">Queues</h3>
      <div class="grid tiles">
        ${repeat(
          queues,
          (q) => q.id,
          (q) => {
            const t = figureThresholds(slTermsOf(`queue:${q.id}`, info));
            return html`<wb-queue-tile queue=${q.id} label=${q.name} .warn=${t.serviceLevel.warn} .critical=${t.serviceLevel.critical}
              .waitWarnSec=${t.longestWaitSec.warn} .waitCriticalSec=${t.longestWaitSec.critical}></wb-queue-tile>`;
          },
        )}
      </div>
    </wb-board>
  `;
}

/**
 * Staffing advice is per queue (the engine's Erlang advice has no center-wide figure). A view of one
 * queue (or a partner owning one) shows that queue's card, named; a view of several says so instead of
 * showing one of them as if it were the whole (it showed "Mobile support" under "All queues").
 * The gap in agents has no level that fits every queue size, so the card claims no status word
 * (`no-status`, and `direction="above"` with no levels turns off the widget's "Warning from one short"):
 * the gap and the projected SL against the target say how bad it is.
 */
function staffingCard(queues: readonly QueueInfo[]): TemplateResult {
  if (queues.length === 1) {
    const q = queues[0];
    return html`<wb-staffing queue=${q.id} class="no-status" direction="above" label=${`Staffing now, ${q.name}`}></wb-staffing>`;
  }
  return html`<div class="staffing-note" data-testid="staffing-note">
    <h4>Staffing now</h4>
    <p class="hint">Staffing advice is per queue: pick one of the ${queues.length} queues under <strong>Showing</strong> to see the agents it needs.</p>
  </div>`;
}

function timelineLog(marks: TimelineMark[], zone: string, s: ConsoleState, app: ConsoleApp) {
  return html`
    <div class="timeline-log">
      <div class="timeline-head">
        <h4 id="h-timeline">Timeline</h4>
        <label class="check"><input
          type="checkbox"
          .checked=${s.showClockEntries}
          @change=${(e: Event) => {
            app.set({ showClockEntries: (e.target as HTMLInputElement).checked });
            void app.refreshTimeline();
          }}
        />Show pause, step and speed changes</label>
      </div>
      ${
        marks.length === 0
          ? html`<p class="hint">Your controls and the scenario's incidents appear here and on the chart.</p>`
          : html`<ol aria-labelledby="h-timeline" data-testid="timeline">
            ${marks.map(
              (m) => html`<li class=${m.entry.source}>
                <span class="n">${m.n}</span>
                <time>${localTimeOfDay(m.entry.t, zone)}</time>
                <span class="who">${m.entry.source === 'incident' ? 'scenario' : 'you'}</span>
                <span class="what">${m.text}</span>
              </li>`,
            )}
          </ol>`
      }
    </div>
  `;
}

/** Bad URL parameters, each named with what it allows (the run did not start because of them). */
function linkNotice(s: ConsoleState) {
  if (s.linkProblems.length === 0) return nothing;
  return html`<div class="problems link-problems" role="alert" data-testid="link-problems">
    <p>This link's parameters have problems, so no run was started:</p>
    <ul>${s.linkProblems.map((p) => html`<li><code>${p}</code></li>`)}</ul>
    <p>Fix the link, or pick a scenario and press <strong>Start run</strong>.</p>
  </div>`;
}

export function appView(s: ConsoleState, app: ConsoleApp): TemplateResult {
  return html`
    <a class="skip" href="#main">Skip to the board</a>
    <header class="top">
      <div class="brand"><span class="logo" aria-hidden="true"></span><h1>Wallboard <span>trainer console</span></h1></div>
      <nav aria-label="Other pages">
        <a href="./tv.html${s.source.kind === 'builtin' ? `?scenario=${encodeURIComponent(s.source.name)}&speed=${s.speed}` : ''}" target="_blank" rel="noopener">Floor TV ↗</a>
        <a href="./embed.html" target="_blank" rel="noopener">CRM embed ↗</a>
      </nav>
    </header>
    <div class="layout">
      <aside class="sidebar" aria-label="Run settings and controls">
        ${scenarioPanel(s, app)} ${clockPanel(s, app)} ${controlsPanel(s, app)} ${exportPanel(s, app)}
      </aside>
      <main id="main" tabindex="-1">
        ${linkNotice(s)}
        <div class="tabs" role="tablist" aria-label="Views">
          ${tab(s, app, 'live', 'Live board')}
          ${tab(s, app, 'what-if', 'What-if')}
        </div>
        <div role="tabpanel" id="panel-live" aria-labelledby="tab-live" ?hidden=${s.tab !== 'live'}>${liveBoard(s, app)}</div>
        <div role="tabpanel" id="panel-what-if" aria-labelledby="tab-what-if" ?hidden=${s.tab !== 'what-if'}>
          ${s.tab === 'what-if' ? whatIfView(s, app) : nothing}
        </div>
      </main>
    </div>
  `;
}

function tab(s: ConsoleState, app: ConsoleApp, id: 'live' | 'what-if', label: string) {
  const selected = s.tab === id;
  return html`<button
    type="button"
    role="tab"
    id=${`tab-${id}`}
    aria-controls=${`panel-${id}`}
    aria-selected=${selected ? 'true' : 'false'}
    tabindex=${selected ? '0' : '-1'}
    @click=${() => app.setTab(id)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = id === 'live' ? 'what-if' : 'live';
        app.setTab(next);
        requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
      }
    }}
  >${label}</button>`;
}

export type { TimelineEntry };
