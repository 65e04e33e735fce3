/** The readable summary of a run: the report's scopes and the day's intervals as plain-text tables. */
import { type Report, SL_FORMULA_LABELS, type WindowFigures } from '@wallboard/metrics';
import type { Billing } from '../engine/simulation.js';
import { table } from './args.js';
import type { OriginFigures } from './partner-split.js';

/** One entry of `run.partners` in `--summary --json`. */
export interface PartnerSummary {
  partner: string;
  name: string;
  contract: 'per-call' | 'per-fte' | null;
  queues: string[];
  /** Calls that arrived at the partner's own queues: what it is judged on. */
  direct: OriginFigures;
  /** Calls other queues overflowed into it. */
  overflowIn: OriginFigures;
  /** direct.answered + overflowIn.answered: the calls answered in its queues. */
  answered: number;
  /** FTE its agents held on the phones (time-weighted, after the warm-up), rounded to 3 decimals. */
  avgStaffed: number | null;
  /** Hours its agents were staffed after the warm-up, rounded to 3 decimals. */
  staffedHours: number;
  /** `sim.summary()`'s bill, unrounded: what the partner's agents did (see `PartnerTotals.billed`). */
  billed: Billing | null;
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const sec = (x: number | null) => (x === null ? '-' : x.toFixed(1));
const int = (x: number) => x.toLocaleString('en-US');

function row(name: string, f: WindowFigures): Array<string | number> {
  // A team scope has agent-side figures only (DESIGN.md "Scopes"): no call columns, not zeros.
  if (name.startsWith('team:')) {
    return [name, '', '', '', '', '', '', sec(f.ahtSec), '', pct(f.occupancy), pct(f.csat)];
  }
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

/** The figures' columns of the scope table and of the interval table. */
const COLUMNS = [
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
  run: { calls: number; events: number; wallMs: number; partners?: PartnerSummary[] },
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
  lines.push(table([['scope', ...COLUMNS], ...shown.map((k) => row(k, report.scopes[k]))]).trimEnd());
  if (teams.length > 20) lines.push(`(${teams.length} team scopes not shown: use --json)`);
  else if (teams.length > 0) lines.push('(team rows: agent-side figures only)');
  const intervals = report.intervals.filter((i) => i.scopes.all);
  if (intervals.length > 0) {
    lines.push('', 'all, per interval:');
    lines.push(
      table([['interval', ...COLUMNS], ...intervals.map((i) => row(i.label, i.scopes.all))]).trimEnd(),
    );
  }
  const partners = run.partners ?? [];
  if (partners.length > 0) {
    // The engine's partner scopes mix a partner's own calls with the overflow it absorbed: split them.
    lines.push(
      '',
      `partners: own calls vs overflow received (SL ${Math.round(s.slTarget * 100)}/${s.slThresholdSec}, as above), FTE held, contract:`,
    );
    const rows: Array<Array<string | number>> = [
      [
        'partner',
        'contract',
        'own offered',
        'own SL',
        'overflow in',
        'overflow SL',
        'sent away',
        'answered',
        'avg FTE',
        'billed',
      ],
    ];
    for (const p of partners) {
      rows.push([
        p.partner,
        p.contract ?? '-',
        int(p.direct.offered),
        pct(p.direct.serviceLevel),
        int(p.overflowIn.offered),
        pct(p.overflowIn.serviceLevel),
        int(p.direct.overflowed + p.overflowIn.overflowed),
        int(p.answered),
        p.avgStaffed === null ? '-' : p.avgStaffed.toFixed(1),
        billedText(p.billed),
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

const money = (x: number) =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1,234 calls x 4.50 = 5,553.00", "136.0 FTE-h x 28.00 = 3,808.00", or the units alone without a rate. */
function billedText(b: Billing | null): string {
  if (b === null) return '-';
  const units = b.basis === 'calls' ? `${int(b.units)} calls` : `${b.units.toFixed(1)} FTE-h`;
  return b.rate === null || b.cost === null ? units : `${units} x ${money(b.rate)} = ${money(b.cost)}`;
}
