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

function isOptionalString(v: unknown): boolean {
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

/** The engine's hot path: null when `value` is a valid event (no allocation), else the rejection. */
export function findProblem(value: unknown): Rejection | null {
  if (!isJsonObject(value)) return fail('malformed', 'not a JSON object');
  return findFieldProblem(value, value.type, value.t);
}

/**
 * findProblem for an object whose `type` and `t` the caller has read already. The engine reads each
 * field of an event once: events come in many shapes, and every read of a number field through such
 * a megamorphic load allocates a heap number.
 */
export function findFieldProblem(e: Record<string, unknown>, type: unknown, t: unknown): Rejection | null {
  if (typeof type !== 'string') return fail('malformed', 'missing "type"');
  if (typeof t !== 'number' || !Number.isFinite(t)) return fail('bad-time', `"t" is not a finite number`);
  if (t < MIN_T || t > MAX_T) return fail('bad-time', `"t" ${t} is not epoch milliseconds in 1990-2100`);
  if (e.id !== undefined && !isId(e.id)) return fail('bad-field', '"id" must be a non-empty string');

  switch (type) {
    case 'call.queued':
      if (!isId(e.call) || !isId(e.queue)) return fail('missing-field', `${type} needs "call" and "queue"`);
      if (e.partner !== undefined && !isId(e.partner)) return fail('bad-field', '"partner" must be a string');
      if (e.priority !== undefined && (typeof e.priority !== 'number' || !Number.isFinite(e.priority)))
        return fail('bad-field', '"priority" must be a number');
      break;
    case 'call.answered':
    case 'call.ended':
      if (!isId(e.call) || !isId(e.queue) || !isId(e.agent))
        return fail('missing-field', `${type} needs "call", "queue" and "agent"`);
      if (
        e.holdMs !== undefined &&
        (typeof e.holdMs !== 'number' || !Number.isFinite(e.holdMs) || e.holdMs < 0)
      )
        return fail('bad-field', '"holdMs" must be a number >= 0');
      break;
    case 'call.abandoned':
      if (!isId(e.call) || !isId(e.queue)) return fail('missing-field', `${type} needs "call" and "queue"`);
      break;
    case 'call.overflowed':
      if (!isId(e.call) || !isId(e.queue) || !isId(e.to))
        return fail('missing-field', `${type} needs "call", "queue" and "to"`);
      break;
    case 'call.rated':
      if (!isId(e.call) || !isId(e.queue) || !isId(e.agent))
        return fail('missing-field', `${type} needs "call", "queue" and "agent"`);
      if (typeof e.score !== 'number' || !Number.isInteger(e.score) || e.score < 1 || e.score > 5)
        return fail('bad-field', '"score" must be an integer 1-5');
      break;
    case 'agent.state':
      if (!isId(e.agent)) return fail('missing-field', 'agent.state needs "agent"');
      if (typeof e.state !== 'string' || !agentStates.has(e.state))
        return fail('bad-field', `"state" must be one of ${AGENT_STATES.join(', ')}`);
      if (e.queues !== undefined && !(Array.isArray(e.queues) && e.queues.every(isId)))
        return fail('bad-field', '"queues" must be an array of queue ids');
      // Four named checks, not a loop over the names: a computed key read from objects of so many shapes
      // is a megamorphic keyed load, several times slower (agent.state is half of a busy stream).
      if (!isOptionalString(e.name)) return fail('bad-field', '"name" must be a string');
      if (!isOptionalString(e.team)) return fail('bad-field', '"team" must be a string');
      if (!isOptionalString(e.partner)) return fail('bad-field', '"partner" must be a string');
      if (!isOptionalString(e.reason)) return fail('bad-field', '"reason" must be a string');
      break;
    default:
      return fail('unknown-type', `unknown type "${type.slice(0, 40)}"`);
  }
  return null;
}

export function isAgentState(s: string): s is AgentStateName {
  return agentStates.has(s);
}
