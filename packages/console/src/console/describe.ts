/**
 * Words for the timeline: what each control or incident did, in the trainer's terms. Incident params
 * carry queue indices (the compiled model's), controls carry queue ids: both are said by the queue's
 * name ("Mobile support", not "mobile"), the id only for a queue the run does not know.
 */

import { span } from '../shared/time.js';
import type { QueueInfo, TimelineEntry } from '../sim/protocol.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A queue by its name: from an index (incidents) or an id (controls); "all queues" for none or `*`. */
function queueName(v: unknown, queues: readonly QueueInfo[]): string {
  if (v === undefined || v === '*') return 'all queues';
  if (typeof v === 'number') return queues[v]?.name ?? `#${v}`;
  const id = String(v);
  return queues.find((q) => q.id === id)?.name ?? id;
}

function selection(p: Record<string, unknown>, queues: readonly QueueInfo[]): string {
  const parts: string[] = [];
  const q = p.queue;
  if (typeof q === 'string' || (typeof q === 'number' && queues[q]))
    parts.push(`skilled in ${queueName(q, queues)}`);
  if (typeof p.team === 'string') parts.push(`of team ${p.team}`);
  if (typeof p.partner === 'string') parts.push(`of ${p.partner}`);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

function queueList(v: unknown, queues: readonly QueueInfo[]): string {
  if (!Array.isArray(v) || v.length === 0) return 'all queues';
  return v.map((i) => queueName(i, queues)).join(', ');
}

export const CLOCK_WORDS: Readonly<Record<string, string>> = {
  pause: 'Paused',
  resume: 'Resumed',
  step: 'Stepped',
};

/** " for 30 min", or when cut short " for 30 min, ended after 12 min by an arrival change". */
function spanWords(e: TimelineEntry, minutes: number | undefined, by: string): string {
  const planned = minutes === undefined ? '' : ` for ${minutes} min`;
  if (!e.cut || e.until === undefined) return planned;
  return `${planned}, ended after ${span(e.until - e.t)} by ${by}`;
}

export function describeEntry(e: TimelineEntry, queues: readonly QueueInfo[] = []): string {
  const p = e.params;
  const n = e.agents?.length ?? 0;
  if (e.source === 'incident') {
    const sel = p.select && typeof p.select === 'object' ? (p.select as Record<string, unknown>) : {};
    const lasting = num(p.durationMs) ? ` for ${span(num(p.durationMs)!)}` : '';
    switch (e.control) {
      case 'surge':
        return `Incident: arrivals ×${num(p.factor)} on ${queueList(p.queues, queues)}${lasting}`;
      case 'surge-end':
        return `Incident over: arrivals back to normal on ${queueList(p.queues, queues)}`;
      case 'aht-spike':
        return `Incident: handle times ×${num(p.factor)} on ${queueList(p.queues, queues)}${lasting}`;
      case 'aht-spike-end':
        return `Incident over: handle times back to normal on ${queueList(p.queues, queues)}`;
      case 'outage':
        return `Incident: outage, ${plural(n, 'agent')}${selection(sel, queues)} drop off${lasting}`;
      case 'outage-end':
        return `Incident over: agents${selection(sel, queues)} can log back in`;
      case 'agents-leave':
        return `Incident: ${plural(n, 'agent')}${selection(sel, queues)} leave for good`;
      default:
        return `Incident: ${e.control}`;
    }
  }
  switch (e.control) {
    case 'surge': {
      const where = queueName(str(p.queue), queues);
      return `Surge ×${num(p.factor)} on ${where}${spanWords(e, num(p.minutes), 'an arrival change')}`;
    }
    case 'aht-spike': {
      const where = queueName(str(p.queue), queues);
      return `Handle times ×${num(p.factor)} on ${where}${spanWords(e, num(p.minutes), 'a new spike')}`;
    }
    case 'outage':
      return n === 0
        ? `Outage for ${num(p.minutes)} min: no agent${selection(p, queues)} was working, nothing changed`
        : `Outage: ${plural(n, 'agent')}${selection(p, queues)} drop off for ${num(p.minutes)} min (busy ones after their call)`;
    case 'set-arrival-factor':
      return `Arrivals ×${num(p.factor)} on ${queueName(str(p.queue), queues)}`;
    case 'add-agents': {
      const skills = Array.isArray(p.skills) ? p.skills.map((q) => queueName(q, queues)).join(', ') : '';
      const forMin = num(p.forMin);
      return `Added ${plural(n, 'agent')} (${skills})${forMin ? ` for ${forMin} min` : ''}`;
    }
    case 'remove-agents': {
      const asked = num(p.count) ?? n;
      const from = selection(p, queues) || ' from any queue';
      if (n === 0) return `Removed no agent: none${from} was on duty, nothing changed`;
      if (n < asked) return `Removed ${n} of ${asked} agents requested${from} (no more on duty)`;
      return `Removed ${plural(n, 'agent')}${from}`;
    }
    case 'send-on-break':
      if (n === 0)
        return `No agent${selection(p, queues)} could go on a break (all off, on a break already or leaving), nothing changed`;
      return `${plural(n, 'agent')}${selection(p, queues)} sent on a ${num(p.minutes)}-min break`;
    case 'set-overflow': {
      const rule = p.rule as { to: string; afterSec: number | null; maxWaiting: number | null } | null;
      if (!rule) return `Overflow rule of ${queueName(str(p.queue), queues)} cleared`;
      const when = [
        rule.afterSec !== null ? `after ${rule.afterSec} s` : '',
        rule.maxWaiting !== null ? `when more than ${rule.maxWaiting} wait` : '',
      ]
        .filter(Boolean)
        .join(' or ');
      return `Overflow ${queueName(str(p.queue), queues)} → ${queueName(rule.to, queues)} ${when}`;
    }
    case 'extend-shifts':
      if (n === 0)
        return `No agent${selection(p, queues)} on duty has a shift end to extend (they work to the end of the run), nothing changed`;
      return `${plural(n, 'agent')}${selection(p, queues)} stay ${num(p.minutes)} min longer`;
    case 'speed':
      return `Speed ${num(p.speed)}×`;
    default:
      return CLOCK_WORDS[e.control] ?? e.control;
  }
}
