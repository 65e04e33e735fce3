/**
 * Durations ("8h", "30m", "45s", "1h30m" or a number of seconds), local clock times ("08:30", hours up to
 * 47 for the next day) and local date-times in an IANA zone. Uses only Intl, so it runs in browsers and
 * Web Workers as well as Node.
 */

const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The start of a scenario that gives none: a Monday morning. */
export const DEFAULT_START = '2025-01-06T08:00';

/** The run length of a scenario that gives no `duration`: 8 hours, in seconds. */
export const DEFAULT_DURATION_SEC = 8 * 3600;

/** Seconds of a duration value, or null when it is not one. */
export function parseDuration(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v !== 'string' || v === '') return null;
  const m = DURATION.exec(v.trim());
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** Seconds after local midnight of a clock time "HH:MM[:SS]" (HH up to 47), or null. */
export function parseClock(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = CLOCK.exec(v.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 47 || min > 59 || s > 59) return null;
  return h * 3600 + min * 60 + s;
}

/**
 * A time of day as scenarios write it (shifts, breaks, incidents): a local clock time, in seconds after
 * local midnight of the start date, or a duration from the start, in seconds.
 */
export interface TimeOfDayValue {
  clock: boolean;
  sec: number;
}

/** A clock time "HH:MM[:SS]" or a duration, or null when it is neither. */
export function parseTimeOfDay(v: unknown): TimeOfDayValue | null {
  const clock = parseClock(v);
  if (clock !== null) return { clock: true, sec: clock };
  const d = parseDuration(v);
  return d === null ? null : { clock: false, sec: d };
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  /** Seconds after local midnight. */
  seconds: number;
}

/** A local date-time "YYYY-MM-DDTHH:MM[:SS]" (no offset: it is read in the scenario's zone), or null. */
export function parseLocalDateTime(v: unknown): LocalDateTime | null {
  if (typeof v !== 'string') return null;
  const m = DATE_TIME.exec(v.trim());
  if (!m) return null;
  const [year, month, day, h, min, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || h > 23 || min > 59 || s > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return { year, month, day, seconds: h * 3600 + min * 60 + s };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in ms at instant `epochMs` (local = UTC + offset). */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  const parts = formatter(zone).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * Epoch ms of a local wall time on a given date in `zone`. A wall time that does not exist (the hour
 * skipped when clocks go forward) maps to the instant an hour later on the clock; one that happens twice
 * (clocks go back) maps to the first.
 */
export function localToEpochMs(
  zone: string,
  date: { year: number; month: number; day: number },
  seconds: number,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + seconds * 1000;
  const first = wall - zoneOffsetMs(zone, wall);
  const second = wall - zoneOffsetMs(zone, first);
  // Two candidates differ only across a transition; take the earlier one that reads back as this wall time.
  for (const t of [Math.min(first, second), Math.max(first, second)]) {
    if (t + zoneOffsetMs(zone, t) === wall) return t;
  }
  return Math.max(first, second);
}

/**
 * Offsets from the start of a run (local date-time `start` in `zone`) in ms: a duration as it is, a clock
 * time on the start date DST-correct ("25:30" is 01:30 the next day).
 */
export function offsetFromStart(zone: string, start: LocalDateTime): (t: TimeOfDayValue) => number {
  const startEpochMs = localToEpochMs(zone, start, start.seconds);
  return (t) => (t.clock ? localToEpochMs(zone, start, t.sec) - startEpochMs : t.sec * 1000);
}
