/** Simulated times, shown in the center's zone (cached formatters: the clock reads them 4 times a second). */
const formatters = new Map<string, Intl.DateTimeFormat>();

type Shape = 'time' | 'date';

function formatter(zone: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${zone}|${shape}`;
  let f = formatters.get(key);
  if (!f) {
    const time = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } as const;
    const date = { weekday: 'short', day: 'numeric', month: 'short' } as const;
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      ...(shape === 'date' ? {} : time),
      ...(shape === 'time' ? {} : date),
    });
    formatters.set(key, f);
  }
  return f;
}

export function timeOfDay(t: number, zone: string): string {
  return formatter(zone, 'time').format(t);
}

/** "Thu 6 Mar". */
export function dayOf(t: number, zone: string): string {
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
 * The epoch ms at which the local clock in `zone` next reads `hh:mm` on the day of `now` (may be in
 * the past); null for text that is not a time. DST changes within the day are ignored.
 */
export function localClockToEpoch(now: number, zone: string, hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m || Number(m[1]) > 47 || Number(m[2]) > 59) return null;
  const target = Number(m[1]) * 3600 + Number(m[2]) * 60;
  const parts = formatter(zone, 'time').formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const current = part('hour') * 3600 + part('minute') * 60 + part('second');
  return now - (now % 1000) + (target - current) * 1000;
}

const localFormatters = new Map<string, Intl.DateTimeFormat>();

function localFormatter(zone: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${zone}|${shape}`;
  let f = localFormatters.get(key);
  if (!f) {
    // The browser's locale, with the options wb-clock uses: the console's times read like its widget's.
    f = new Intl.DateTimeFormat(
      undefined,
      shape === 'time'
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: zone }
        : { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone },
    );
    localFormatters.set(key, f);
  }
  return f;
}

/** A time of day in the browser's locale ("03:00:00 PM" in en-US, "15:00:00" in en-GB), as wb-clock shows it. */
export function localTimeOfDay(t: number, zone: string): string {
  return localFormatter(zone, 'time').format(t);
}

/** The day in the browser's locale ("Mon, Mar 3" in en-US). */
export function localDayOf(t: number, zone: string): string {
  return localFormatter(zone, 'date').format(t);
}
