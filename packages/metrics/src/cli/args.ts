/**
 * Flag parsing shared by the command lines of the workspace (`wallboard-metrics`, `wallboard-server`,
 * `wallboard-sim`), exported as `@wallboard/metrics/cli-args`: node:util parseArgs with its errors as
 * one-line CliErrors naming the bad flag, checked numbers, and the report's metric flags. Node only.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type IntervalMinutes, SL_FORMULAS, type SlFormula } from '../types.js';
import { CliError } from './io.js';

export { CliError };

export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** A negative number as a flag's value: "-3", "-0.5", "-.5", "-1e3". */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/** node:util parseArgs (strict) with its errors turned into one-line CliErrors naming the bad flag. */
export function parseFlags(argv: string[], options: FlagOptions, allowPositionals = true): ParsedFlags {
  const args = joinNegativeValues(argv, options);
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (err) {
    // node's messages can run over several lines ("... To specify a positional ..."): keep the first.
    throw new CliError((err as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/s, ''));
  }
}

/**
 * `--port -1` is a value, not a flag: parseArgs calls it ambiguous, so it becomes `--port=-1` and the
 * flag's own range check names the problem (`must be >= 0`). Any other value that starts with a dash
 * (`--port --host`) is a missing value, said in one line instead of parseArgs' three.
 */
function joinNegativeValues(argv: string[], options: FlagOptions): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return out.concat(argv.slice(i));
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (
      name &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      next.length > 1 &&
      next[0] === '-'
    ) {
      if (!NEGATIVE_NUMBER.test(next))
        throw new CliError(
          `${a} needs a value, got the flag ${next} (a value that starts with "-" goes as ${a}=VALUE)`,
        );
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export interface NumberFlagOptions {
  /** An absent flag is an error: `missing --NAME`. */
  required?: boolean;
  /** The value of an absent flag. */
  default?: number;
  integer?: boolean;
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** An exclusive lower bound: `must be > 0`. */
  gt?: number;
  /**
   * Tell the allowed range as a whole: a value that is no number or lies outside min..max gets
   * `must be a number RANGE`. `true` says `from MIN to MAX` (when both are given); a string is the
   * range itself (`from 1 to 65535 (or 0 for any free port)`). Without it, the bound that was broken
   * is named (`must be >= 0`).
   */
  range?: true | string;
}

/** A numeric flag, checked, with the flag named in the error; undefined when absent and optional. */
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  opts: NumberFlagOptions & ({ required: true } | { default: number }),
): number;
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  opts?: NumberFlagOptions,
): number | undefined;
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  opts: NumberFlagOptions = {},
): number | undefined {
  const raw = values[name];
  if (raw === undefined) {
    if (opts.default === undefined && opts.required) throw new CliError(`missing --${name}`);
    return opts.default;
  }
  const { min, max } = opts;
  const range =
    opts.range === true
      ? min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : undefined
      : opts.range;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n))
    throw new CliError(`--${name} must be a number${range ? ` ${range}` : ''}, got "${String(raw)}"`);
  const tooLow = min !== undefined && n < min;
  const tooHigh = max !== undefined && n > max;
  if (range !== undefined && (tooLow || tooHigh))
    throw new CliError(`--${name} must be a number ${range}, got ${raw}`);
  if (opts.integer && !Number.isInteger(n))
    throw new CliError(`--${name} must be a whole number, got ${raw}`);
  if (opts.gt !== undefined && !(n > opts.gt))
    throw new CliError(`--${name} must be > ${opts.gt}, got ${raw}`);
  if (tooLow) throw new CliError(`--${name} must be >= ${min}, got ${raw}`);
  if (tooHigh) throw new CliError(`--${name} must be <= ${max}, got ${raw}`);
  return n;
}

/** The metric flags of `wallboard-metrics report`, taken as well by the server and the simulator. */
export const METRIC_FLAGS = {
  'time-zone': { type: 'string' },
  interval: { type: 'string' },
  'sl-threshold': { type: 'string' },
  'sl-target': { type: 'string' },
  'sl-formula': { type: 'string' },
  'short-abandon': { type: 'string' },
} as const satisfies FlagOptions;

export interface MetricFlags {
  /** As given (each command checks the zone in its own words). */
  timeZone?: string;
  intervalMin?: IntervalMinutes;
  slThresholdSec?: number;
  slTarget?: number;
  slFormula?: SlFormula;
  shortAbandonSec?: number;
}

/**
 * The metric flags, checked against the engine's bounds (DESIGN.md "Metrics"). An absent flag has no
 * key, so the engine's default (or a scenario's or a queue's own setting) applies, also when the result
 * is spread over other options.
 */
export function metricFlags(values: Record<string, unknown>): MetricFlags {
  const intervalMin = numberFlag(values, 'interval');
  if (intervalMin !== undefined && ![15, 30, 60].includes(intervalMin))
    throw new CliError(`--interval must be 15, 30 or 60, got ${values.interval}`);
  const slFormula = values['sl-formula'] as string | undefined;
  if (slFormula !== undefined && !SL_FORMULAS.includes(slFormula as SlFormula))
    throw new CliError(`--sl-formula must be one of ${SL_FORMULAS.join(', ')}, got "${slFormula}"`);
  const flags: MetricFlags = {
    timeZone: values['time-zone'] as string | undefined,
    intervalMin: intervalMin as IntervalMinutes | undefined,
    slThresholdSec: numberFlag(values, 'sl-threshold', { min: 0, max: 3600 }),
    slTarget: numberFlag(values, 'sl-target', { min: 0, max: 1 }),
    slFormula: slFormula as SlFormula | undefined,
    shortAbandonSec: numberFlag(values, 'short-abandon', { min: 0, max: 600 }),
  };
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
}

/** Formats rows as an aligned plain-text table (the readable default output). */
export function table(rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map(String));
  const widths: number[] = [];
  for (const r of cells) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return `${cells
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n')}\n`;
}
