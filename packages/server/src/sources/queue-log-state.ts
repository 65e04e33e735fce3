/**
 * What the metrics package's queue_log reader remembers between lines (calls in flight, and per agent:
 * logged in, paused with a reason, queues, connected calls), kept here so that a followed log can be
 * read a batch at a time with the same result as reading the whole file. The reader is a whole-file
 * function; before each batch we hand it a short preamble of synthetic lines that rebuild exactly this
 * state, and drop the events the preamble produces. The transitions mirror
 * packages/metrics/src/formats/queue-log.ts and queue-log-agents.ts; the test that reads logs in random
 * pieces and compares with one whole read keeps the two in step.
 */
import { QUEUE_LOG_IGNORED_VERBS } from '@wallboard/metrics';

interface CallState {
  queue: string;
  queuedT?: number;
  answeredT?: number;
}

interface AgentState {
  loggedIn: boolean;
  paused: boolean;
  reason: string | undefined;
  queues: string[];
  /** Connected calls and the queue each was answered in. */
  calls: Map<string, string>;
}

const MIN_T = Date.UTC(1990, 0, 1);
const MAX_T = Date.UTC(2100, 0, 1);

const absent = (s: string | undefined): boolean => s === undefined || s === '' || s === 'NONE';
/** The reader's `need`: present and at most 200 characters, else the line is rejected. */
const ok = (s: string | undefined): s is string => !absent(s) && (s as string).length <= 200;

/** The verbs that touch a call's entry (they settle a pending EXIT for it). */
const CALL_VERBS = new Set([
  'ENTERQUEUE',
  'CONNECT',
  'COMPLETECALLER',
  'COMPLETEAGENT',
  'BLINDTRANSFER',
  'ATTENDEDTRANSFER',
  'TRANSFER',
  'ABANDON',
  'EXITWITHTIMEOUT',
  'EXITEMPTY',
  'EXITWITHKEY',
]);
const EXIT_VERBS = new Set(['EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY']);

/** Splits a line the way the reader does: the time, callid, queue, agent, verb and data fields, or null. */
export function fieldsOf(
  raw: string,
): { t: number; call: string; queue: string; agent: string; verb: string; data: string[] } | null {
  if (raw.trim() === '') return null;
  const f = raw.split('|');
  if (f.length < 5) return null;
  const [epoch, call, queue, agent, verbRaw] = f;
  if (!/^\d+(\.\d+)?$/.test(epoch.trim())) return null;
  const t = Math.round(Number(epoch) * 1000);
  if (t < MIN_T || t > MAX_T) return null;
  return { t, call, queue, agent, verb: verbRaw.trim(), data: f.slice(5) };
}

export class QueueLogState {
  private readonly calls = new Map<string, CallState>();
  private readonly agents = new Map<string, AgentState>();

  /** Calls and agents remembered (for the health report and tests). */
  get size(): { calls: number; agents: number } {
    return { calls: this.calls.size, agents: this.agents.size };
  }

  private agent(a: string): AgentState {
    let s = this.agents.get(a);
    if (!s) {
      s = { loggedIn: false, paused: false, reason: undefined, queues: [], calls: new Map() };
      this.agents.set(a, s);
    }
    return s;
  }

