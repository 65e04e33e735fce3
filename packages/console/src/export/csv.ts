/**
 * Interval figures as CSV (RFC 4180): one row per scope and interval of the run, the closed intervals and
 * the open one (`complete` = false). Empty windows give empty cells, never 0 or NaN. Ratios and seconds
 * are rounded to 4 decimals. A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
 * is prefixed with an apostrophe: scope names come from scenario files.
 */
import type { IntervalFigures, Snapshot, WindowFigures } from '@wallboard/metrics';

export const CSV_FIGURES = [
  'offered',
  'answered',
  'abandoned',
  'shortAbandoned',
  'overflowed',
  'answeredWithin',
  'abandonedWithin',
  'handled',
  'serviceLevel',
  'asaSec',
  'ataSec',
  'attSec',
  'acwSec',
  'ahtSec',
  'abandonRate',
  'occupancy',
  'csat',
  'surveys',
  'avgStaffed',
] as const satisfies ReadonlyArray<keyof WindowFigures>;

export const CSV_HEADER = ['scope', 'interval', 'start', 'end', 'complete', ...CSV_FIGURES];

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Math.round(v * 10_000) / 10_000) : '';
  if (typeof v === 'boolean') return String(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Scopes in a stable, readable order: all, then partners, then queues (teams have no interval lists). */
export function csvScopes(snapshot: Snapshot): string[] {
  const rank = (k: string) =>
    k === 'all' ? 0 : k.startsWith('partner:') ? 1 : k.startsWith('queue:') ? 2 : 3;
  return Object.keys(snapshot.scopes)
    .filter((k) => rank(k) < 3)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function intervalsCsv(snapshot: Snapshot, scopes: readonly string[] = csvScopes(snapshot)): string {
  const lines = [CSV_HEADER.join(',')];
  const row = (scope: string, f: IntervalFigures, complete: boolean) =>
    [
      csvCell(scope),
      csvCell(f.label),
      new Date(f.start).toISOString(),
      new Date(f.end).toISOString(),
      String(complete),
      ...CSV_FIGURES.map((k) => csvCell(f[k])),
    ].join(',');
  for (const scope of scopes) {
    const s = snapshot.scopes[scope];
    if (!s) continue;
    const closed = s.intervals ?? [];
    for (const f of closed) lines.push(row(scope, f, true));
    const last = closed[closed.length - 1];
    if (s.interval && (!last || s.interval.start >= last.end) && s.interval.end > s.interval.start) {
      // The open interval, only once something happened in it.
      if (s.interval.offered > 0 || s.interval.avgStaffed !== null) lines.push(row(scope, s.interval, false));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
