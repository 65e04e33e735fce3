import { type ParseArgsConfig, parseArgs } from 'node:util';
import { CliError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs with its errors turned into one-line CliErrors naming the bad flag. */
export function parseFlags(argv: string[], options: Options, allowPositionals = true): ParsedFlags {
  try {
    const args = joinNegativeValues(argv, options);
    const { values, positionals } = parseArgs({ args, options, allowPositionals, strict: true });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (err) {
    // node's messages can run over several lines ("... To specify a positional argument ..."): keep the first.
    throw new CliError((err as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/s, ''));
  }
}

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--short-abandon -1` is a value, not a flag: parseArgs calls it ambiguous, so it becomes
 * `--short-abandon=-1` and the flag's own range check names the problem (`must be >= 0`).
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** A required or optional numeric flag, checked for range, with the flag named in the error. */
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  opts: { required?: boolean; min?: number; max?: number; integer?: boolean; default?: number } = {},
): number {
  const raw = values[name];
  if (raw === undefined) {
    if (opts.default !== undefined) return opts.default;
    if (opts.required) throw new CliError(`missing --${name}`);
    return Number.NaN;
  }
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) {
    throw new CliError(`--${name} must be a number, got "${String(raw)}"`);
  }
  if (opts.integer && !Number.isInteger(n))
    throw new CliError(`--${name} must be a whole number, got ${raw}`);
  if (opts.min !== undefined && n < opts.min)
    throw new CliError(`--${name} must be >= ${opts.min}, got ${raw}`);
  if (opts.max !== undefined && n > opts.max)
    throw new CliError(`--${name} must be <= ${opts.max}, got ${raw}`);
  return n;
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
