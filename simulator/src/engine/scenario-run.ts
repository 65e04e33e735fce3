/**
 * A scenario run: the core plus the model's agents, scheduled incidents (surge, outage, agents-leave,
 * aht-spike) and the agent selection and logging that incidents and live controls share. Every incident
 * and control is recorded in the control log with its simulated time (the event schema has no control
 * type, so the log is a separate stream; see README "Live controls").
 */

import { Sampler } from './distributions.js';
import type { AgentSelector, Model, ModelIncident } from './model.js';
import { queueStream, Rng, Stream } from './rng.js';
import { RosterCore } from './roster.js';
import type { EventSink, QueueRuntime } from './state.js';
import {
  AF_GONE,
  K_INCIDENT,
  K_INCIDENT_END,
  K_WARMUP,
  S_ACW,
  S_AVAILABLE,
  S_BREAK,
  S_OFFLINE,
  S_ONCALL,
} from './storage.js';

/** Names for agents added while running (scenario agents are named when the model is compiled). */
export interface NameSource {
  agentName(): string;
}

/** One applied control or incident, in simulated time. */
export interface ControlRecord {
  /** Epoch ms (simulated) at which it took effect. */
  t: number;
  /** `set-arrival-factor`, `add-agents`, ..., or the incident kind for scenario incidents. */
  control: string;
  source: 'control' | 'incident';
  params: Record<string, unknown>;
  /** Agent ids it acted on, where it acts on agents. */
  agents?: string[];
}

export interface SimulationOptions {
  /** Receives every event; null or absent = summary only (no event objects are created). */
  sink?: EventSink | null;
  /** Stop after this many ms instead of the model's duration. */
  untilMs?: number;
  names?: NameSource;
  /** Receives each control record as it is applied. */
  onControl?: (record: ControlRecord) => void;
}

export class ControlError extends Error {}
export abstract class ScenarioRun extends RosterCore {
  readonly model: Model;
  readonly controlLog: ControlRecord[] = [];
  protected readonly names: NameSource;
  private readonly onControl: ((r: ControlRecord) => void) | undefined;
  private readonly incidentActive: boolean[];
  protected addedAgents = 0;

  protected constructor(model: Model, options: SimulationOptions = {}) {
    const runtimes = model.queues.map((q, i): QueueRuntime => {
      const rng = (offset: number) => new Rng(model.seed, queueStream(i, offset));
      const pieceMs = q.arrivals.pieceMin === null ? Number.POSITIVE_INFINITY : q.arrivals.pieceMin * 60_000;
      return {
        arrivalsRng: rng(Stream.arrivals),
        handleRng: rng(Stream.handle),
        patienceRng: rng(Stream.patience),
        acwRng: rng(Stream.acw),
        holdRng: rng(Stream.hold),
        surveyRng: rng(Stream.survey),
        handle: new Sampler(q.handle),
        acw: q.acw ? new Sampler(q.acw) : null,
        patience: q.patience ? new Sampler(q.patience) : null,
        hold: q.hold ? new Sampler(q.hold.dist) : null,
        holdProbability: q.hold ? q.hold.probability : 0,
        pieceMs,
        ratesPerMs: Float64Array.from(q.arrivals.callsPerHour, (r) => r / 3_600_000),
      };
    });
    const endMs = Math.max(0, options.untilMs ?? model.durationMs);
    super(model, runtimes, options.sink ?? null, endMs);
    this.model = model;
    this.names = options.names ?? { agentName: () => `Agent ${this.agentCount + 1}` };
    this.onControl = options.onControl;
    for (const a of model.agents) {
      const i = this.addAgent(a.id, a.name, a.team, a.partner, a.skills, a.breaks);
      this.planAgent(i, a.shiftStartMs, a.shiftEndMs, a.absent);
    }
    this.incidentActive = model.incidents.map(() => false);
    model.incidents.forEach((inc, i) => {
      // Validation refuses incidents outside the scenario's duration; a shorter --until cuts them here.
      if (inc.atMs <= this.endMs) this.scheduleIncident(i, inc.atMs, false);
    });
    this.scheduleWarmup();
    for (let q = 0; q < this.queueCount; q++) this.scheduleArrival(q);
  }

  protected scheduleIncident(i: number, atMs: number, end: boolean): void {
    this.schedule(atMs, end ? K_INCIDENT_END : K_INCIDENT, i, 0);
  }

  protected scheduleWarmup(): void {
    if (this.warmupMs > 0 && this.warmupMs < this.endMs) this.schedule(this.warmupMs, K_WARMUP, 0, 0);
  }

  /** Runs to the end (virtual clock, as fast as possible). */
  runToEnd(): void {
    this.runUntil(this.endMs);
  }
  // ---- incidents ----------------------------------------------------------------------------------------

  protected onIncident(i: number, start: boolean): void {
    const inc = this.model.incidents[i];
    if (start) {
      this.incidentActive[i] = true;
      const agents = this.applyIncidentStart(inc);
      this.log('incident', inc.kind, incidentParams(inc), agents);
      if ('durationMs' in inc && inc.durationMs !== null)
        this.scheduleIncident(i, this.now + inc.durationMs, true);
    } else {
      this.incidentActive[i] = false;
      this.applyIncidentEnd(inc);
      this.log('incident', `${inc.kind}-end`, incidentParams(inc));
    }
  }

