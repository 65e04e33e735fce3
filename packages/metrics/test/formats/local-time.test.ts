import { describe, expect, it } from 'vitest';
import { compilePattern, dateOf, expandYear2, timeOf } from '../../src/formats/time-pattern.js';
import {
  formatLocalTimeToEpoch,
  isValidTimeZone,
  type LocalDateTime,
  zoneOffsetMs,
} from '../../src/local-time.js';

const local = (s: string): LocalDateTime => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s)!;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +m[6] };
};
const utc = (iso: string) => Date.parse(iso);

describe('formatLocalTimeToEpoch', () => {
  // Expected instants worked out by hand from each zone's published rules (offset in force, UTC = local - offset).
  const cases: Array<[zone: string, local: string, utc: string, why: string]> = [
    ['Asia/Jerusalem', '1999-02-01 07:02:56', '1999-02-01T05:02:56Z', 'IST, +02:00 in February'],
    ['Asia/Jerusalem', '2024-03-29 01:59:59', '2024-03-28T23:59:59Z', 'just before the spring gap (+02:00)'],
    ['Asia/Jerusalem', '2024-03-29 02:30:00', '2024-03-29T00:30:00Z', 'in the gap: read as 03:30 IDT'],
    ['Asia/Jerusalem', '2024-03-29 03:00:00', '2024-03-29T00:00:00Z', 'first IDT instant (+03:00)'],
    ['Asia/Jerusalem', '2024-10-27 01:30:00', '2024-10-26T22:30:00Z', 'repeated hour: the first (IDT)'],
    ['Asia/Jerusalem', '2024-10-27 02:00:00', '2024-10-27T00:00:00Z', 'after the repeat (+02:00)'],
    ['America/New_York', '2024-03-10 01:59:59', '2024-03-10T06:59:59Z', 'EST'],
    ['America/New_York', '2024-03-10 02:30:00', '2024-03-10T07:30:00Z', 'in the gap: 03:30 EDT'],
    ['America/New_York', '2024-03-10 03:00:00', '2024-03-10T07:00:00Z', 'EDT'],
    ['America/New_York', '2024-11-03 00:59:00', '2024-11-03T04:59:00Z', 'EDT before the repeat'],
    ['America/New_York', '2024-11-03 01:30:00', '2024-11-03T05:30:00Z', 'repeated hour: the first (EDT)'],
    ['America/New_York', '2024-11-03 02:00:00', '2024-11-03T07:00:00Z', 'EST'],
    ['Europe/London', '2024-03-31 01:30:00', '2024-03-31T01:30:00Z', 'in the gap: 02:30 BST'],
    ['Europe/London', '2024-10-27 01:30:00', '2024-10-27T00:30:00Z', 'repeated hour: the first (BST)'],
    ['Australia/Sydney', '2024-04-07 02:30:00', '2024-04-06T15:30:00Z', 'southern autumn repeat: AEDT'],
    ['Australia/Sydney', '2024-10-06 02:30:00', '2024-10-05T16:30:00Z', 'southern spring gap: 03:30 AEDT'],
    ['Australia/Lord_Howe', '2024-10-06 02:15:00', '2024-10-05T15:45:00Z', 'half-hour gap: 02:45 +11:00'],
    ['Asia/Kolkata', '2024-06-01 12:00:00', '2024-06-01T06:30:00Z', 'half-hour offset, no DST'],
    ['UTC', '2024-02-29 23:59:59', '2024-02-29T23:59:59Z', 'leap day, UTC'],
  ];
  for (const [zone, l, u, why] of cases) {
    it(`${zone} ${l} -> ${u} (${why})`, () => {
      expect(formatLocalTimeToEpoch(local(l), zone)).toBe(utc(u));
    });
  }

  it('round-trips random instants through their local wall clock in many zones', () => {
    const zones = [
      'Asia/Jerusalem',
      'America/New_York',
      'Europe/Berlin',
      'Australia/Sydney',
      'America/Santiago',
    ];
    // An independent reading of local fields: toLocaleString in a fixed numeric form.
    const formats = new Map(
      zones.map((timeZone) => [
        timeZone,
        new Intl.DateTimeFormat('sv-SE', {
          timeZone,
          hourCycle: 'h23',
          dateStyle: 'short',
          timeStyle: 'medium',
        }),
      ]),
    );
    // sv-SE writes "YYYY-MM-DD HH:MM:SS".
    const fieldsOf = (t: number, timeZone: string): LocalDateTime => local(formats.get(timeZone)!.format(t));
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let repeated = 0;
    for (let i = 0; i < 1000; i++) {
      const zone = zones[i % zones.length];
      const t = Math.floor(utc('1995-01-01T00:00:00Z') + rand() * 40 * 365 * 86_400_000);
      const whole = t - (t % 1000);
      const f = fieldsOf(whole, zone);
      const back = formatLocalTimeToEpoch(f, zone);
      // Same wall clock either way; a repeated hour resolves to its first occurrence, never later.
      expect(fieldsOf(back, zone)).toEqual(f);
      expect(back).toBeLessThanOrEqual(whole);
      if (back !== whole) repeated++;
    }
    expect(repeated).toBeLessThan(5); // only instants in a repeated hour differ: about 1 in 1000
  });

  it('reads zone offsets and rejects unknown zones', () => {
    expect(zoneOffsetMs('UTC', utc('2024-01-01T00:00:00Z'))).toBe(0);
    expect(zoneOffsetMs('Asia/Jerusalem', utc('1999-02-10T12:00:00Z'))).toBe(2 * 3_600_000);
    expect(zoneOffsetMs('Asia/Jerusalem', utc('2024-07-10T12:00:00Z'))).toBe(3 * 3_600_000);
    expect(isValidTimeZone('Asia/Jerusalem')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('time patterns', () => {
  it('reads the bank date and time forms', () => {
    expect(dateOf(compilePattern('YYMMDD').parse('990201')!)).toEqual({ year: 1999, month: 2, day: 1 });
    expect(timeOf(compilePattern('H:mm:ss').parse('7:02:56')!)).toEqual({
      hour: 7,
      minute: 2,
      second: 56,
      millisecond: 0,
    });
    const p = compilePattern('YYYY-MM-DD HH:mm:ss.SSS').parse('2024-03-05 14:03:22.250')!;
    expect(dateOf(p)).toEqual({ year: 2024, month: 3, day: 5 });
    expect(timeOf(p)).toEqual({ hour: 14, minute: 3, second: 22, millisecond: 250 });
  });

  it('rejects impossible values and malformed patterns', () => {
    expect(dateOf(compilePattern('YYMMDD').parse('990230')!)).toBeNull(); // no 30 February
    expect(dateOf(compilePattern('YYYYMMDD').parse('20240229')!)).not.toBeNull(); // leap year
    expect(dateOf(compilePattern('YYYYMMDD').parse('20230229')!)).toBeNull();
    expect(timeOf(compilePattern('H:mm:ss').parse('25:00:00')!)).toBeNull();
    expect(compilePattern('H:mm:ss').parse('7:2:56')).toBeNull();
    expect(() => compilePattern('hh.nn')).toThrow(/none of/);
    expect(() => compilePattern('HH:mm:HH')).toThrow(/repeats/);
  });

  it('expands two-digit years as POSIX %y does', () => {
    expect(expandYear2(99)).toBe(1999);
    expect(expandYear2(69)).toBe(1969);
    expect(expandYear2(68)).toBe(2068);
    expect(expandYear2(0)).toBe(2000);
  });
});
