/**
 * Reading the times of one CDR row as the column map describes them: time-of-day columns joined to the
 * row's date (placed on the day nearest the anchor time, so a call that ends after midnight ends on the
 * next day), full date-time patterns, epoch values and ISO 8601; all local times through the map's zone.
 */

import { wallClockAsUtc, wallClockToEpoch } from '../local-time.js';
import type { CdrMap } from './cdr-map.js';
import { compileTimeFormat } from './cdr-map.js';
import { type CompiledPattern, compilePattern, dateOf, timeOf } from './time-pattern.js';

const DAY = 86_400_000;
const HALF_DAY = DAY / 2;

/** A value that cannot be read; the row is dropped with this reason and message. */
export class RowError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const ISO_ZONED = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** Parses the time values of a map; one instance per map, reused for every row. */
export class CdrTimeReader {
  private readonly pattern: CompiledPattern | null;
  private readonly datePattern: CompiledPattern | null;
  private readonly zero: ReadonlySet<string>;
  private readonly todCache = new Map<string, number>();
  private readonly dateCache = new Map<string, number>();

  constructor(private readonly map: CdrMap) {
    this.pattern = compileTimeFormat(map.timeFormat);
    this.datePattern = map.date ? compilePattern(map.date.format) : null;
    this.zero = new Set(map.zeroTime.map((z) => z.trim()));
  }

  /** Whether a cell holds no time: empty, or one of the map's zero-time values. */
  isMissing(cell: string | undefined): boolean {
    if (cell === undefined) return true;
    const v = cell.trim();
    return v === '' || this.zero.has(v);
  }

  /** The wall clock (as UTC ms) of the row's midnight, for maps with a date column; cached by value. */
  date(cell: string, key: string): number {
    const hit = this.dateCache.get(cell);
    if (hit !== undefined) return hit;
    const p = this.datePattern!.parse(cell);
    const d = p && dateOf(p);
    if (!d)
      throw new RowError(
        'bad-time',
        `${key} ${JSON.stringify(cell)} is not a date in ${this.map.date!.format}`,
      );
    const wall = wallClockAsUtc({ ...d, hour: 0, minute: 0, second: 0 });
    if (this.dateCache.size > 100_000) this.dateCache.clear();
    this.dateCache.set(cell, wall);
    return wall;
  }

  /**
   * Epoch ms of a time cell. With a date column, `date` is the row's midnight and `anchorWall` the anchor
   * time, both as wall clock read as UTC ms; the anchor places this time of day on the nearest day.
   */
  time(cell: string, key: string, date?: number, anchorWall?: number): number {
    const v = cell.trim();
    const bad = () =>
      new RowError('bad-time', `${key} ${JSON.stringify(cell)} is not a time in ${this.map.timeFormat}`);
    const fmt = this.map.timeFormat;
    if (this.pattern === null) {
      if (fmt === 'epoch' || fmt === 'epoch-ms') {
        if (!/^\d+(\.\d+)?$/.test(v)) throw bad();
        return Math.round(Number(v) * (fmt === 'epoch' ? 1000 : 1));
      }
      if (ISO_ZONED.test(v)) {
        const t = Date.parse(v);
        if (!Number.isFinite(t)) throw bad();
        return t;
      }
      const m = ISO_LOCAL.exec(v);
      if (!m) throw bad();
      const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
      const fields = {
        year: +m[1],
        month: +m[2],
        day: +m[3],
        hour: +m[4],
        minute: +m[5],
        second: +(m[6] ?? 0),
      };
      if (!dateOf(fields) || !timeOf(fields)) throw bad();
      return wallClockToEpoch(wallClockAsUtc({ ...fields, millisecond: ms }), this.map.timeZone);
    }
    let wall: number;
    if (date !== undefined) {
      const tod = this.timeOfDay(v);
      if (tod === undefined) throw bad();
      wall = date + tod;
    } else {
      const p = this.pattern.parse(v);
      const tf = p && timeOf(p);
      const df = p && dateOf(p);
      if (!tf || !df) throw bad();
      wall = wallClockAsUtc({ ...df, ...tf });
    }
    if (anchorWall !== undefined) {
      // Times of day wrap at midnight: take the day that puts this time within 12 hours of the anchor.
      if (wall - anchorWall < -HALF_DAY) wall += DAY;
      else if (wall - anchorWall > HALF_DAY) wall -= DAY;
    }
    return wallClockToEpoch(wall, this.map.timeZone);
  }

  /** The wall clock (as UTC ms) of an anchor time of day on the row's date. */
  anchorWall(cell: string, key: string, date: number): number {
    const tod = this.timeOfDay(cell.trim());
    if (tod === undefined) {
      throw new RowError(
        'bad-time',
        `${key} ${JSON.stringify(cell)} is not a time in ${this.map.timeFormat}`,
      );
    }
    return date + tod;
  }

  /** Milliseconds since midnight of a time-of-day value, cached: a day has few distinct values. */
  private timeOfDay(v: string): number | undefined {
    const hit = this.todCache.get(v);
    if (hit !== undefined) return hit;
    const p = this.pattern?.parse(v);
    const tf = p && timeOf(p);
    if (!tf) return undefined;
    const ms = ((tf.hour * 60 + tf.minute) * 60 + tf.second) * 1000 + tf.millisecond;
    if (this.todCache.size > 200_000) this.todCache.clear();
    this.todCache.set(v, ms);
    return ms;
  }
}

/** Seconds from a duration cell: `12`, `12.5`, `MM:SS` or `H:MM:SS`; undefined when empty. */
export function durationSeconds(cell: string | undefined, key: string): number | undefined {
  const v = (cell ?? '').trim();
  if (v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (m && +m[2] < 60 && +m[3] < 60) return (m[1] ? +m[1] * 3600 : 0) + +m[2] * 60 + +m[3];
  throw new RowError('bad-field', `${key} ${JSON.stringify(cell)} is not a duration in seconds`);
}
