/**
 * Asterisk queue_log -> events. A line is `epoch|callid|queuename|agent|VERB|data1|data2|...`; older
 * Asterisk versions write fewer data fields, newer ones up to data5, and every field we read is looked up
 * by position with a fallback, so both are accepted. The mapping table with its reasons is in
 * docs/formats.md; in short:
 *   ENTERQUEUE -> call.queued; CONNECT -> call.answered; COMPLETECALLER/COMPLETEAGENT and the transfers
 *   -> call.ended; ABANDON -> call.abandoned; EXITWITHTIMEOUT/EXITEMPTY/EXITWITHKEY -> call.overflowed
 *   (to the queue the call enters next, else `dialplan`); logins, membership and pauses -> agent.state,
 *   with on-call synthesized around CONNECT ... COMPLETE so occupancy works.
 * Events keep file order (Asterisk writes in time order; the engine judges stragglers). Bad lines are
 * reported with their number and dropped whole.
 */
import type { CallOverflowedEvent, WallboardEvent } from '../events.js';
import { validateEvent } from '../validate.js';
import { AgentTracker } from './queue-log-agents.js';
import { excerpt, type ReadResult, ResultBuilder, splitLines } from './types.js';

/** Verbs understood and deliberately mapped to nothing; counted in `ignored` by verb. */
export const QUEUE_LOG_IGNORED_VERBS: ReadonlySet<string> = new Set([
  'QUEUESTART', // the queue module started
  'CONFIGRELOAD', // configuration reloaded
  'NONE', // placeholder lines
  'RINGNOANSWER', // a member was rung and did not pick up; the caller keeps waiting
  'RINGCANCELED', // ringing a member stopped (another member answered, or the caller left)
  'AGENTDUMP', // the member hung up during the announcement; the caller keeps waiting
  'SYSCOMPAT', // channels not compatible; the caller keeps waiting
  'INFO', // free-form information lines
  'DID', // the dialled number, written by some dialplans
]);

/** Where an EXIT* call went when no later ENTERQUEUE for it names the queue. */
export const DIALPLAN_DESTINATION = 'dialplan';

/** Tolerance of the cross-checks between logged durations and the clock (timestamps are whole seconds). */
const CHECK_TOLERANCE_SEC = 1;

const MIN_T = Date.UTC(1990, 0, 1);
const MAX_T = Date.UTC(2100, 0, 1);

interface CallTrack {
  queue: string;
  queuedT?: number;
  answeredT?: number;
  /** An EXIT* whose destination is not known yet. */
  pending?: CallOverflowedEvent;
}

/** A bad line: thrown inside the line handler, caught by the loop, reported with the line number. */
class LineError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const absent = (s: string | undefined): boolean => s === undefined || s === '' || s === 'NONE';

function need(value: string | undefined, what: string, verb: string): string {
  if (absent(value)) throw new LineError('missing-field', `${verb} needs ${what}`);
  if (value!.length > 200)
    throw new LineError('bad-field', `${verb}: ${what.replace(/^an? /, '')} is longer than 200 characters`);
  return value!;
}

