/**
 * The event stream the live tests write for a real wallboard-server to follow, and the helpers they share:
 * each test computes the figures it expects from the same calls it wrote.
 */

/** 08:00 UTC on a Monday: the first call's minute 0. */
export const T0 = Date.UTC(2025, 2, 3, 8, 0, 0);

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
export function calls(queues: Array<{ queue: string; partner?: string }>, minute: number, n: number): Ev[] {
  const out: Ev[] = [];
  for (const q of queues) {
    for (let i = minute; i < minute + n; i++) {
      const t = T0 + i * 60_000;
      const call = `${q.queue}-${i}`;
      out.push({
        type: 'call.queued',
        t,
        call,
        queue: q.queue,
        ...(q.partner ? { partner: q.partner } : {}),
      });
      if (i % 4 === 3) out.push({ type: 'call.abandoned', t: t + 30_000, call, queue: q.queue });
      else out.push({ type: 'call.answered', t: t + 10_000, call, queue: q.queue, agent: `${q.queue}-a` });
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

/** The stream as NDJSON text, a line an event. */
export const ndjson = (events: Ev[]): string => events.map((e) => `${JSON.stringify(e)}\n`).join('');

/** Polls `pred` every 25 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function until(
  what: string,
  pred: () => boolean | Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
