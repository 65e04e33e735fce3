import { type ParseArgsConfig, parseArgs } from 'node:util';
import { parseDuration } from '../scenario/time.js';
import { CliError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A negative number, as a flag's value: "-3", "-0.5", "-.5", "-1e3". */
const NEGATIVE = /^-(\d|\.\d)/;

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** node:util parseArgs with its errors turned into one-line CliErrors naming the bad flag. */
export function parseFlags(argv: string[], options: Options): ParsedFlags {
  // parseArgs reads "--speed -3" as a flag missing its value followed by an option "-3" ("ambiguous"):
  // join a negative number to the value-taking flag before it, so the range check can name the problem.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') ? a.slice(2) : null;
    const next = argv[i + 1];
    if (name !== null && options[name]?.type === 'string' && next !== undefined && NEGATIVE.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (err) {
    throw new CliError((err as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
}

/** An optional numeric flag, range-checked, named in the error. */
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  opts: { min?: number; max?: number; integer?: boolean; gt?: number } = {},
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) {
    throw new CliError(`--${name} must be a number, got "${String(raw)}"`);
  }
  if (opts.integer && !Number.isInteger(n))
    throw new CliError(`--${name} must be a whole number, got ${raw}`);
  if (opts.gt !== undefined && !(n > opts.gt))
    throw new CliError(`--${name} must be > ${opts.gt}, got ${raw}`);
  if (opts.min !== undefined && n < opts.min)
    throw new CliError(`--${name} must be >= ${opts.min}, got ${raw}`);
  if (opts.max !== undefined && n > opts.max)
    throw new CliError(`--${name} must be <= ${opts.max}, got ${raw}`);
  return n;
}

/** An optional duration flag ("8h", "30m", "45s" or seconds) in ms. */
export function durationFlag(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const s = parseDuration(/^\d+(\.\d+)?$/.test(String(raw)) ? Number(raw) : raw);
  if (s === null || s <= 0) {
    throw new CliError(
      `--${name} must be a duration like 8h, 30m, 45s or a number of seconds, got "${String(raw)}"`,
    );
  }
  return s * 1000;
}

/** Formats rows as an aligned plain-text table. */
export function table(rows: Array<Array<string | number>>): string {
  const cells = rows.map((r) => r.map(String));
  const widths: number[] = [];
  for (const r of cells) {
    r.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.length);
    });
  }
  return `${cells.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n')}\n`;
}
