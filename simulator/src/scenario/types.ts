/**
 * The scenario file (DESIGN.md "Scenario"), as written by people: durations as "8h"/"30m"/"45s" or seconds,
 * times of day as local "HH:MM" (or a duration from the start). scenario.schema.json describes the same
 * shape for editors; validate.ts checks it and names every problem by its path.
 */

/** "8h", "30m", "45s", "1h30m", or a number of seconds. */
export type Duration = string | number;

/** A local clock time "HH:MM[:SS]" on the start date (hours 24-47 are the next day), or a Duration from the start. */
export type TimeOfDay = string | number;

export type DistName = 'exponential' | 'lognormal' | 'gamma' | 'fixed' | 'empirical';

export interface DistInput {
  dist: DistName;
  /** Mean in seconds (every distribution but empirical). */
  meanSec?: number;
  /** Coefficient of variation (standard deviation / mean): lognormal and gamma. */
  cv?: number;
  /** Lognormal by the parameters of the underlying normal (seconds), instead of meanSec and cv. */
  mu?: number;
  sigma?: number;
  /** Empirical: the values in seconds, and optional relative weights. */
  values?: number[];
  weights?: number[];
}

export interface QueueInput {
  id: string;
  name?: string;
  /** Site or outsourcer owning the queue. */
  partner?: string;
  /** Higher is served first by agents skilled in several queues. Default 0. */
  priority?: number;
  sl?: { thresholdSec?: number; target?: number };
  /** Poisson at a rate per hour, or an intraday profile: calls per interval from the start. */
  arrivals: { perHour: number } | { intervalMin: 15 | 30 | 60; calls: number[] };
  handle: DistInput;
  acw?: DistInput;
  patience?: DistInput;
  /** A share of calls put on hold for a drawn time (added to the talk). */
  hold?: DistInput & { probability: number };
  overflow?: { afterSec?: number; maxWaiting?: number; to: string };
  survey?: { responseRate: number; meanScore?: number; dropPerMinute?: number };
}

export interface BreakInput {
  at: TimeOfDay;
  duration: Duration;
  /** Shown as the `reason` of the break state: "break", "lunch", "coaching"... Default "break". */
  reason?: string;
  /** Stagger the group's breaks evenly over this window from `at`. */
  spread?: Duration;
}

export interface AgentGroupInput {
  count: number;
  /** Queue ids in order of preference. */
  skills: string[];
  /** One team for the group; without it the group is split into generated teams of teamSize. */
  team?: string;
  teamSize?: number;
  partner?: string;
  shift?: { start: TimeOfDay; end: TimeOfDay };
  breaks?: BreakInput[];
  /** Share of no-shows in this group (overrides the scenario's). */
  absenteeism?: number;
}

export type IncidentKind = 'surge' | 'outage' | 'agents-leave' | 'aht-spike';

export interface IncidentInput {
  at: TimeOfDay;
  kind: IncidentKind;
  duration?: Duration;
  /** The queue(s) it hits (surge, aht-spike: default all; outage, agents-leave: agents skilled in it). */
  queue?: string;
  queues?: string[];
  /** surge: arrival multiplier; aht-spike: handle-time multiplier. */
  factor?: number;
  /** agents-leave: how many. */
  count?: number;
  team?: string;
  partner?: string;
}

/** How an outsourcer is paid (DESIGN: "Outsourcers paid per call or per FTE"). */
export type ContractKind = 'per-call' | 'per-fte';

export interface PartnerInput {
  /** The partner id, as a queue's or agent group's `partner`. */
  id: string;
  name?: string;
  contract: ContractKind;
  /** per-call: the price of one handled call. */
  ratePerCall?: number;
  /** per-fte: the price of one staffed agent-hour. */
  ratePerFteHour?: number;
}

export interface ScenarioInput {
  $schema?: string;
  name?: string;
  /** One paragraph: what the scenario shows and what it teaches. */
  description?: string;
  seed?: number;
  /** Local date-time "YYYY-MM-DDTHH:MM" in timeZone. Default 2025-01-06T08:00 (a Monday). */
  start?: string;
  timeZone?: string;
  duration?: Duration;
  warmup?: Duration;
  /** Share of scheduled agents who do not show up (0-1). */
  absenteeism?: number;
  queues: QueueInput[];
  agents: AgentGroupInput[];
  incidents?: IncidentInput[];
  /** Outsourcers' contracts (partners not listed have none: in-house sites). */
  partners?: PartnerInput[];
}
