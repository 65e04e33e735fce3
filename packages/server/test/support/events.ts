/**
 * Deterministic call traffic for tests, with the expected counts computed from the events themselves
 * (not by the engine): per queue, offered = calls queued, answered and abandoned = their events.
 * Waits are 10 s (answered, inside a 20 s threshold) and 30 s (abandoned, not short).
 */
import type { WallboardEvent } from '@wallboard/metrics';

export const T0 = Date.UTC(2025, 2, 3, 8, 0, 0);

export interface QueueSpec {
  queue: string;
  partner?: string;
  calls: number;
}

/** Calls spread over the queues one a minute each; every fourth call abandons. Sorted by time. */
export function callEvents(queues: QueueSpec[], start = T0): WallboardEvent[] {
  const out: WallboardEvent[] = [];
  for (const q of queues) {
    for (let i = 0; i < q.calls; i++) {
      const t = start + i * 60_000 + q.queue.length * 1000;
      const call = `${q.queue}-${i}`;
      const queued: WallboardEvent = { type: 'call.queued', t, call, queue: q.queue };
      if (q.partner) Object.assign(queued, { partner: q.partner });
      out.push(queued);
      if (i % 4 === 3) out.push({ type: 'call.abandoned', t: t + 30_000, call, queue: q.queue });
      else {
        const agent = `${q.queue}-agent-${i % 3}`;
        out.push({ type: 'call.answered', t: t + 10_000, call, queue: q.queue, agent });
        out.push({ type: 'call.ended', t: t + 40_000, call, queue: q.queue, agent });
      }
    }
  }
  return out.sort((a, b) => a.t - b.t);
}

/** Expected counts per queue scope, counted from the events. */
export function expectedCounts(events: readonly WallboardEvent[]) {
  const out: Record<string, { offered: number; answered: number; abandoned: number }> = {};
  for (const e of events) {
    if (!('queue' in e)) continue;
    const k = `queue:${e.queue}`;
    out[k] ??= { offered: 0, answered: 0, abandoned: 0 };
    if (e.type === 'call.queued') out[k].offered++;
    if (e.type === 'call.answered') out[k].answered++;
    if (e.type === 'call.abandoned') out[k].abandoned++;
  }
  return out;
}

export const toNdjson = (events: readonly unknown[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
