/**
 * Flag parsing for `wallboard-server`: the workspace's shared parser (@wallboard/metrics/cli-args), with
 * the server's way of telling a bounded number (`--speed must be a number from 0.001 to 100000`).
 */
import { numberFlag as checkedNumber, type NumberFlagOptions } from '@wallboard/metrics/cli-args';

export { CliError, METRIC_FLAGS, metricFlags, parseFlags } from '@wallboard/metrics/cli-args';

/** A numeric flag; one with both bounds is told by its whole range (NumberFlagOptions.range). */
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
  return checkedNumber(values, name, { range: true, ...opts });
}
