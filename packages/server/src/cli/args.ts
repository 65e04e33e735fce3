/**
 * Flag parsing for `wallboard-server`: the workspace's shared parser (@wallboard/metrics/cli-args), with
 * the server's way of telling a bounded number (`--speed must be a number from 0.001 to 100000`).
 */
import { numberFlag as checkedNumber, type NumberFlagOptions } from '@wallboard/metrics/cli-args';

export { CliError, METRIC_FLAGS, metricFlags, parseFlags } from '@wallboard/metrics/cli-args';

/**
 * The shared numberFlag, a flag with both bounds told by its whole range. Its overloads (kept by the
 * type) say when the result is a number; the cast only satisfies both at once.
 */
export const numberFlag: typeof checkedNumber = (
  values: Record<string, unknown>,
  name: string,
  opts?: NumberFlagOptions,
) => checkedNumber(values, name, { range: true, ...opts }) as number;
