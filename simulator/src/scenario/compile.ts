/**
 * Turns a validated scenario into the simulation model: durations to ms, clock times to offsets from the
 * start in the scenario's zone, queue ids to indices, and every agent generated. Names and team names
 * come from a Faker instance seeded from the scenario seed (never the global one), no-shows and break
 * staggering from the seed's agent stream, so a run is reproducible down to the names.
 */
import { base, en, Faker } from '@faker-js/faker';
import type { DistSpec } from '../engine/distributions.js';
import type { AgentSelector, Model, ModelAgent, ModelIncident, ModelQueue } from '../engine/model.js';
import { Rng, Stream } from '../engine/rng.js';
import type { NameSource } from '../engine/simulation.js';
import {
  DEFAULT_DURATION_SEC,
  DEFAULT_START,
  localToEpochMs,
  offsetFromStart,
  parseDuration,
  parseLocalDateTime,
  parseTimeOfDay,
} from './time.js';
import type { DistInput, ScenarioInput, TimeOfDay } from './types.js';

export { DEFAULT_START };
export const DEFAULT_TEAM_SIZE = 12;

export interface CompileOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
}

export interface CompiledScenario {
  model: Model;
  /** Names for agents added by live controls: the same seeded generator, continued. */
  names: NameSource;
}

function dist(d: DistInput): DistSpec {
  switch (d.dist) {
    case 'fixed':
    case 'exponential':
      return { dist: d.dist, meanSec: d.meanSec ?? 0 };
    case 'gamma':
      return { dist: 'gamma', meanSec: d.meanSec ?? 0, cv: d.cv ?? 1 };
    case 'lognormal':
      if (d.mu !== undefined && d.sigma !== undefined) {
        const s2 = d.sigma * d.sigma;
        return { dist: 'lognormal', meanSec: Math.exp(d.mu + s2 / 2), cv: Math.sqrt(Math.exp(s2) - 1) };
      }
      return { dist: 'lognormal', meanSec: d.meanSec ?? 0, cv: d.cv ?? 1 };
    case 'empirical':
      return { dist: 'empirical', values: d.values ?? [0], weights: d.weights };
  }
}

const titleCase = (s: string) => s.replace(/\b\w/g, (ch) => ch.toUpperCase());

/** A seeded name generator that avoids repeating a name or a team name. */
class Names implements NameSource {
  private readonly faker: Faker;
  private readonly used = new Set<string>();

  constructor(seed: number) {
    this.faker = new Faker({ locale: [en, base] });
    this.faker.seed(seed);
  }

  private unique(make: () => string): string {
    for (let i = 0; i < 20; i++) {
      const s = make();
      if (!this.used.has(s)) {
        this.used.add(s);
        return s;
      }
    }
    const s = `${make()} ${this.used.size}`;
    this.used.add(s);
    return s;
  }

  agentName(): string {
    return this.unique(() => `${this.faker.person.firstName()} ${this.faker.person.lastName()}`);
  }

  teamName(): string {
    return this.unique(() => titleCase(`${this.faker.color.human()} ${this.faker.animal.type()}s`));
  }
}

