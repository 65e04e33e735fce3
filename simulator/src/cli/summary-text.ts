/** The readable summary of a run: the report's scopes and the day's intervals as plain-text tables. */
import { type Report, SL_FORMULA_LABELS, type WindowFigures } from '@wallboard/metrics';
import type { SimSummary } from '../engine/simulation.js';
import { table } from './args.js';

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const sec = (x: number | null) => (x === null ? '-' : x.toFixed(1));
const int = (x: number) => x.toLocaleString('en-US');

function row(name: string, f: WindowFigures): Array<string | number> {
  return [
    name,
    int(f.offered),
    int(f.answered),
    int(f.abandoned),
    int(f.overflowed),
    pct(f.serviceLevel),
    sec(f.asaSec),
    sec(f.ahtSec),
    pct(f.abandonRate),
    pct(f.occupancy),
    pct(f.csat),
  ];
}

const HEADER = [
  'scope',
  'offered',
  'answered',
  'abandoned',
  'overflowed',
  'SL',
  'ASA s',
  'AHT s',
  'abandon',
  'occupancy',
  'CSAT',
];

export function formatReportSummary(
  title: string,
  report: Report,
  run: { calls: number; events: number; wallMs: number },
  own?: SimSummary,
): string {
  const s = report.settings;
  const lines = [
    title,
    `${int(run.calls)} calls, ${int(run.events)} events in ${int(Math.round(run.wallMs))} ms of run time`,
    `SL ${Math.round(s.slTarget * 100)}/${s.slThresholdSec}, ${SL_FORMULA_LABELS[s.slFormula]}; short abandons under ${s.shortAbandonSec} s left out; times in ${s.timeZone}`,
    '',
  ];
  const keys = Object.keys(report.scopes);
  const order = (k: string) =>
    k === 'all' ? 0 : k.startsWith('queue:') ? 1 : k.startsWith('partner:') ? 2 : 3;
  const teams = keys.filter((k) => k.startsWith('team:'));
  const shown = keys
    .filter((k) => !k.startsWith('team:') || teams.length <= 20)
    .sort((a, b) => order(a) - order(b));
  lines.push(table([HEADER, ...shown.map((k) => row(k, report.scopes[k]))]).trimEnd());
  if (teams.length > 20) lines.push(`(${teams.length} team scopes not shown: use --json)`);
  const intervals = report.intervals.filter((i) => i.scopes.all);
  if (intervals.length > 0) {
    lines.push('', 'all, per interval:');
    lines.push(
      table([
        [
          'interval',
          'offered',
          'answered',
          'abandoned',
          'overflowed',
          'SL',
          'ASA s',
          'AHT s',
          'abandon',
          'occupancy',
          'CSAT',
        ],
        ...intervals.map((i) => row(i.label, i.scopes.all)),
      ]).trimEnd(),
    );
  }
  if (own && own.partners.length > 0) {
    // The engine's partner scopes include calls that overflowed in; judge a partner on its own traffic.
    lines.push('', 'partners, own traffic vs overflow received (simulator tallies, every abandon counted):');
    const rows: Array<Array<string | number>> = [
      ['partner', 'own offered', 'own SL', 'overflow in', 'overflow SL', 'sent away'],
    ];
    for (const p of own.partners) {
      rows.push([
        p.partner,
        int(p.direct.offered),
        pct(p.direct.serviceLevel),
        int(p.overflowIn.offered),
        pct(p.overflowIn.serviceLevel),
        int(p.overflowed),
      ]);
    }
    lines.push(table(rows).trimEnd());
  }
  if (report.diagnostics.rejected > 0) {
    lines.push(
      '',
      `metrics engine rejected ${report.diagnostics.rejected} events: ${JSON.stringify(report.diagnostics.reasons)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
