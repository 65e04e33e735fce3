import { parseDuration } from '../scenario/time.js';
import { CliError } from './io.js';

// One flag parser for every command line of the workspace (negative numbers joined to their flag,
// one-line messages naming the flag, the report's metric flags checked to the engine's bounds).
export {
  METRIC_FLAGS,
  metricFlags,
  numberFlag,
  parseFlags,
  table,
} from '@wallboard/metrics/cli-args';

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
