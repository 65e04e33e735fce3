/**
 * The one event schema every source emits (DESIGN.md "Events"). One JSON object per event; a stream is
 * NDJSON. `t` is epoch milliseconds. Ids are strings.
 */

export const AGENT_STATES = ['offline', 'available', 'on-call', 'acw', 'break', 'other'] as const;
export type AgentStateName = (typeof AGENT_STATES)[number];

interface EventBase {
  /** Epoch milliseconds. */
  t: number;
  /** Optional unique id; a repeated id is a duplicate and is ignored. */
  id?: string;
}

export interface CallQueuedEvent extends EventBase {
  type: 'call.queued';
  call: string;
  queue: string;
  /** The site or outsourcer owning the queue. */
  partner?: string;
  priority?: number;
}

export interface CallAnsweredEvent extends EventBase {
  type: 'call.answered';
  call: string;
  queue: string;
  agent: string;
}

export interface CallAbandonedEvent extends EventBase {
  type: 'call.abandoned';
  call: string;
  queue: string;
}

export interface CallOverflowedEvent extends EventBase {
  type: 'call.overflowed';
  call: string;
  queue: string;
  /** The queue (or partner) the call moves to; it gets its own `call.queued`. */
  to: string;
}

export interface CallEndedEvent extends EventBase {
  type: 'call.ended';
  call: string;
  queue: string;
  agent: string;
  holdMs?: number;
}

export interface CallRatedEvent extends EventBase {
  type: 'call.rated';
  call: string;
  queue: string;
  agent: string;
  /** Post-call survey answer, 1-5. */
  score: number;
}

export interface AgentStateEvent extends EventBase {
  type: 'agent.state';
  agent: string;
  state: AgentStateName;
  queues?: string[];
  name?: string;
  team?: string;
  partner?: string;
  reason?: string;
}

export type CallEvent =
  | CallQueuedEvent
  | CallAnsweredEvent
  | CallAbandonedEvent
  | CallOverflowedEvent
  | CallEndedEvent
  | CallRatedEvent;

export type WallboardEvent = CallEvent | AgentStateEvent;
export type WallboardEventType = WallboardEvent['type'];

export const EVENT_TYPES: readonly WallboardEventType[] = [
  'call.queued',
  'call.answered',
  'call.abandoned',
  'call.overflowed',
  'call.ended',
  'call.rated',
  'agent.state',
];
