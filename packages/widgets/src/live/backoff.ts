/** Reconnect delays: exponential, capped, with jitter so a thousand boards do not return in step. */
export interface BackoffOptions {
  /** First delay (ms). Default 500. */
  initialMs?: number;
  /** Longest delay (ms). Default 30 000. */
  maxMs?: number;
  /** Share of each delay drawn at random (0 = none, 1 = anywhere from 0 to the delay). Default 0.5. */
  jitter?: number;
}

/** The delay before reconnect attempt `attempt` (0-based); `random` in [0, 1). */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random = Math.random()): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const jitter = Math.min(1, Math.max(0, options.jitter ?? 0.5));
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * (1 - jitter * random));
}
