/**
 * The messages between a page and its simulation worker. The worker runs the simulator and the metrics
 * engine; the page only ever receives snapshots (bounded in size whatever the event rate), the control
 * log and results. Everything here is structured-clone safe.
 */
import type { IntervalMinutes, SlSettings, Snapshot } from '@wallboard/metrics';
import type { OverflowRule } from '@wallboard/simulator';
import type { AgentRow } from './roster.js';

/** Where a run's scenario comes from: a built-in name or a parsed JSON document (a loaded file). */
export type ScenarioSource =
  | { kind: 'builtin'; name: string }
  | { kind: 'document'; doc: unknown; label: string };

/** A live control as the trainer asks for it; `surge` is an incident made of two arrival-factor changes. */
export type Control =
  | { kind: 'set-arrival-factor'; factor: number; queue?: string }
  | { kind: 'add-agents'; count: number; skills: string[]; team?: string; partner?: string; forMin?: number }
  | { kind: 'remove-agents'; count: number; queue?: string; team?: string; partner?: string }
  | {
      kind: 'send-on-break';
      minutes: number;
      count?: number;
      agent?: string;
      queue?: string;
      team?: string;
      partner?: string;
      reason?: string;
    }
  | { kind: 'set-overflow'; queue: string; rule: OverflowRule | null }
  | { kind: 'extend-shifts'; minutes: number; queue?: string; team?: string; partner?: string }
  | { kind: 'surge'; factor: number; minutes: number; queue?: string }
  /** The agents matching (one queue's, a team's, a partner's, or all) drop off for N minutes. */
  | { kind: 'outage'; minutes: number; queue?: string; team?: string; partner?: string }
  /** Handle times on one queue (or all) are `factor` times as long for N minutes. */
  | { kind: 'aht-spike'; factor: number; minutes: number; queue?: string };

/**
 * A control the replay applies as is: a Simulation method, or `set-handle-factor` (the console's own,
 * on the simulator's per-queue handle-time factor; see controls.ts).
 */
export type SimControl =
  | Exclude<Control, { kind: 'surge' | 'outage' | 'aht-spike' }>
  | { kind: 'set-handle-factor'; factor: number; queue?: string };

/**
 * One control as applied, at the exact simulated time (ms from the run start, unrounded), so a replay
 * that runs to `atMs` and applies it reproduces the run event for event.
 */
export interface Intervention {
  atMs: number;
  control: SimControl;
}

export interface EngineSettings {
  intervalMin: IntervalMinutes;
  keepIntervals: 'today' | 'all';
}

export interface RunConfig {
  source: ScenarioSource;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Simulated time runs this many times as fast as the wall clock. */
  speed: number;
  /** Start paused (the trainer presses play or step). */
  paused?: boolean;
  /** Floor TV: when the scenario's day ends, run it again on the next day (seed + 1), forever. */
  loopDays?: boolean;
  /** Keep every agent's state for the agent board (posted with snapshots when it changed). */
  roster?: boolean;
  /** Keep the event stream for the NDJSON export (console). */
  keepEvents?: boolean;
  /** Wall ms between snapshots posted to the page (default 250). */
  snapshotEveryMs?: number;
  /** Only these scopes reach the page (all when absent); `intervals` only for scopes in `charted`. */
  scopes?: string[];
  engine?: Partial<EngineSettings>;
}

export interface QueueInfo {
  id: string;
  name: string;
  partner?: string;
  slThresholdSec: number;
  slTarget: number;
}

/** What the page learns about a run when it starts. */
export interface RunInfo {
  name: string;
  description: string;
  seed: number;
  day: number;
  timeZone: string;
  startEpochMs: number;
  endEpochMs: number;
  queues: QueueInfo[];
  teams: string[];
  partners: string[];
  agents: number;
  /** Whether any scenario agent's shift ends before the run does (else Extend shifts has nothing to do). */
  shiftEnds?: boolean;
  settings: SlSettings & { timeZone: string; intervalMin: IntervalMinutes };
}

export interface ClockState {
  paused: boolean;
  speed: number;
  finished: boolean;
  /** Simulated epoch ms. */
  now: number;
}

/** An entry of the run's timeline: a live control, a clock change or a scenario incident. */
export interface TimelineEntry {
  t: number;
  control: string;
  source: 'control' | 'incident';
  params: Record<string, unknown>;
  agents?: string[];
  /**
   * Incidents started from the console (a timed surge, ...) are one entry for their whole span: `id`
   * (a later entry with the same id replaces this one) and `until`, the epoch ms their span ends.
   */
  id?: string;
  until?: number;
  /** Ended before its time (a later arrival change took over from the surge). */
  cut?: boolean;
}

export interface WhatIfSide {
  snapshot: Snapshot;
  interventions: number;
}

export interface WhatIfResult {
  baseline: WhatIfSide;
  intervened: WhatIfSide;
  info: RunInfo;
}

export type Request =
  | { type: 'start'; id: number; config: RunConfig }
  | { type: 'control'; id: number; control: Control }
  | { type: 'clock'; id: number; action: 'pause' | 'resume' | 'step' | 'speed'; speed?: number }
  | { type: 'jump'; id: number; to: number }
  | { type: 'scopes'; id: number; scopes: string[] | null }
  | { type: 'export-ndjson'; id: number }
  | { type: 'interventions'; id: number }
  | { type: 'what-if'; id: number; config: RunConfig; interventions: Intervention[] }
  | { type: 'stop'; id: number };

export type Reply =
  | { type: 'ok'; id: number; agents?: string[] }
  | { type: 'error'; id?: number; message: string; problems?: string[] }
  | { type: 'started'; id: number; info: RunInfo }
  | { type: 'snapshot'; snapshot: Snapshot; clock: ClockState; agents?: AgentRow[] }
  | { type: 'alive'; clock: ClockState }
  | { type: 'timeline'; entry: TimelineEntry }
  | { type: 'day'; info: RunInfo }
  | { type: 'done'; clock: ClockState }
  | { type: 'ndjson'; id: number; blob: Blob; events: number; truncated: boolean }
  | { type: 'interventions'; id: number; interventions: Intervention[] }
  | { type: 'what-if-progress'; id: number; done: number }
  | { type: 'what-if'; id: number; result: WhatIfResult };

export const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 600] as const;
/** The fastest pace the floor board accepts (the leak test runs a week at it). */
export const MAX_SPEED = 20_000;
