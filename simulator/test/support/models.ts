/** Small hand-built models for tests (no scenario parsing involved). */
import type { Model, ModelAgent, ModelQueue } from '../../src/engine/model.js';

export function queue(over: Partial<ModelQueue> = {}): ModelQueue {
  return {
    id: 'q',
    name: 'Q',
    partner: undefined,
    priority: 0,
    slThresholdSec: 20,
    slTarget: 0.8,
    arrivals: { pieceMin: null, callsPerHour: [200] },
    handle: { dist: 'exponential', meanSec: 180 },
    acw: null,
    patience: null,
    hold: null,
    overflow: null,
    survey: null,
    ...over,
  };
}

export function agents(count: number, over: Partial<ModelAgent> = {}, from = 0): ModelAgent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${from + i + 1}`,
    name: `Agent ${from + i + 1}`,
    team: 't',
    partner: undefined,
    skills: [0],
    shiftStartMs: 0,
    shiftEndMs: Number.POSITIVE_INFINITY,
    breaks: [],
    absent: false,
    ...over,
  }));
}

export function model(over: Partial<Model> = {}): Model {
  return {
    seed: 1,
    startEpochMs: Date.UTC(2025, 0, 6, 8),
    timeZone: 'UTC',
    durationMs: 8 * 3_600_000,
    warmupMs: 0,
    queues: [queue()],
    agents: agents(14),
    incidents: [],
    ...over,
  };
}

/**
 * The Erlang A (M/M/n+M) model of DESIGN.md: Poisson arrivals, exponential handle and patience, n agents
 * on duty all the time, no ACW. Without `patienceSec` it is Erlang C (M/M/n).
 */
export function erlangModel(p: {
  callsPerHour: number;
  ahtSec: number;
  agents: number;
  patienceSec?: number;
  thresholdSec: number;
  hours: number;
  warmupHours: number;
  seed: number;
}): Model {
  return model({
    seed: p.seed,
    durationMs: (p.hours + p.warmupHours) * 3_600_000,
    warmupMs: p.warmupHours * 3_600_000,
    queues: [
      queue({
        slThresholdSec: p.thresholdSec,
        arrivals: { pieceMin: null, callsPerHour: [p.callsPerHour] },
        handle: { dist: 'exponential', meanSec: p.ahtSec },
        patience: p.patienceSec === undefined ? null : { dist: 'exponential', meanSec: p.patienceSec },
      }),
    ],
    agents: agents(p.agents),
  });
}
