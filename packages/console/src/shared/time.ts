/** Simulated times, shown in the center's zone (cached formatters: the clock reads them 4 times a second). */

/** The formats shown, each a locale (undefined: the browser's) and the options of `Intl.DateTimeFormat`. */
const SHAPES = {
  /** "14:05:09" whatever the browser's locale: the floor board's ticker, and what a clock is read from. */
  h23: ['en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }],
  /** The browser's locale, with the options wb-clock uses: the console's times read like its widget's. */
  time: [undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' }],
  date: [undefined, { weekday: 'short', day: 'numeric', month: 'short' }],
} as const satisfies Record<string, readonly [string | undefined, Intl.DateTimeFormatOptions]>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, shape: keyof typeof SHAPES): Intl.DateTimeFormat {
  const key = `${zone}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    const [locale, options] = SHAPES[shape];
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** "14:05:09" in `zone`, 24-hour whatever the locale. */
export function timeOfDay(t: number, zone: string): string {
  return formatter(zone, 'h23').format(t);
}

/** A time of day in the browser's locale ("03:00:00 PM" in en-US, "15:00:00" in en-GB), as wb-clock shows it. */
export function localTimeOfDay(t: number, zone: string): string {
  return formatter(zone, 'time').format(t);
}

/** The day in the browser's locale ("Mon, Mar 3" in en-US). */
export function localDayOf(t: number, zone: string): string {
  return formatter(zone, 'date').format(t);
}

/** "1 h 05 min", "12 min", "45 s" for a duration in ms. */
export function span(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * A center time as the console's and the floor board's `at` take it, `HH:MM` (hours up to 47: the small
 * hours of a day that runs past midnight): the seconds after midnight, or null for text that is not one.
 */
export function parseClock(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 47 || Number(m[2]) > 59) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60;
}

/**
 * The epoch ms at which the local clock in `zone` next reads `hh:mm` on the day of `now` (may be in
 * the past); null for text that is not a time. DST changes within the day are ignored.
 */
export function localClockToEpoch(now: number, zone: string, hhmm: string): number | null {
  const target = parseClock(hhmm);
  if (target === null) return null;
  const parts = formatter(zone, 'h23').formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const current = part('hour') * 3600 + part('minute') * 60 + part('second');
  return now - (now % 1000) + (target - current) * 1000;
}
