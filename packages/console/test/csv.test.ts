import { MetricsEngine, type WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell, intervalsCsv } from '../src/export/csv.js';

const T0 = Date.UTC(2025, 2, 3, 8, 0, 0);
const s = (sec: number) => T0 + sec * 1000;

/** Parses the CSV back (quoted cells with doubled quotes), to read it as a spreadsheet would. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split('\r\n').filter((l) => l !== '')) {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') quoted = false;
        else cur += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') {
        cells.push(cur);
        cur = '';
      } else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

describe('intervalsCsv', () => {
  it('writes one row per scope and interval with the figures of the events', () => {
    const q = 'sales';
    const hostile = '=HYPERLINK("http://x","a,b")';
    const events: WallboardEvent[] = [
      { type: 'agent.state', t: s(0), agent: 'a1', state: 'available', queues: [q] },
      // 08:00-08:30: three calls; waits 5 s (within 20), 30 s (not within), one abandons after 10 s.
      { type: 'call.queued', t: s(60), call: 'c1', queue: q },
      { type: 'call.answered', t: s(65), call: 'c1', queue: q, agent: 'a1' },
      { type: 'call.queued', t: s(100), call: 'c2', queue: q },
      { type: 'call.queued', t: s(110), call: 'c3', queue: q },
      { type: 'call.abandoned', t: s(120), call: 'c3', queue: q },
      { type: 'call.ended', t: s(125), call: 'c1', queue: q, agent: 'a1' },
      { type: 'call.answered', t: s(130), call: 'c2', queue: q, agent: 'a1' },
      { type: 'call.ended', t: s(190), call: 'c2', queue: q, agent: 'a1' },
      // 08:30-09:00: one call in a queue with a hostile name, answered at once.
      { type: 'call.queued', t: s(1900), call: 'c4', queue: hostile },
      { type: 'call.answered', t: s(1902), call: 'c4', queue: hostile, agent: 'a1' },
    ];
    const engine = new MetricsEngine({ timeZone: 'UTC', intervalMin: 30, keepIntervals: 'all' });
    engine.pushMany(events);
    engine.advanceTo(s(3600));
    const rows = parse(intervalsCsv(engine.snapshot()));
    expect(rows[0]).toEqual(CSV_HEADER);
    const col = (name: string) => CSV_HEADER.indexOf(name);
    const find = (scope: string, start: number) =>
      rows.find((r) => r[col('scope')] === scope && r[col('start')] === new Date(start).toISOString());

    const first = find(`queue:${q}`, T0)!;
    expect(first[col('end')]).toBe(new Date(s(1800)).toISOString());
    expect(first[col('complete')]).toBe('true');
    expect(Number(first[col('offered')])).toBe(3);
    expect(Number(first[col('answered')])).toBe(2);
    expect(Number(first[col('abandoned')])).toBe(1);
    expect(Number(first[col('answeredWithin')])).toBe(1);
    expect(Number(first[col('serviceLevel')])).toBeCloseTo(1 / 3, 4);
    expect(Number(first[col('asaSec')])).toBeCloseTo((5 + 30) / 2, 4);
    expect(Number(first[col('attSec')])).toBeCloseTo((60 + 60) / 2, 4);
    // Nothing happened in the second interval of this queue: its ratios are empty, not 0.
    const second = find(`queue:${q}`, s(1800))!;
    expect(second[col('offered')]).toBe('0');
    expect(second[col('serviceLevel')]).toBe('');

    // The hostile queue id is one cell, defused for spreadsheets, with its quotes and comma intact.
    const bad = rows.find((r) => r[col('scope')].includes('HYPERLINK'))!;
    expect(bad[col('scope')]).toBe(`queue:${hostile}`);
    expect(bad).toHaveLength(CSV_HEADER.length);
    // The all scope counts the four calls.
    const all = rows.filter((r) => r[col('scope')] === 'all');
    expect(all.reduce((n, r) => n + Number(r[col('offered')]), 0)).toBe(4);
  });

  it('defuses formula cells and quotes separators', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(0.123456)).toBe('0.1235');
  });
});
