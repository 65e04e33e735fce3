/**
 * The what-if view: the run as scheduled beside the run with the trainer's interventions (same scenario,
 * same seed, to the end of the day), each as a board of the kit's widgets, and the difference table.
 */

import type { SnapshotStore } from '@wallboard/widgets';
import { html, nothing, type TemplateResult } from 'lit';
import { CLOCK_CONTROLS } from '../sim/controls.js';
import type { RunInfo } from '../sim/protocol.js';
import type { ConsoleApp, ConsoleState } from './app.js';
import { COMPARED, type ComparedFigure, compareScope } from './compare.js';
import type { TimelineMark } from './timeline-overlay.js';
import { figure, intervalChart, scopeName, slGauge, timelineMarks } from './views.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function shown(f: ComparedFigure, v: number | null): string {
  if (v === null) return '–';
  if (f.format === 'percent') return pct(v);
  if (f.format === 'duration') return `${v.toFixed(1)} s`;
  return Math.round(v).toLocaleString('en');
}

function delta(f: ComparedFigure): string {
  const d = f.delta;
  if (d === null) return '–';
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const a = Math.abs(d);
  if (f.format === 'percent') return `${sign}${(a * 100).toFixed(1)} pts`;
  if (f.format === 'duration') return `${sign}${a.toFixed(1)} s`;
  return `${sign}${Math.round(a).toLocaleString('en')}`;
}

const VERDICT_WORDS = {
  better: '▲ better',
  worse: '▼ worse',
  same: '= same',
  changed: '◆ changed',
  'n/a': '',
};

function side(
  title: string,
  note: string,
  store: SnapshotStore,
  info: RunInfo,
  scope: string,
  testid: string,
  marks: readonly TimelineMark[],
) {
  return html`
    <section class="side" aria-label=${title} data-testid=${testid}>
      <h3>${title}</h3>
      <p class="hint">${note}</p>
      <!-- A finished run: nothing more will arrive, which is not stale data. -->
      <wb-board .store=${store} stale-after="31536000">
        <div class="grid figures compact">
          ${slGauge(scope, info, 'Service level')}
          ${figure(scope, info, 'abandonRate', 'Abandon rate')}
          ${figure(scope, info, 'abandoned', 'Abandoned')}
          ${figure(scope, info, 'asaSec', 'Average speed of answer')}
          ${figure(scope, info, 'occupancy', 'Occupancy')}
        </div>
        <wbc-timeline .marks=${marks}>
          ${intervalChart(scope, info, 'Calls and service level by interval')}
        </wbc-timeline>
      </wb-board>
    </section>
  `;
}

export function whatIfView(s: ConsoleState, app: ConsoleApp): TemplateResult {
  const info = s.info;
  const controls = s.timeline.filter((e) => e.source === 'control' && !CLOCK_CONTROLS.has(e.control)).length;
  const w = s.whatIf;
  const intro = html`
    <div class="what-if-intro">
      <p>
        Runs <strong>${info?.name ?? 'the scenario'}</strong> with seed <strong>${info?.seed ?? '–'}</strong> to the end of
        its day twice, as fast as the machine allows: once as scheduled, and once with your
        <strong>${controls}</strong> intervention${controls === 1 ? '' : 's'} replayed at the simulated times you made
        ${controls === 1 ? 'it' : 'them'}.
        ${s.clock?.finished ? 'The live run has finished; its board stays as it ended.' : s.clock ? 'The live run goes on meanwhile.' : ''}
      </p>
      <button type="button" class="primary" id="run-what-if" ?disabled=${!info || w.status === 'running'} @click=${() => app.runWhatIf()}>
        ${w.status === 'done' ? 'Run the what-if again' : 'Run the what-if'}
      </button>
      ${w.status === 'running' ? html`<p role="status">Running… ${w.done} of 2 runs done.</p>` : nothing}
      ${w.status === 'error' ? html`<p class="error" role="alert">${w.message}</p>` : nothing}
    </div>
  `;
  if (w.status !== 'done') return intro;
  const scope = s.scope in w.result.baseline.snapshot.scopes ? s.scope : 'all';
  // The live timeline's numbers, without clock changes (a replay has no pace).
  const marks = timelineMarks({ ...s, showClockEntries: false });
  // One queue: its rows would repeat the center's.
  const queueScopes = w.result.info.queues.length > 1 ? w.result.info.queues.map((q) => `queue:${q.id}`) : [];
  const scopes = ['all', ...queueScopes].filter(
    (k, i, a) => a.indexOf(k) === i && k in w.result.baseline.snapshot.scopes,
  );
  return html`
    ${intro}
    <div class="sides">
      ${side(
        'As scheduled',
        "No interventions; the scenario's incidents are marked.",
        w.baseline,
        w.result.info,
        scope,
        'what-if-baseline',
        marks.filter((m) => m.entry.source === 'incident'),
      )}
      ${side('With your interventions', `${w.result.intervened.interventions} replayed; numbered as on the live timeline.`, w.intervened, w.result.info, scope, 'what-if-intervened', marks)}
    </div>
    <table class="diff" data-testid="what-if-diff">
      <caption>Difference at the end of the day</caption>
      <thead>
        <tr><th scope="col">Scope</th><th scope="col">Figure</th><th scope="col">As scheduled</th><th scope="col">With interventions</th><th scope="col">Difference</th><th scope="col">Verdict</th></tr>
      </thead>
      ${scopes.map(
        (sc) => html`<tbody>
          ${compareScope(w.result.baseline.snapshot, w.result.intervened.snapshot, sc).map(
            (f, i) => html`<tr class=${f.verdict} data-scope=${sc} data-figure=${f.key}>
              ${i === 0 ? html`<th scope="rowgroup" rowspan=${COMPARED.length}>${scopeName(sc, w.result.info)}</th>` : nothing}
              <th scope="row">${f.label}</th>
              <td>${shown(f, f.baseline)}</td>
              <td>${shown(f, f.intervened)}</td>
              <td class="delta">${delta(f)}</td>
              <td class="verdict">${VERDICT_WORDS[f.verdict]}</td>
            </tr>`,
          )}
        </tbody>`,
      )}
    </table>
  `;
}
