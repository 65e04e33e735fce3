import { describe, expect, it } from 'vitest';
import { parseResetTime, ZoneCalendar } from '../../src/engine/zone-calendar.js';

const H = 3_600_000;
const M = 60_000;

/** Every interval start of the business day containing t, walked boundary by boundary. */
function dayIntervals(cal: ZoneCalendar, t: number, intervalMin: number): number[] {
  const start = cal.dayStart(t, 0);
  const end = cal.nextDayStart(start, 0);
  const out: number[] = [];
  for (let u = start; u < end; u = cal.nextIntervalStart(u, intervalMin)) out.push(u);
  return out;
}

describe('ZoneCalendar', () => {
  it('rejects an unknown zone with its name', () => {
    expect(() => new ZoneCalendar('Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });

  it('aligns intervals to local wall time in a zone with a half-hour offset', () => {
    const cal = new ZoneCalendar('Asia/Kolkata'); // UTC+05:30, no DST
    const t = Date.UTC(2026, 0, 15, 4, 10); // 09:40 local
    expect(cal.intervalStart(t, 60)).toBe(Date.UTC(2026, 0, 15, 3, 30)); // 09:00 local
    expect(cal.nextIntervalStart(t, 60)).toBe(Date.UTC(2026, 0, 15, 4, 30)); // 10:00 local
    expect(cal.label(Date.UTC(2026, 0, 15, 3, 30))).toBe('2026-01-15T09:00+05:30');
    expect(dayIntervals(cal, t, 15)).toHaveLength(96);
  });

  it('gives the spring-forward day 23 hours and skips the missing local hour (Europe/Berlin)', () => {
    const cal = new ZoneCalendar('Europe/Berlin');
    // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
    const t = Date.UTC(2026, 2, 29, 12);
    const starts = dayIntervals(cal, t, 30);
    expect(starts).toHaveLength(46);
    expect(starts[0]).toBe(Date.UTC(2026, 2, 28, 23)); // local midnight, UTC+1
    expect(cal.nextDayStart(starts[0], 0) - starts[0]).toBe(23 * H);
    const labels = starts.map((s) => cal.label(s));
    expect(labels).toContain('2026-03-29T01:30+01:00');
    expect(labels).toContain('2026-03-29T03:00+02:00');
    expect(labels.some((l) => l.includes('T02:'))).toBe(false);
    // consecutive boundaries are always exactly 30 minutes apart in real time
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBe(30 * M);
  });

  it('gives the fall-back day 25 hours and the repeated local hour twice (America/New_York)', () => {
    const cal = new ZoneCalendar('America/New_York');
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST (06:00 UTC).
    const t = Date.UTC(2026, 10, 1, 15);
    const starts = dayIntervals(cal, t, 15);
    expect(starts).toHaveLength(100);
    const labels = starts.map((s) => cal.label(s));
    expect(labels.filter((l) => l.startsWith('2026-11-01T01:15'))).toEqual([
      '2026-11-01T01:15-04:00',
      '2026-11-01T01:15-05:00',
    ]);
    expect(cal.nextDayStart(starts[0], 0) - starts[0]).toBe(25 * H);
  });

  it('puts a daily reset that falls in the DST gap at the end of the gap', () => {
    const cal = new ZoneCalendar('Europe/Berlin');
    const reset = parseResetTime('02:30');
    const dayStart = cal.dayStart(Date.UTC(2026, 2, 29, 12), reset);
    expect(dayStart).toBe(Date.UTC(2026, 2, 29, 1)); // 03:00 CEST, the first instant after the gap
    expect(cal.nextDayStart(dayStart, reset)).toBe(Date.UTC(2026, 2, 30, 0, 30)); // 02:30 CEST next day
  });

  it('starts a day at the reset time, not at midnight', () => {
    const cal = new ZoneCalendar('UTC');
    const reset = parseResetTime('06:00');
    expect(cal.dayStart(Date.UTC(2026, 5, 2, 5, 59), reset)).toBe(Date.UTC(2026, 5, 1, 6));
    expect(cal.dayStart(Date.UTC(2026, 5, 2, 6, 0), reset)).toBe(Date.UTC(2026, 5, 2, 6));
  });

  it('rejects a malformed reset time', () => {
    expect(() => parseResetTime('25:00')).toThrow(/25:00/);
    expect(() => parseResetTime('7am')).toThrow(/HH:MM/);
  });
});
