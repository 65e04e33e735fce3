/**
 * Interval and day boundaries in an IANA time zone, DST-correct, from Intl alone (no tz database of our
 * own). Boundaries are instants whose local wall time is a multiple of the interval; on the day clocks go
 * forward a day has 23 hours (the skipped local hour has no intervals), on the day they go back it has 25
 * (the repeated hour's intervals appear twice, told apart by their UTC offset in the label).
 *
 * Every zone in use today has an offset that is a multiple of 15 minutes, so boundaries are searched on
 * the UTC quarter-hour grid: a few offset look-ups per boundary, and boundaries are only computed when an
 * interval closes.
 */

import { isValidTimeZone, zoneOffsetMs } from '../local-time.js';

const QUARTER_MS = 15 * 60_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export class ZoneCalendar {
  readonly timeZone: string;

  /** Throws a RangeError naming the zone when Intl does not know it. */
  constructor(timeZone: string) {
    if (!isValidTimeZone(timeZone)) {
      throw new RangeError(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Paris)`);
    }
    this.timeZone = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  }

  /** UTC offset in ms at instant t (local = t + offset). */
  offsetAt(t: number): number {
    return zoneOffsetMs(this.timeZone, t);
  }

  /** Local wall-clock ms (epoch ms as if the wall time were UTC). */
  local(t: number): number {
    return t + this.offsetAt(t);
  }

  private isBoundary(u: number, intervalMs: number): boolean {
    return ((this.local(u) % intervalMs) + intervalMs) % intervalMs === 0;
  }

  /** The start of the interval that contains t. */
  intervalStart(t: number, intervalMin: number): number {
    const intervalMs = intervalMin * MINUTE_MS;
    let u = Math.floor(t / QUARTER_MS) * QUARTER_MS;
    while (!this.isBoundary(u, intervalMs)) u -= QUARTER_MS;
    return u;
  }

  /** The first boundary strictly after t. */
  nextIntervalStart(t: number, intervalMin: number): number {
    const intervalMs = intervalMin * MINUTE_MS;
    let u = Math.floor(t / QUARTER_MS) * QUARTER_MS + QUARTER_MS;
    while (!this.isBoundary(u, intervalMs)) u += QUARTER_MS;
    return u;
  }

  /**
   * The instant of local wall time `localMs`. In a gap (clocks jumped over it) that is the end of the gap;
   * in an overlap (clocks went back) the first occurrence.
   */
  instantOf(localMs: number): number {
    // Try both offsets around the wall time; keep the earliest instant that maps back exactly.
    const candidates = [
      localMs - this.offsetAt(localMs - DAY_MS / 2),
      localMs - this.offsetAt(localMs + DAY_MS / 2),
    ];
    let best = Number.POSITIVE_INFINITY;
    for (const u of candidates) if (this.local(u) === localMs && u < best) best = u;
    if (best !== Number.POSITIVE_INFINITY) return best;
    // A gap: the transition lies between the two candidates; find it to the minute.
    let lo = Math.min(...candidates);
    let hi = Math.max(...candidates);
    while (hi - lo > MINUTE_MS) {
      const mid = Math.floor((lo + hi) / 2 / MINUTE_MS) * MINUTE_MS;
      if (this.local(mid) >= localMs) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /**
   * The start of the business day containing t, for a daily reset at local `resetMinutes` after midnight.
   */
  dayStart(t: number, resetMinutes: number): number {
    const resetMs = resetMinutes * MINUTE_MS;
    const localDay = Math.floor((this.local(t) - resetMs) / DAY_MS);
    let start = this.instantOf(localDay * DAY_MS + resetMs);
    // A reset inside a gap can land after t on the transition day: then t belongs to the day before.
    if (start > t) start = this.instantOf((localDay - 1) * DAY_MS + resetMs);
    return start;
  }

  /** The start of the business day after the one starting at `dayStart`. */
  nextDayStart(dayStart: number, resetMinutes: number): number {
    const resetMs = resetMinutes * MINUTE_MS;
    const localDay = Math.floor((this.local(dayStart) - resetMs) / DAY_MS);
    return this.instantOf((localDay + 1) * DAY_MS + resetMs);
  }

  /** `YYYY-MM-DDTHH:MM+hh:mm` of instant t in this zone. */
  label(t: number): string {
    const off = this.offsetAt(t);
    const iso = new Date(t + off).toISOString().slice(0, 16);
    const sign = off < 0 ? '-' : '+';
    const abs = Math.abs(off) / MINUTE_MS;
    const hh = String(Math.floor(abs / 60)).padStart(2, '0');
    const mm = String(abs % 60).padStart(2, '0');
    return `${iso}${sign}${hh}:${mm}`;
  }
}

/** Parses "HH:MM" into minutes after midnight; throws naming the value. */
export function parseResetTime(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new RangeError(`daily reset time "${hhmm}" must be HH:MM (00:00-23:59)`);
  }
  return Number(m[1]) * 60 + Number(m[2]);
}