  /** Applies one raw line, exactly as the reader changes its state for it. */
  apply(raw: string): void {
    const l = fieldsOf(raw);
    if (!l || QUEUE_LOG_IGNORED_VERBS.has(l.verb)) return;
    const { t, call, queue, agent, verb, data } = l;
    switch (verb) {
      case 'ENTERQUEUE':
        if (ok(call) && ok(queue)) this.calls.set(call, { queue, queuedT: t });
        return;
      case 'CONNECT': {
        if (!ok(call) || !ok(queue) || !ok(agent)) return;
        const c = this.calls.get(call);
        if (c) c.answeredT = t;
        else this.calls.set(call, { queue, answeredT: t });
        const a = this.agent(agent);
        a.loggedIn = true;
        a.calls.set(call, queue);
        // The reader takes an answer as proof the agent serves the queue (a static member has no ADDMEMBER).
        if (!a.queues.includes(queue)) a.queues.push(queue);
        return;
      }
      case 'COMPLETECALLER':
      case 'COMPLETEAGENT':
      case 'BLINDTRANSFER':
      case 'ATTENDEDTRANSFER':
      case 'TRANSFER':
        if (!ok(call) || !ok(queue) || !ok(agent)) return;
        this.calls.delete(call);
        this.agent(agent).calls.delete(call);
        return;
      case 'ABANDON':
        if (ok(call) && ok(queue)) this.calls.delete(call);
        return;
      case 'EXITWITHTIMEOUT':
      case 'EXITEMPTY':
      case 'EXITWITHKEY':
        // The reader keeps an entry without times (only to name the destination later); for every later
        // line that behaves as no entry at all, so none is kept here.
        if (ok(call) && ok(queue)) this.calls.delete(call);
        return;
      case 'AGENTLOGIN':
      case 'AGENTCALLBACKLOGIN':
        if (ok(agent)) this.agent(agent).loggedIn = true;
        return;
      case 'AGENTLOGOFF':
      case 'AGENTCALLBACKLOGOFF':
        if (ok(agent)) this.logoff(this.agent(agent));
        return;
      case 'ADDMEMBER':
        if (ok(agent) && ok(queue)) {
          const a = this.agent(agent);
          if (!a.queues.includes(queue)) a.queues.push(queue);
          a.loggedIn = true;
        }
        return;
      case 'REMOVEMEMBER':
        if (ok(agent) && ok(queue)) {
          const a = this.agent(agent);
          a.queues = a.queues.filter((q) => q !== queue);
          if (a.queues.length === 0) this.logoff(a);
        }
        return;
      case 'PAUSE':
      case 'PAUSEALL':
        if (ok(agent)) {
          const a = this.agent(agent);
          a.paused = true;
          a.reason = absent(data[0]) ? undefined : data[0];
        }
        return;
      case 'UNPAUSE':
      case 'UNPAUSEALL':
        if (ok(agent)) {
          const a = this.agent(agent);
          a.paused = false;
          a.reason = undefined;
        }
        return;
      default:
    }
  }

  private logoff(a: AgentState): void {
    a.loggedIn = false;
    a.paused = false;
    a.reason = undefined;
  }

  /**
   * Lines that bring a fresh reader to this state (its agent "last emitted" memory included: every
   * agent ends on a line that makes the reader note its current state).
   */
  preamble(): string[] {
    const out: string[] = [];
    const at = (t: number) => (t / 1000).toString();
    for (const [id, c] of this.calls) {
      if (c.queuedT !== undefined) out.push(`${at(c.queuedT)}|${id}|${c.queue}|NONE|ENTERQUEUE||`);
    }
    const connected = new Set<string>();
    for (const [name, a] of this.agents) {
      const t0 = at(MIN_T);
      for (const q of a.queues) out.push(`${t0}|NONE|${q}|${name}|ADDMEMBER|`);
      if (a.queues.length === 0 && a.loggedIn) out.push(`${t0}|NONE|NONE|${name}|AGENTLOGIN|`);
      const extra = new Set<string>();
      for (const [call, queue] of a.calls) {
        const t = this.calls.get(call)?.answeredT ?? MIN_T;
        out.push(`${at(t)}|${call}|${queue}|${name}|CONNECT|`);
        connected.add(call);
        if (!a.queues.includes(queue)) extra.add(queue);
      }
      // The reader takes a CONNECT for membership of its queue: take back those the agent has left
      // (leaving the last one logs it off, so log it in again when it is).
      for (const q of extra) out.push(`${t0}|NONE|${q}|${name}|REMOVEMEMBER|`);
      if (extra.size > 0 && a.queues.length === 0 && a.loggedIn)
        out.push(`${t0}|NONE|NONE|${name}|AGENTLOGIN|`);
      if (!a.loggedIn) out.push(`${t0}|NONE|NONE|${name}|AGENTLOGOFF|`);
      if (a.paused) out.push(`${t0}|NONE|NONE|${name}|PAUSE|${a.reason ?? ''}`);
    }
    // A CONNECT above made a call entry the reader no longer has (completed by another agent): drop it.
    for (const call of connected) {
      if (!this.calls.has(call)) out.push(`${at(MIN_T)}|${call}|NONE|NONE|ABANDON|`);
    }
    return out;
  }
}

/**
 * Index of the first line whose events must wait for later lines: an EXIT* (overflow) whose call has no
 * later line among `lines` yet. The reader names the overflow's destination from the next line of the
 * same call, so such a line is held back until that line arrives (or a short time passes).
 */
export function firstUnsettledExit(lines: readonly string[]): number {
  const pending = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = fieldsOf(lines[i]);
    if (!l || !CALL_VERBS.has(l.verb) || absent(l.call)) continue;
    pending.delete(l.call);
    if (EXIT_VERBS.has(l.verb)) pending.set(l.call, i);
  }
  let first = lines.length;
  for (const i of pending.values()) if (i < first) first = i;
  return first;
}
