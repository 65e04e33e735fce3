/**
 * The compiled model the simulation runs: every duration in milliseconds from the run start, every
 * reference resolved to an index, every agent generated (names, teams, no-shows, break times). Built from
 * a validated scenario by scenario/compile.ts; tests and the benchmark may build one directly.
 */
import type { DistSpec } from './distributions.js';

export interface ModelQueue {
  id: string;
  name: string;
  /** Site or outsourcer owning the queue; `call.queued` carries it. */
  partner: string | undefined;
  /** Higher is served first by an agent skilled in several queues. */
  priority: number;
  slThresholdSec: number;
  slTarget: number;
  /** Arrival rate per hour in consecutive pieces of `pieceMin` minutes from the start; one piece if constant. */
  arrivals: { pieceMin: number | null; callsPerHour: number[] };
  handle: DistSpec;
  acw: DistSpec | null;
  /** Caller patience from arrival; null = callers never hang up. */
  patience: DistSpec | null;
  hold: { probability: number; dist: DistSpec } | null;
  overflow: OverflowRule | null;
  survey: SurveyModel | null;
}

export interface OverflowRule {
  /** Move a call that has waited this long in the queue; null = no time rule. */
  afterSec: number | null;
  /** Move an arriving call when this many are already waiting; null = no length rule. */
  maxWaiting: number | null;
  /** Target queue id. */
  to: string;
}

export interface SurveyModel {
  /** Share of handled callers who answer the survey. */
  responseRate: number;
  /** Mean score (1-5) of a caller answered at once. */
  meanScore: number;
  /** How much the mean score falls per minute of waiting. */
  dropPerMinute: number;
}

export interface ModelBreak {
  startMs: number;
  durationMs: number;
  reason: string;
}

export interface ModelAgent {
  id: string;
  name: string;
  team: string;
  partner: string | undefined;
  /** Queue indices, in order of preference. */
  skills: number[];
  shiftStartMs: number;
  /** +Infinity = on duty to the end of the run. */
  shiftEndMs: number;
  breaks: ModelBreak[];
  /** A no-show drawn from the absenteeism rate: never logs in. */
  absent: boolean;
}

/** Which agents an incident or control acts on; every field given must match. */
export interface AgentSelector {
  /** Agents skilled in this queue (index). */
  queue?: number;
  team?: string;
  partner?: string;
}

export type ModelIncident =
  | { kind: 'surge'; atMs: number; durationMs: number | null; queues: number[]; factor: number }
  | { kind: 'aht-spike'; atMs: number; durationMs: number | null; queues: number[]; factor: number }
  | { kind: 'outage'; atMs: number; durationMs: number | null; select: AgentSelector }
  | { kind: 'agents-leave'; atMs: number; count: number; select: AgentSelector };

/** An outsourcer's contract: how it is paid, and so what its summary shows (volume or FTE held). */
export interface ModelPartner {
  id: string;
  name: string;
  contract: 'per-call' | 'per-fte';
  /** Price of one handled call (per-call), or null. */
  ratePerCall: number | null;
  /** Price of one staffed agent-hour (per-fte), or null. */
  ratePerFteHour: number | null;
}

export interface Model {
  seed: number;
  /** Epoch ms of simulated time 0. */
  startEpochMs: number;
  timeZone: string;
  /** Run length; events after it are not simulated. */
  durationMs: number;
  /** Calls arriving before this are not measured (summary, `measured` flag). */
  warmupMs: number;
  queues: ModelQueue[];
  agents: ModelAgent[];
  incidents: ModelIncident[];
  /** Contracts of outsourcers (absent or empty: none). */
  partners?: ModelPartner[];
}