/** A whole number of seconds from a data field, or undefined when absent or not a number. */
function seconds(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

export function readQueueLog(text: string): ReadResult {
  const out = new ResultBuilder();
  const calls = new Map<string, CallTrack>();
  const agents = new AgentTracker();
  const lines = splitLines(text);

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const produced: WallboardEvent[] = [];
    try {
      const f = raw.split('|');
      if (f.length < 5) {
        throw new LineError(
          'malformed',
          `expected epoch|callid|queue|agent|VERB|data..., got ${excerpt(raw)}`,
        );
      }
      const [epoch, callid, queue, agent, verbRaw] = f;
      const verb = verbRaw.trim();
      const data = f.slice(5);
      if (!/^\d+(\.\d+)?$/.test(epoch.trim())) {
        throw new LineError('bad-time', `time ${excerpt(epoch)} is not epoch seconds`);
      }
      const t = Math.round(Number(epoch) * 1000);
      if (t < MIN_T || t > MAX_T)
        throw new LineError('bad-time', `time ${epoch} is not between 1990 and 2100`);
      if (QUEUE_LOG_IGNORED_VERBS.has(verb)) {
        out.ignore(verb);
        continue;
      }

      const agentState = (a: string) => {
        const ev = agents.emitIfChanged(a, t);
        if (ev) produced.push(ev);
      };
      /** The call's track; an EXIT* waiting for its destination is settled by anything but ENTERQUEUE. */
      const settle = (call: string, to: string) => {
        const c = calls.get(call);
        if (c?.pending) {
          c.pending.to = to;
          c.pending = undefined;
        }
        return c;
      };
      /** Warns when a duration the line logs disagrees with the one the timestamps give. */
      const check = (what: string, logged: number | undefined, from?: number, to = t) => {
        if (logged === undefined || from === undefined) return;
        const clock = (to - from) / 1000;
        if (Math.abs(clock - logged) > CHECK_TOLERANCE_SEC) {
          out.warn(
            lineNo,
            `${what}-mismatch`,
            `${verb} logs ${what} ${logged} s but the clock says ${clock} s`,
          );
        }
      };

      switch (verb) {
        case 'ENTERQUEUE': {
          const call = need(callid, 'a call id', verb);
          const q = need(queue, 'a queue', verb);
          settle(call, q);
          calls.set(call, { queue: q, queuedT: t });
          produced.push({ type: 'call.queued', t, call, queue: q });
          break;
        }
        case 'CONNECT': {
          const call = need(callid, 'a call id', verb);
          const q = need(queue, 'a queue', verb);
          const a = need(agent, 'an agent', verb);
          const c = settle(call, DIALPLAN_DESTINATION);
          check('holdtime', seconds(data[0]), c?.queuedT);
          if (c) c.answeredT = t;
          else calls.set(call, { queue: q, answeredT: t });
          produced.push({ type: 'call.answered', t, call, queue: q, agent: a });
          agents.connect(a, call, q);
          agentState(a);
          break;
        }
        case 'COMPLETECALLER':
        case 'COMPLETEAGENT':
        case 'BLINDTRANSFER':
        case 'ATTENDEDTRANSFER':
        case 'TRANSFER': {
          const call = need(callid, 'a call id', verb);
          const q = need(queue, 'a queue', verb);
          const a = need(agent, 'an agent', verb);
          const c = settle(call, DIALPLAN_DESTINATION);
          if (verb.startsWith('COMPLETE')) {
            if (c?.answeredT !== undefined) check('holdtime', seconds(data[0]), c.queuedT, c.answeredT);
            check('calltime', seconds(data[1]), c?.answeredT);
          }
          calls.delete(call);
          produced.push({ type: 'call.ended', t, call, queue: q, agent: a });
          agents.release(a, call);
          agentState(a);
          break;
        }
        case 'ABANDON': {
          const call = need(callid, 'a call id', verb);
          const q = need(queue, 'a queue', verb);
          const c = settle(call, DIALPLAN_DESTINATION);
          check('waittime', seconds(data[2]), c?.queuedT);
          calls.delete(call);
          produced.push({ type: 'call.abandoned', t, call, queue: q });
          break;
        }
        case 'EXITWITHTIMEOUT':
        case 'EXITEMPTY':
        case 'EXITWITHKEY': {
          const call = need(callid, 'a call id', verb);
          const q = need(queue, 'a queue', verb);
          const c = settle(call, DIALPLAN_DESTINATION) ?? { queue: q };
          // The destination is the queue this call enters next, if any: filled in by that ENTERQUEUE.
          const ev: CallOverflowedEvent = {
            type: 'call.overflowed',
            t,
            call,
            queue: q,
            to: DIALPLAN_DESTINATION,
          };
          c.pending = ev;
          c.queuedT = undefined;
          c.answeredT = undefined;
          calls.set(call, c);
          produced.push(ev);
          break;
        }
        case 'AGENTLOGIN':
        case 'AGENTCALLBACKLOGIN': {
          const a = need(agent, 'an agent', verb);
          agents.login(a);
          agentState(a);
          break;
        }
        case 'AGENTLOGOFF':
        case 'AGENTCALLBACKLOGOFF': {
          const a = need(agent, 'an agent', verb);
          agents.logoff(a);
          agentState(a);
          break;
        }
        case 'ADDMEMBER': {
          const a = need(agent, 'an agent', verb);
          agents.addQueue(a, need(queue, 'a queue', verb));
          agentState(a);
          break;
        }
        case 'REMOVEMEMBER': {
          const a = need(agent, 'an agent', verb);
          agents.removeQueue(a, need(queue, 'a queue', verb));
          agentState(a);
          break;
        }
        case 'PAUSE':
        case 'PAUSEALL': {
          const a = need(agent, 'an agent', verb);
          agents.pause(a, absent(data[0]) ? undefined : data[0]);
          agentState(a);
          break;
        }
        case 'UNPAUSE':
        case 'UNPAUSEALL': {
          const a = need(agent, 'an agent', verb);
          agents.unpause(a);
          agentState(a);
          break;
        }
        default:
          throw new LineError('unknown-verb', `unknown queue_log event ${excerpt(verb, 40)}`);
      }
      for (const ev of produced) {
        // Built from checked fields, so this only guards against a mapping bug; it must never pass one on.
        const v = validateEvent(ev);
        if (!v.ok) throw new LineError(v.reason, v.detail);
      }
      for (const ev of produced) out.add(ev, lineNo);
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      out.reject(lineNo, err.reason, err.message);
    }
  }
  return out.result();
}
