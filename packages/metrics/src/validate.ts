import { AGENT_STATES, type AgentStateName, type WallboardEvent } from './events.js';

/** Why an event was rejected; the keys of `diagnostics.reasons`. */
export type RejectReason =
  | 'malformed'
  | 'unknown-type'
  | 'bad-time'
  | 'missing-field'
  | 'bad-field'
  | 'duplicate'
  | 'out-of-order'
  | 'unknown-call'
  | 'invalid-transition';

export type Validation =
  | { ok: true; event: WallboardEvent }
  | { ok: false; reason: RejectReason; detail: string };

/** Epoch ms between 1990 and 2100: anything outside is a unit mistake (seconds, microseconds) or garbage. */
const MIN_T = Date.UTC(1990, 0, 1);
const MAX_T = Date.UTC(2100, 0, 1);

const agentStates = new Set<string>(AGENT_STATES);

export interface Rejection {
  ok: false;
  reason: RejectReason;
  detail: string;
}

function fail(reason: RejectReason, detail: string): Rejection {
  return { ok: false, reason, detail };
}

function isOptionalString(v: unknown): v is string | undefined {
  return v === undefined || typeof v === 'string';
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 200;
}

/**
 * Checks one decoded JSON value against the event schema of DESIGN.md. Never throws; returns the event
 * (the same object, not a copy) or a reason with a human detail.
 */
export function validateEvent(value: unknown): Validation {
  const problem = findProblem(value);
  return problem ?? { ok: true, event: value as WallboardEvent };
}

/** Whether `value` is a JSON object (not null, not an array): findProblem's first check. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The fields of a valid event as findFieldProblem read them, for a caller that needs them afterwards.
 * Events come in many shapes, so each read of one of their fields is a megamorphic property load (and a
 * number read that way is boxed anew): the engine takes every field from here instead of reading the
 * event again. Only the fields of the event's own type are set; the others keep older values.
 */
export interface EventFields {
  type: WallboardEvent['type'];
  id: string | undefined;
  call: string;
  queue: string;
  /** call.answered, call.ended, call.rated, agent.state. */
  agent: string;
  /** call.queued, agent.state. */
  partner: string | undefined;
  /** call.answered, call.ended. */
  holdMs: number | undefined;
  /** call.rated. */
  score: number;
  /** agent.state (one of AGENT_STATES), with its optional queues and team. */
  state: string;
  queues: string[] | undefined;
  team: string | undefined;
}

export function newEventFields(): EventFields {
  return {
    type: 'agent.state',
    id: undefined,
    call: '',
    queue: '',
    agent: '',
    partner: undefined,
    holdMs: undefined,
    score: 0,
    state: '',
    queues: undefined,
    team: undefined,
  };
}

/** Where findProblem's reads go (nobody reads them). */
const unread = newEventFields();

/** The engine's hot path: null when `value` is a valid event (no allocation), else the rejection. */
export function findProblem(value: unknown): Rejection | null {
  if (!isJsonObject(value)) return fail('malformed', 'not a JSON object');
  return findFieldProblem(value, value.type, value.t, unread);
}

/**
 * findProblem for an object whose `type` and `t` the caller has read already; `out` receives the other
 * fields it reads (see EventFields). Each field is read once, into a local, then checked.
 */
export function findFieldProblem(
  e: Record<string, unknown>,
  type: unknown,
  t: unknown,
  out: EventFields,
): Rejection | null {
  if (typeof type !== 'string') return fail('malformed', 'missing "type"');
  if (typeof t !== 'number' || !Number.isFinite(t)) return fail('bad-time', `"t" is not a finite number`);
  if (t < MIN_T || t > MAX_T) return fail('bad-time', `"t" ${t} is not epoch milliseconds in 1990-2100`);
  const id = e.id;
  if (id !== undefined && !isId(id)) return fail('bad-field', '"id" must be a non-empty string');
  out.type = type as WallboardEvent['type']; // an unknown type is rejected below
  out.id = id;

  switch (type) {
    case 'call.queued': {
      const call = e.call;
      const queue = e.queue;
      if (!isId(call) || !isId(queue)) return fail('missing-field', `${type} needs "call" and "queue"`);
      const partner = e.partner;
      if (partner !== undefined && !isId(partner)) return fail('bad-field', '"partner" must be a string');
      const priority = e.priority;
      if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority)))
        return fail('bad-field', '"priority" must be a number');
      out.call = call;
      out.queue = queue;
      out.partner = partner;
      break;
    }
    case 'call.answered':
    case 'call.ended': {
      const call = e.call;
      const queue = e.queue;
      const agent = e.agent;
      if (!isId(call) || !isId(queue) || !isId(agent))
        return fail('missing-field', `${type} needs "call", "queue" and "agent"`);
      const holdMs = e.holdMs;
      if (holdMs !== undefined && (typeof holdMs !== 'number' || !Number.isFinite(holdMs) || holdMs < 0))
        return fail('bad-field', '"holdMs" must be a number >= 0');
      out.call = call;
      out.queue = queue;
      out.agent = agent;
      out.holdMs = holdMs;
      break;
    }
    case 'call.abandoned': {
      const call = e.call;
      const queue = e.queue;
      if (!isId(call) || !isId(queue)) return fail('missing-field', `${type} needs "call" and "queue"`);
      out.call = call;
      out.queue = queue;
      break;
    }
    case 'call.overflowed': {
      const call = e.call;
      const queue = e.queue;
      if (!isId(call) || !isId(queue) || !isId(e.to))
        return fail('missing-field', `${type} needs "call", "queue" and "to"`);
      out.call = call;
      out.queue = queue;
      break;
    }
    case 'call.rated': {
      const call = e.call;
      const queue = e.queue;
      const agent = e.agent;
      if (!isId(call) || !isId(queue) || !isId(agent))
        return fail('missing-field', `${type} needs "call", "queue" and "agent"`);
      const score = e.score;
      if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
        return fail('bad-field', '"score" must be an integer 1-5');
      out.call = call;
      out.queue = queue;
      out.agent = agent;
      out.score = score;
      break;
    }
    case 'agent.state': {
      const agent = e.agent;
      if (!isId(agent)) return fail('missing-field', 'agent.state needs "agent"');
      const state = e.state;
      if (typeof state !== 'string' || !agentStates.has(state))
        return fail('bad-field', `"state" must be one of ${AGENT_STATES.join(', ')}`);
      const queues = e.queues;
      if (queues !== undefined && !(Array.isArray(queues) && queues.every(isId)))
        return fail('bad-field', '"queues" must be an array of queue ids');
      // Named reads, not a loop over the names: a computed key read from objects of so many shapes is
      // a megamorphic keyed load, several times slower (agent.state is half of a busy stream).
      const team = e.team;
      const partner = e.partner;
      if (!isOptionalString(e.name)) return fail('bad-field', '"name" must be a string');
      if (!isOptionalString(team)) return fail('bad-field', '"team" must be a string');
      if (!isOptionalString(partner)) return fail('bad-field', '"partner" must be a string');
      if (!isOptionalString(e.reason)) return fail('bad-field', '"reason" must be a string');
      out.agent = agent;
      out.state = state;
      out.queues = queues as string[] | undefined;
      out.team = team;
      out.partner = partner;
      break;
    }
    default:
      return fail('unknown-type', `unknown type "${type.slice(0, 40)}"`);
  }
  return null;
}

export function isAgentState(s: string): s is AgentStateName {
  return agentStates.has(s);
}
