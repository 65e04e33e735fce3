/**
 * Date and time patterns of CDR column maps, e.g. `YYMMDD`, `H:mm:ss`, `YYYY-MM-DD HH:mm:ss.SSS`, plus
 * the whole-value formats `epoch` (seconds), `epoch-ms` and `iso` (ISO 8601; without an offset it is
 * local time). A pattern compiles once to a regular expression; parsing a value never throws.
 */

/** Tokens, longest first so `YYYY` wins over `YY` and `MM` over `M`. */
const TOKENS: ReadonlyArray<readonly [string, string, keyof Parsed]> = [
  ['YYYY', '(\\d{4})', 'year'],
  ['YY', '(\\d{2})', 'year2'],
  ['MM', '(\\d{2})', 'month'],
  ['M', '(\\d{1,2})', 'month'],
  ['DD', '(\\d{2})', 'day'],
  ['D', '(\\d{1,2})', 'day'],
  ['HH', '(\\d{2})', 'hour'],
  ['H', '(\\d{1,2})', 'hour'],
  ['mm', '(\\d{2})', 'minute'],
  ['ss', '(\\d{2})', 'second'],
  ['SSS', '(\\d{3})', 'millisecond'],
];

interface Parsed {
  year: number;
  year2: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export type DateFields = { year: number; month: number; day: number };
export type TimeFields = { hour: number; minute: number; second: number; millisecond: number };

export interface CompiledPattern {
  source: string;
  /** Which fields the pattern sets. */
  has: ReadonlySet<keyof Parsed>;
  parse(value: string): Partial<Parsed> | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a pattern; throws an Error naming the problem when it has no recognised token. */
export function compilePattern(source: string): CompiledPattern {
  let re = '';
  const fields: Array<keyof Parsed> = [];
  let i = 0;
  outer: while (i < source.length) {
    for (const [tok, group, field] of TOKENS) {
      if (source.startsWith(tok, i)) {
        re += group;
        fields.push(field);
        i += tok.length;
        continue outer;
      }
    }
    re += escapeRegExp(source[i]);
    i++;
  }
  if (fields.length === 0)
    throw new Error(`pattern "${source}" has none of YYYY YY MM M DD D HH H mm ss SSS`);
  if (new Set(fields).size !== fields.length) throw new Error(`pattern "${source}" repeats a field`);
  const regex = new RegExp(`^${re}$`);
  return {
    source,
    has: new Set(fields),
    parse(value) {
      const m = regex.exec(value.trim());
      if (!m) return null;
      const out: Partial<Parsed> = {};
      fields.forEach((f, k) => {
        out[f] = Number(m[k + 1]);
      });
      return out;
    },
  };
}

/**
 * Two-digit years as POSIX strptime `%y` reads them: 69-99 are 1969-1999, 00-68 are 2000-2068.
 */
export function expandYear2(yy: number): number {
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // leap-year-agnostic max first
  if (day > days) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return true;
}

/** Reads the date part of a parsed value, or null when the pattern has none or it is not a real date. */
export function dateOf(p: Partial<Parsed>): DateFields | null {
  const year = p.year ?? (p.year2 !== undefined ? expandYear2(p.year2) : undefined);
  if (year === undefined || p.month === undefined || p.day === undefined) return null;
  return validDate(year, p.month, p.day) ? { year, month: p.month, day: p.day } : null;
}

/** Reads the time part of a parsed value (missing fields are 0), or null when out of range. */
export function timeOf(p: Partial<Parsed>): TimeFields | null {
  const t = {
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
    millisecond: p.millisecond ?? 0,
  };
  // Hour 24 (some exports write 24:00:00 for midnight at the end of a day) rolls over naturally.
  if (t.hour > 24 || t.minute > 59 || t.second > 60) return null;
  if (t.hour === 24 && (t.minute > 0 || t.second > 0 || t.millisecond > 0)) return null;
  return t;
}
