/**
 * The validator's tool: walks a JSON document by path and collects every problem as
 * "<path> <message>" (`queues[0].handle.meanSec must be > 0`), never throwing.
 */
import { parseDuration, parseTimeOfDay, type TimeOfDayValue } from './time.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
export const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** Levenshtein distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(
        d[j] + 1,
        d[j - 1] + 1,
        prev + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return d[b.length];
}

interface NumRule {
  required?: boolean;
  integer?: boolean;
  min?: number;
  /** Strictly greater than. */
  gt?: number;
  max?: number;
}

export class Checker {
  readonly problems: string[] = [];

  add(path: string, message: string): void {
    this.problems.push(`${path} ${message}`);
  }

  /** The object at path with only `keys` allowed (each stray key reported), or null if not an object. */
  object(v: unknown, path: string, keys: readonly string[], what = 'an object'): Obj | null {
    if (!isObj(v)) {
      this.add(path || 'the scenario', `must be ${what}`);
      return null;
    }
    for (const k of Object.keys(v)) {
      if (keys.includes(k)) continue;
      const near = keys.filter((c) => distance(k, c) <= 2).sort((x, y) => distance(k, x) - distance(k, y))[0];
      this.add(join(path, k), `is not a known key${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    return v;
  }

  num(o: Obj, key: string, path: string, rule: NumRule = {}): number | undefined {
    const p = join(path, key);
    const v = o[key];
    if (v === undefined) {
      if (rule.required) this.add(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(p, 'must be a number');
      return undefined;
    }
    if (rule.integer && !Number.isInteger(v)) this.add(p, 'must be a whole number');
    else if (rule.gt !== undefined && !(v > rule.gt)) this.add(p, `must be > ${rule.gt}`);
    else if (rule.min !== undefined && v < rule.min) this.add(p, `must be >= ${rule.min}`);
    else if (rule.max !== undefined && v > rule.max) this.add(p, `must be <= ${rule.max}`);
    else return v;
    return undefined;
  }

  str(o: Obj, key: string, path: string, required = false, oneOf?: readonly string[]): string | undefined {
    const p = join(path, key);
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(p, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(p, 'must be a non-empty string');
      return undefined;
    }
    if (oneOf && !oneOf.includes(v)) {
      this.add(p, `must be one of ${oneOf.join(', ')} (got "${v}")`);
      return undefined;
    }
    return v;
  }

  id(o: Obj, key: string, path: string, required = false): string | undefined {
    const v = this.str(o, key, path, required);
    if (v !== undefined && !ID.test(v)) {
      this.add(join(path, key), 'must be 1-64 letters, digits or _ . : - (starting with a letter or digit)');
      return undefined;
    }
    return v;
  }

  array(o: Obj, key: string, path: string, required = false, nonEmpty = false): unknown[] | undefined {
    const p = join(path, key);
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(p, 'is required');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(p, 'must be an array');
      return undefined;
    }
    if (nonEmpty && v.length === 0) this.add(p, 'must not be empty');
    return v;
  }

  duration(o: Obj, key: string, path: string, required = false, positive = false): number | undefined {
    const p = join(path, key);
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(p, 'is required');
      return undefined;
    }
    const s = parseDuration(v);
    if (s === null) this.add(p, 'must be a duration like "8h", "30m", "45s", "1h30m" or a number of seconds');
    else if (positive && s <= 0) this.add(p, 'must be longer than 0');
    else return s;
    return undefined;
  }

  /** A time of day: seconds after local midnight (clock) or after the start (duration), tagged. */
  timeOfDay(o: Obj, key: string, path: string, required = true): TimeOfDayValue | undefined {
    const p = join(path, key);
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(p, 'is required');
      return undefined;
    }
    const t = parseTimeOfDay(v);
    if (t !== null) return t;
    this.add(p, 'must be a local clock time "HH:MM" or a duration from the start ("2h30m", seconds)');
    return undefined;
  }
}
