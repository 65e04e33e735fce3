/**
 * The event stream the live-feed tests write for a real wallboard-server to follow: the widgets' live
 * tests (in chromium) and the floor board's feed e2e (test/e2e/tv-feed.test.ts) share it, so each
 * computes the figures it expects from the same calls.
 */
/** 08:00 UTC on a Monday: the first call's minute 0. */
export declare const T0: number;
/** One event of the schema (the subset these streams use). */
export interface Ev {
  type: string;
  t: number;
  call: string;
  queue: string;
  agent?: string;
  partner?: string;
}
/** `n` calls per queue, one a minute from `minute` on: 3 of 4 answered after 10 s, 1 of 4 abandoned after 30 s. */
export declare function calls(
  queues: Array<{
    queue: string;
    partner?: string;
  }>,
  minute: number,
  n: number,
): Ev[];
/** The stream as NDJSON text, a line an event. */
export declare const ndjson: (events: Ev[]) => string;
/** Polls `pred` every 25 ms until it holds; fails naming `what` after `timeoutMs`. */
export declare function until(
  what: string,
  pred: () => boolean | Promise<boolean>,
  timeoutMs?: number,
): Promise<void>;
//# sourceMappingURL=feed-fixture.d.ts.map