  private applyIncidentStart(inc: ModelIncident): string[] | undefined {
    switch (inc.kind) {
      case 'surge':
        this.recomputeSurges(inc.queues);
        return undefined;
      case 'aht-spike':
        this.recomputeAhtSpikes(inc.queues);
        return undefined;
      case 'outage': {
        const hit = this.matching(inc.select, false);
        for (const a of hit) {
          this.aBlocked[a]++;
          this.forceOffline(a, 'outage');
        }
        return hit.map((a) => this.agentIds[a]);
      }
      case 'agents-leave':
        return this.leave(inc.count, inc.select, 'left');
    }
  }

  private applyIncidentEnd(inc: ModelIncident): void {
    switch (inc.kind) {
      case 'surge':
        this.recomputeSurges(inc.queues);
        break;
      case 'aht-spike':
        this.recomputeAhtSpikes(inc.queues);
        break;
      case 'outage':
        for (const a of this.matching(inc.select, false)) {
          if (this.aBlocked[a] > 0) this.aBlocked[a]--;
          if (this.mayWork(a) && this.aState[a] === S_OFFLINE) this.comeBack(a);
        }
        break;
      case 'agents-leave':
        break;
    }
  }

  /** Sets each queue's surge factor to the product of the active surges on it (exact, no drift). */
  private recomputeSurges(queues: number[]): void {
    for (const q of queues.length > 0 ? queues : this.allQueues()) {
      let f = 1;
      this.model.incidents.forEach((inc, i) => {
        if (
          inc.kind === 'surge' &&
          this.incidentActive[i] &&
          (inc.queues.length === 0 || inc.queues.includes(q))
        )
          f *= inc.factor;
      });
      this.qSurge[q] = f;
      this.rateChanged(q);
    }
  }

  private recomputeAhtSpikes(queues: number[]): void {
    for (const q of queues.length > 0 ? queues : this.allQueues()) {
      let f = 1;
      this.model.incidents.forEach((inc, i) => {
        if (
          inc.kind === 'aht-spike' &&
          this.incidentActive[i] &&
          (inc.queues.length === 0 || inc.queues.includes(q))
        )
          f *= inc.factor;
      });
      this.qAhtFactor[q] = f;
    }
  }

  protected allQueues(): number[] {
    return Array.from({ length: this.queueCount }, (_, q) => q);
  }

  /** Drops agent a now: a call in progress ends at once (no survey, no ACW). */
  protected forceOffline(a: number, reason: string): void {
    const state = this.aState[a];
    if (state === S_OFFLINE) return;
    if (state === S_ONCALL) {
      const s = this.aCall[a];
      this.endCall(a, s, false);
      this.freeCallSlot(s);
    }
    this.goOffline(a, reason);
  }

  /** `count` logged-in agents matching `select` leave for good (after their current call). */
  protected leave(count: number, select: AgentSelector, reason: string): string[] {
    const chosen = this.matching(select, true).slice(0, count);
    for (const a of chosen) {
      this.aFlags[a] |= AF_GONE;
      this.logOff(a, reason);
    }
    return chosen.map((a) => this.agentIds[a]);
  }

  /**
   * Agents matching the selector. With `loggedIn`, only those working now, available ones first (then on
   * break, then busy), each group in agent order: a deterministic choice that disturbs the fewest calls.
   */
  protected matching(select: AgentSelector, loggedIn: boolean): number[] {
    const out: number[] = [];
    for (let a = 0; a < this.agentCount; a++) {
      if (select.team !== undefined && this.aTeam[a] !== select.team) continue;
      if (select.partner !== undefined && this.aPartner[a] !== select.partner) continue;
      if (select.queue !== undefined && !this.aQueues[a].includes(this.queueIds[select.queue])) continue;
      if (loggedIn && (this.aState[a] === S_OFFLINE || (this.aFlags[a] & AF_GONE) !== 0)) continue;
      out.push(a);
    }
    if (loggedIn) {
      const rank = (a: number) => {
        const s = this.aState[a];
        return s === S_AVAILABLE ? 0 : s === S_BREAK ? 1 : s === S_ACW ? 2 : 3;
      };
      out.sort((x, y) => rank(x) - rank(y) || x - y);
    }
    return out;
  }

  // ---- shared by incidents and controls -----------------------------------------------------------------

  protected queueIndex(id: string, what: string): number {
    const q = this.queueIds.indexOf(id);
    if (q < 0) throw new ControlError(`${what}: unknown queue "${id}" (queues: ${this.queueIds.join(', ')})`);
    return q;
  }

  protected selector(o: { queue?: string; team?: string; partner?: string }, what: string): AgentSelector {
    return {
      queue: o.queue === undefined ? undefined : this.queueIndex(o.queue, what),
      team: o.team,
      partner: o.partner,
    };
  }

  protected log(
    source: 'control' | 'incident',
    control: string,
    params: Record<string, unknown>,
    agents?: string[],
  ) {
    const r: ControlRecord = { t: this.nowEpochMs, control, source, params };
    if (agents !== undefined) r.agents = agents;
    this.controlLog.push(r);
    this.onControl?.(r);
  }

  /** Records a clock control (speed, pause, resume, step) applied by the driver at the current time. */
  logClockControl(control: string, params: Record<string, unknown> = {}): void {
    this.log('control', control, params);
  }
}

function incidentParams(inc: ModelIncident): Record<string, unknown> {
  const { kind: _kind, ...rest } = inc;
  return rest;
}