export function compileScenario(s: ScenarioInput, options: CompileOptions = {}): CompiledScenario {
  const seed = options.seed ?? s.seed ?? 1;
  const timeZone = s.timeZone ?? 'UTC';
  const start = parseLocalDateTime(s.start ?? DEFAULT_START);
  if (!start) throw new RangeError(`bad start "${s.start}"`);
  const startEpochMs = localToEpochMs(timeZone, start, start.seconds);
  const offset = offsetFromStart(timeZone, start);
  /** Ms from the start of a time of day (local clock on the start date, or a duration). */
  const at = (v: TimeOfDay): number => offset(parseTimeOfDay(v) ?? { clock: false, sec: 0 });
  const ms = (v: string | number | undefined, dflt: number) =>
    v === undefined ? dflt : (parseDuration(v) ?? 0) * 1000;
  const queueIndex = new Map(s.queues.map((q, i) => [q.id, i]));

  const queues: ModelQueue[] = s.queues.map((q) => ({
    id: q.id,
    name: q.name ?? q.id,
    partner: q.partner,
    priority: q.priority ?? 0,
    slThresholdSec: q.sl?.thresholdSec ?? 20,
    slTarget: q.sl?.target ?? 0.8,
    arrivals:
      'perHour' in q.arrivals
        ? { pieceMin: null, callsPerHour: [q.arrivals.perHour] }
        : {
            pieceMin: q.arrivals.intervalMin,
            callsPerHour: q.arrivals.calls.map(
              (c) => (c * 60) / (q.arrivals as { intervalMin: number }).intervalMin,
            ),
          },
    handle: dist(q.handle),
    acw: q.acw ? dist(q.acw) : null,
    patience: q.patience ? dist(q.patience) : null,
    hold: q.hold ? { probability: q.hold.probability, dist: dist(q.hold) } : null,
    overflow: q.overflow
      ? {
          to: q.overflow.to,
          afterSec: q.overflow.afterSec ?? null,
          maxWaiting: q.overflow.maxWaiting ?? null,
        }
      : null,
    survey: q.survey
      ? {
          responseRate: q.survey.responseRate,
          meanScore: q.survey.meanScore ?? 4.5,
          dropPerMinute: q.survey.dropPerMinute ?? 0.5,
        }
      : null,
  }));

  const names = new Names(new Rng(seed, Stream.names).seed32());
  const rng = new Rng(seed, Stream.agents);
  const agents: ModelAgent[] = [];
  for (const g of s.agents) {
    const absenteeism = g.absenteeism ?? s.absenteeism ?? 0;
    const shiftStartMs = g.shift ? at(g.shift.start) : 0;
    const shiftEndMs = g.shift ? at(g.shift.end) : Number.POSITIVE_INFINITY;
    const teamSize = g.teamSize ?? DEFAULT_TEAM_SIZE;
    let team = g.team ?? '';
    for (let k = 0; k < g.count; k++) {
      if (g.team === undefined && k % teamSize === 0) team = names.teamName();
      agents.push({
        id: `a${agents.length + 1}`,
        name: names.agentName(),
        team,
        partner: g.partner,
        skills: g.skills.map((id) => queueIndex.get(id) ?? 0),
        shiftStartMs,
        shiftEndMs,
        // Breaks of a group are staggered evenly over their spread window.
        breaks: (g.breaks ?? []).map((b) => ({
          startMs: at(b.at) + (ms(b.spread, 0) * k) / g.count,
          durationMs: ms(b.duration, 0),
          reason: b.reason ?? 'break',
        })),
        absent: absenteeism > 0 && rng.uniform() < absenteeism,
      });
    }
  }

  const incidents: ModelIncident[] = (s.incidents ?? []).map((inc) => {
    const atMs = at(inc.at);
    const durationMs = inc.duration === undefined ? null : ms(inc.duration, 0);
    const select: AgentSelector = {
      queue: inc.queue === undefined ? undefined : queueIndex.get(inc.queue),
      team: inc.team,
      partner: inc.partner,
    };
    const qs = inc.queues ?? (inc.queue === undefined ? [] : [inc.queue]);
    const queueList = qs.map((id) => queueIndex.get(id) ?? 0);
    switch (inc.kind) {
      case 'surge':
      case 'aht-spike':
        return { kind: inc.kind, atMs, durationMs, queues: queueList, factor: inc.factor ?? 1 };
      case 'outage':
        return { kind: 'outage', atMs, durationMs, select };
      default:
        return { kind: 'agents-leave', atMs, count: inc.count ?? 1, select };
    }
  });

  return {
    model: {
      seed,
      startEpochMs,
      timeZone,
      durationMs: ms(s.duration, DEFAULT_DURATION_SEC * 1000),
      warmupMs: ms(s.warmup, 0),
      queues,
      agents,
      incidents,
      partners: (s.partners ?? []).map((p) => ({
        id: p.id,
        name: p.name ?? p.id,
        contract: p.contract,
        ratePerCall: p.contract === 'per-call' ? (p.ratePerCall ?? null) : null,
        ratePerFteHour: p.contract === 'per-fte' ? (p.ratePerFteHour ?? null) : null,
      })),
    },
    names,
  };
}
