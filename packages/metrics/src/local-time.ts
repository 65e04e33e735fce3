/**
 * UTC offsets of an IANA time zone, and local wall-clock time -> epoch milliseconds. The one place zone
 * rules are read: the file readers (CDR exports write local times) and the engine's ZoneCalendar
 * (interval and day boundaries) both use it. Offsets come from `Intl.DateTimeFormat`, so the zone rules
 * are the platform's (Node and browsers ship the same tz database).
 *
 * DST: a local time that does not exist (the gap when clocks spring forward) or exists twice (the hour
 * repeated when they fall back) is resolved like Temporal's `disambiguation: 'compatible'`: a gap time
 * moves forward by the gap's length (02:30 in a 02:00->03:00 gap is 03:30 new time), a repeated time
 * takes its first, earlier occurrence.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets are cached per 15-minute bucket of UTC time: every modern transition falls on one. */
const BUCKET = 15 * MINUTE;

interface ZoneInfo {
  format: Intl.DateTimeFormat;
  /** bucket index -> offset in ms, only for buckets whose start and end share one offset. */
  cache: Map<number, number>;
}

const zones = new Map<string, ZoneInfo>();

function zoneInfo(timeZone: string): ZoneInfo {
  let info = zones.get(timeZone);
  if (!info) {
    // Throws RangeError for an unknown zone; callers validate zones up front with isValidTimeZone.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    info = { format, cache: new Map() };
    zones.set(timeZone, info);
  }
  return info;
}

/** Whether `timeZone` is an IANA zone (or another identifier) this platform's Intl accepts. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    zoneInfo(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC (local minus UTC, in ms) at instant `t`, computed without the cache. */
function rawOffset(info: ZoneInfo, t: number): number {
  const whole = Math.floor(t / 1000) * 1000;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of info.format.formatToParts(whole)) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'era':
        bc = p.value.startsWith('B');
        break;
    }
  }
  if (bc) year = 1 - year;
  const asUtc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  asUtc.setUTCFullYear(year, month - 1, day);
  asUtc.setUTCHours(hour, minute, second, 0);
  return asUtc.getTime() - whole;
}

/** The zone's offset (local minus UTC, ms) at instant `t`. */
export function zoneOffsetMs(timeZone: string, t: number): number {
  const info = zoneInfo(timeZone);
  const bucket = Math.floor(t / BUCKET);
  const hit = info.cache.get(bucket);
  if (hit !== undefined) return hit;
  const start = bucket * BUCKET;
  const a = rawOffset(info, start);
  const b = rawOffset(info, start + BUCKET - 1000);
  if (a === b) {
    if (info.cache.size > 100_000) info.cache.clear(); // bounded: a long replay touches few buckets anyway
    info.cache.set(bucket, a);
    return a;
  }
  return rawOffset(info, t); // a transition inside this bucket (historical zones): no caching
}

/** Fields of a local wall-clock time; `month` is 1-12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

/** The local time's fields read as if they were UTC (days roll over naturally: hour 24 is next day). */
export function wallClockAsUtc(f: LocalDateTime): number {
  if (f.year >= 100)
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, f.millisecond ?? 0);
  const d = new Date(0); // Date.UTC would read years 0-99 as 1900-1999
  d.setUTCFullYear(f.year, f.month - 1, f.day);
  d.setUTCHours(f.hour, f.minute, f.second, f.millisecond ?? 0);
  return d.getTime();
}

/**
 * Epoch ms of a local wall-clock time in `timeZone` (DST-correct; see the module comment for gaps and
 * repeats). Throws RangeError for an unknown zone.
 */
export function formatLocalTimeToEpoch(f: LocalDateTime, timeZone: string): number {
  return wallClockToEpoch(wallClockAsUtc(f), timeZone);
}

/** Like formatLocalTimeToEpoch, from the wall clock already encoded as UTC ms (see wallClockAsUtc). */
export function wallClockToEpoch(wall: number, timeZone: string): number {
  // The offsets in force a day either side cover any single transition near this wall time.
  const before = zoneOffsetMs(timeZone, wall - DAY);
  const after = zoneOffsetMs(timeZone, wall + DAY);
  const here = zoneOffsetMs(timeZone, wall);
  let best: number | undefined;
  for (const off of [before, here, after]) {
    const t = wall - off;
    if (zoneOffsetMs(timeZone, t) === off && (best === undefined || t < best)) best = t;
  }
  if (best !== undefined) return best;
  // In a gap: read the wall time with the offset in force before the transition, which lands it
  // after the transition by the same distance it sat inside the gap.
  return wall - before;
}
