/**
 * Flag parsing for `wallboard-server`, after the pattern of the metrics CLI (packages/metrics/src/cli):
 * node:util parseArgs with its errors turned into one line naming the bad flag, and checked numbers.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A usage or input error: printed as one clear line, exit code `code`, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseFlags(argv: string[], options: Options): ParsedFlags {
  // parseArgs takes "-1" after "--port" for an option ("argument is ambiguous"): a negative number
  // after a flag that takes a value is that value (then range-checked like any other).
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else args.push(a);
  }
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (err) {
    throw new CliError((err as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/s, ''));
  }
}

/** A numeric flag, checked for range, with the flag named in the error. */
export function numberFlag(
  values: Record<string, unknown>,
  name: string,
  opts: {
    min?: number;
    max?: number;
    integer?: boolean;
    default?: number;
    /** The range as told in messages, when not `from min to max`. */
    range?: string;
  } = {},
): number | undefined {
  const raw = values[name];
  if (raw === undefined) return opts.default;
  const n = Number(raw);
  const range =
    opts.range ??
    (opts.min !== undefined && opts.max !== undefined ? `from ${opts.min} to ${opts.max}` : undefined);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n))
    throw new CliError(`--${name} must be a number${range ? ` ${range}` : ''}, got "${String(raw)}"`);
  if (range !== undefined && (n < (opts.min ?? -Infinity) || n > (opts.max ?? Infinity)))
    throw new CliError(`--${name} must be a number ${range}, got ${raw}`);
  if (opts.integer && !Number.isInteger(n))
    throw new CliError(`--${name} must be a whole number, got ${raw}`);
  if (opts.min !== undefined && n < opts.min)
    throw new CliError(`--${name} must be >= ${opts.min}, got ${raw}`);
  if (opts.max !== undefined && n > opts.max)
    throw new CliError(`--${name} must be <= ${opts.max}, got ${raw}`);
  return n;
}
