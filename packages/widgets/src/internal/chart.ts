import type { IntervalFigures } from '@wallboard/metrics';
import { dateTimeFormat, isValidTimeZone } from './format.js';

/** One slot of an interval chart: a closed interval of today, or the open one (drawn lighter). */
export interface Slot {
  figures: IntervalFigures;
  open: boolean;
}

/** An interval a chart can place: finite start before its end. Anything else from a feed is dropped. */
function isInterval(value: unknown): value is IntervalFigures {
  if (value === null || typeof value !== 'object') return false;
  const { start, end } = value as IntervalFigures;
  return Number.isFinite(start) && Number.isFinite(end) && end > start;
}

/**
 * Today's closed intervals, oldest first, plus the open one when it comes after them. Malformed entries
 * are skipped rather than drawn at 1970 or breaking the whole chart.
 */
export function chartSlots(intervals: unknown, current: unknown): Slot[] {
  const slots: Slot[] = [];
  if (Array.isArray(intervals)) {
    for (const figures of intervals) if (isInterval(figures)) slots.push({ figures, open: false });
  }
  const last = slots[slots.length - 1];
  if (isInterval(current) && (!last || current.start >= last.figures.end))
    slots.push({ figures: current, open: true });
  return slots;
}

/** A count figure of an interval, 0 when missing (bars cannot be null). */
export function count(f: IntervalFigures, key: keyof IntervalFigures): number {
  const v = f[key];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/** A ratio figure clamped to 0..1, or null for an empty window. */
export function ratio(f: IntervalFigures, key: keyof IntervalFigures): number | null {
  const v = f[key];
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : null;
}

/** The smallest 1, 2 or 5 times a power of ten at or above `n` (axis tops that read well). */
export function niceMax(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n - 1e-12) return step * power;
  return 10 * power;
}

/** Which slots get a time label: at most `max` of them, evenly spaced, always the first. */
export function labelledSlots(n: number, max = 6): number[] {
  const every = Math.max(1, Math.ceil(n / max));
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}

/**
 * An SVG path through the slot centres (x = i + 0.5) in a 0..100 tall viewBox, `top` at y = 0. Null
 * values break the line rather than drawing it down to zero.
 */
export function linePath(values: ReadonlyArray<number | null>, top: number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${i + 0.5} ${y(v, top)}`;
    pen = true;
  });
  return d;
}

/** Zero-length subpaths at each point: with round caps and a non-scaling stroke they draw as dots. */
export function dotsPath(values: ReadonlyArray<number | null>, top: number): string {
  return values.map((v, i) => (v === null ? '' : `M${i + 0.5} ${y(v, top)}h0`)).join('');
}

/** Height in the 0..100 viewBox of `v` on an axis whose top is `top`. */
export function y(v: number, top: number): number {
  return Number((100 - (Math.min(v, top) / top) * 100).toFixed(2));
}

/** Zones checked so far: checking builds an Intl.DateTimeFormat, too slow for every render. */
const zoneValidity = new Map<string, boolean>();

/** The first valid IANA zone of the candidates, or undefined for the browser's own; warns once per bad zone. */
export function resolveZone(tag: string, ...candidates: Array<string | undefined>): string | undefined {
  for (const zone of candidates) {
    if (!zone) continue;
    let valid = zoneValidity.get(zone);
    if (valid === undefined) {
      valid = isValidTimeZone(zone);
      zoneValidity.set(zone, valid);
      if (!valid) console.warn(`${tag}: unknown time zone "${zone}"; using the browser's.`);
    }
    if (valid) return zone;
  }
  return undefined;
}

/** "09:30" in the center's zone and the widget's locale. */
export function timeLabel(locale: string | undefined, timeZone: string | undefined, t: number): string {
  return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(t);
}

/** Whether two intervals read the same for the given keys (snapshots rebuild the open interval each time). */
export function sameFigures(
  a: IntervalFigures | null,
  b: IntervalFigures | null,
  keys: ReadonlyArray<keyof IntervalFigures>,
): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.start === b.start && a.end === b.end && keys.every((k) => a[k] === b[k]);
}
