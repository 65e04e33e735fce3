/**
 * NDJSON output: one event per line. Key order is fixed by how the core builds each event, so the same
 * scenario and seed give byte-identical text, run after run and in every JavaScript engine.
 *
 * `toNdjsonLine` is JSON.stringify and takes any event. `simNdjsonLine` writes the simulator's own event
 * shapes by concatenation, about three times faster, and gives exactly the same bytes for them (a test
 * checks every event of every built-in scenario); anything it does not recognise goes to JSON.stringify.
 */
import type { AgentStateEvent, WallboardEvent } from '@wallboard/metrics';
import { map, type OperatorFunction } from 'rxjs';

export function toNdjsonLine(e: WallboardEvent): string {
  return `${JSON.stringify(e)}\n`;
}

/** A JSON string literal; plain ids (the usual case) skip JSON.stringify. */
function str(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** The constant tail of an agent's full state events, per queues array (the core reuses one per agent). */
const agentTails = new WeakMap<readonly string[], Map<string, string>>();

function agentTail(e: AgentStateEvent): string {
  const queues = e.queues as readonly string[];
  let byWho = agentTails.get(queues);
  if (byWho === undefined) {
    byWho = new Map();
    agentTails.set(queues, byWho);
  }
  const key = `${e.name}\u0000${e.team}\u0000${e.partner ?? '\u0001'}`;
  let tail = byWho.get(key);
  if (tail === undefined) {
    tail = `,"queues":${JSON.stringify(queues)},"name":${JSON.stringify(e.name)},"team":${JSON.stringify(e.team)}${e.partner === undefined ? '' : `,"partner":${JSON.stringify(e.partner)}`}}\n`;
    byWho.set(key, tail);
  }
  return tail;
}

const FULL_AGENT_KEYS = 'type,t,agent,state,reason,queues,name,team,partner';

/** NDJSON for events made by the simulator (same bytes as toNdjsonLine, faster). */
export function simNdjsonLine(e: WallboardEvent): string {
  if (e.id !== undefined) return toNdjsonLine(e);
  switch (e.type) {
    case 'call.queued':
      return `{"type":"call.queued","t":${e.t},"call":${str(e.call)},"queue":${str(e.queue)}${e.partner === undefined ? '' : `,"partner":${str(e.partner)}`}${e.priority === undefined ? '' : `,"priority":${e.priority}`}}\n`;
    case 'call.answered':
      return `{"type":"call.answered","t":${e.t},"call":${str(e.call)},"queue":${str(e.queue)},"agent":${str(e.agent)}}\n`;
    case 'call.abandoned':
      return `{"type":"call.abandoned","t":${e.t},"call":${str(e.call)},"queue":${str(e.queue)}}\n`;
    case 'call.overflowed':
      return `{"type":"call.overflowed","t":${e.t},"call":${str(e.call)},"queue":${str(e.queue)},"to":${str(e.to)}}\n`;
    case 'call.ended':
      return `{"type":"call.ended","t":${e.t},"call":${str(e.call)},"queue":${str(e.queue)},"agent":${str(e.agent)}${e.holdMs === undefined ? '' : `,"holdMs":${e.holdMs}`}}\n`;
    case 'call.rated':
      return `{"type":"call.rated","t":${e.t},"call":${str(e.call)},"queue":${str(e.queue)},"agent":${str(e.agent)},"score":${e.score}}\n`;
    case 'agent.state': {
      const head = `{"type":"agent.state","t":${e.t},"agent":${str(e.agent)},"state":"${e.state}"`;
      if (e.queues === undefined) return e.reason === undefined ? `${head}}\n` : toNdjsonLine(e);
      // Only the core's full shape (in its key order) takes the cached tail.
      if (Object.keys(e).join(',') !== FULL_AGENT_KEYS || e.name === undefined || e.team === undefined) {
        return toNdjsonLine(e);
      }
      return `${head}${e.reason === undefined ? '' : `,"reason":${str(e.reason)}`}${agentTail(e)}`;
    }
    default:
      return toNdjsonLine(e);
  }
}

/** Maps events to NDJSON lines (each ending in "\n"); `fast` for a simulator's own events. */
export function ndjson(fast = false): OperatorFunction<WallboardEvent, string> {
  return map(fast ? simNdjsonLine : toNdjsonLine);
}

/**
 * Collects the NDJSON of a simulator's events in chunks of about `chunkChars`, for writers that prefer
 * few large writes.
 * `push` returns a full chunk when one is ready; `end` returns what is left.
 */
export class NdjsonChunker {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly chunkChars = 1 << 20) {}

  push(e: WallboardEvent): string | null {
    const line = simNdjsonLine(e);
    this.parts.push(line);
    this.size += line.length;
    if (this.size < this.chunkChars) return null;
    return this.take();
  }

  end(): string {
    return this.take();
  }

  private take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return s;
  }
}
