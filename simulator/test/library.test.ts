import type { AgentStateEvent, WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { builtInScenario } from '../src/scenario/library.js';
import { loadScenario } from '../src/scenario/load.js';
import type { ScenarioInput } from '../src/scenario/types.js';
import { Replay } from './support/replay.js';

const H = 3_600_000;

function runScenario(doc: unknown, opts: { instants?: boolean } = {}) {
  const loaded = loadScenario(doc);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const events: WallboardEvent[] = [];
  const referee = new Replay({
    priority: Object.fromEntries(loaded.model.queues.map((q) => [q.id, q.priority])),
    instants: opts.instants,
  });
  const sim = new Simulation(loaded.model, {
    sink: (e) => {
      events.push(e);
      referee.push(e);
    },
    names: loaded.names,
  });
  sim.runToEnd();
  return { sim, events, referee, model: loaded.model, summary: sim.summary() };
}

/** SL (answered within 20 s / (answered + abandoned)) of the calls first queued in [fromH, toH) after the start. */
function slOfCallsArriving(events: WallboardEvent[], t0: number, fromH: number, toH: number): number {
  const queued = new Map<string, number>();
  let within = 0;
  let done = 0;
  for (const e of events) {
    if (e.type === 'call.queued' && !queued.has(e.call)) queued.set(e.call, e.t);
    if (e.type !== 'call.answered' && e.type !== 'call.abandoned') continue;
    const q = queued.get(e.call)!;
    if (q < t0 + fromH * H || q >= t0 + toH * H) continue;
    done++;
    if (e.type === 'call.answered' && e.t - q <= 20_000) within++;
  }
  return within / done;
}

/** Sanity of any run: the referee found nothing, every queue got calls, the ratios are ratios. */
function expectSane(r: ReturnType<typeof runScenario>) {
  expect(r.referee.violations).toEqual([]);
  expect(r.sim.now).toBe(r.model.durationMs);
  for (const q of r.summary.queues) {
    expect(q.offered, q.queue).toBeGreaterThan(0);
    expect(q.answered + q.abandoned + q.overflowed).toBeLessThanOrEqual(q.offered);
    expect(q.answered + q.abandoned + q.overflowed).toBeGreaterThan(q.offered * 0.95);
    expect(q.serviceLevel).toBeGreaterThan(0.2);
    expect(q.serviceLevel).toBeLessThanOrEqual(1);
  }
  expect(r.summary.occupancy).toBeGreaterThan(0.4);
  expect(r.summary.occupancy).toBeLessThan(1);
}

describe('built-in scenarios run a whole day and make sense', () => {
  it('steady-day sits at the Erlang A operating point', () => {
    const r = runScenario(builtInScenario('steady-day'));
    expectSane(r);
    // Erlang A says 91.7% of offered calls answered within 20 s; one short day is within a few points.
    expect(Math.abs(r.summary.all.slAnsweredWithinOverOffered! - 0.917)).toBeLessThan(0.05);
    expect(r.summary.queues[0].csat).toBeGreaterThan(0.5);
  });

  it('monday-peak: service dips at the morning ramp-up and holds over the midday overlap', () => {
    const r = runScenario(builtInScenario('monday-peak'));
    expectSane(r);
    const t0 = r.model.startEpochMs;
    const morning = slOfCallsArriving(r.events, t0, 1.5, 3.5); // 08:30-10:30
    const midday = slOfCallsArriving(r.events, t0, 5, 9); // 12:00-16:00
    expect(morning).toBeLessThan(0.8);
    expect(midday).toBeGreaterThan(0.85);
  });

  it('lunch-gap: the lunch wave wrecks 13:00-15:00, and the same day with lunches spread from 11:00 does not', () => {
    const doc = builtInScenario('lunch-gap') as ScenarioInput;
    const bad = runScenario(doc);
    expectSane(bad);
    const moved = structuredClone(doc);
    for (const g of moved.agents) {
      for (const b of g.breaks ?? []) {
        if (b.reason === 'lunch' && b.at === '13:00') Object.assign(b, { at: '11:00', spread: '3h' });
      }
    }
    const good = runScenario(moved);
    expectSane(good);
    const t0 = bad.model.startEpochMs;
    const badMidday = slOfCallsArriving(bad.events, t0, 6, 8);
    const goodMidday = slOfCallsArriving(good.events, t0, 6, 8);
    expect(badMidday).toBeLessThan(0.75);
    expect(goodMidday).toBeGreaterThan(0.9);
    // Same calls (common random numbers): the morning, before any lunch, is identical.
    expect(slOfCallsArriving(bad.events, t0, 0, 4)).toBe(slOfCallsArriving(good.events, t0, 0, 4));
  });

  it('outage-surge: abandons climb during the incidents and the south site drops for 40 minutes', () => {
    const r = runScenario(builtInScenario('outage-surge'));
    expectSane(r);
    const t0 = r.model.startEpochMs;
    const before = slOfCallsArriving(r.events, t0, 0, 2.5);
    const during = slOfCallsArriving(r.events, t0, 2.5, 3.5);
    expect(during).toBeLessThan(before - 0.3);
    const dropped = r.events.filter(
      (e): e is AgentStateEvent => e.type === 'agent.state' && e.reason === 'outage',
    );
    expect(dropped).toHaveLength(14);
    // The sites are teams: no partner owns the one queue, so no partner figures are made up.
    expect(new Set(dropped.map((e) => e.team))).toEqual(new Set(['South']));
    expect(r.events.some((e) => 'partner' in e && e.partner !== undefined)).toBe(false);
    expect(r.summary.partners).toEqual([]);
    expect(dropped.every((e) => e.t === t0 + 2.75 * H)).toBe(true);
  });

  it('absenteeism-overflow: about a fifth of the in-house agents are absent and overflow feeds Acme', () => {
    const r = runScenario(builtInScenario('absenteeism-overflow'));
    expectSane(r);
    const absent = r.events.filter((e) => e.type === 'agent.state' && e.reason === 'absent').length;
    // 38 in-house agents at 20%: a binomial count, well inside 2..15.
    expect(absent).toBeGreaterThanOrEqual(2);
    expect(absent).toBeLessThanOrEqual(15);
    const [care, acme] = r.summary.queues;
    expect(care.overflowed).toBeGreaterThan(100);
    expect(acme.offered).toBe(care.overflowed);
    expect(r.summary.partners.map((p) => p.partner)).toEqual(['inhouse', 'acme']);
  });

  it('outsourcer-fte: the per-FTE partner gets its own calls plus the in-house overflow, reported per partner', () => {
    const r = runScenario(builtInScenario('outsourcer-fte'));
    expectSane(r);
    const [sales, bpo] = r.summary.queues;
    const own =
      r.events.filter((e) => e.type === 'call.queued' && e.queue === 'sales-bpo').length - sales.overflowed;
    expect(sales.overflowed).toBeGreaterThan(50);
    expect(bpo.offered).toBe(own + sales.overflowed);
    const partners = Object.fromEntries(r.summary.partners.map((p) => [p.partner, p]));
    expect(partners.bpo.offered).toBe(bpo.offered);
    expect(partners.inhouse.serviceLevel).not.toBeNull();
    // Own traffic and overflow received, separately: what a per-FTE partner is judged on.
    expect(partners.bpo.direct.offered).toBe(own);
    expect(partners.bpo.overflowIn.offered).toBe(sales.overflowed);
    expect(partners.bpo.direct.answered + partners.bpo.overflowIn.answered).toBe(bpo.answered);
    expect(partners.inhouse.overflowIn.offered).toBe(0);
    // Independent count of the BPO's own calls answered within 20 s, from the event stream.
    const firstQueue = new Map<string, { q: string; t: number }>();
    let ownWithin = 0;
    for (const e of r.events) {
      if (e.type === 'call.queued' && !firstQueue.has(e.call)) firstQueue.set(e.call, { q: e.queue, t: e.t });
      if (e.type === 'call.answered' && e.queue === 'sales-bpo') {
        const f = firstQueue.get(e.call)!;
        if (f.q === 'sales-bpo' && e.t - f.t <= 20_000) ownWithin++;
      }
    }
    expect(partners.bpo.direct.answeredWithin).toBe(ownWithin);
    // FTE held: 17 BPO agents all day; 24 in-house less today's 5 no-shows. BPO is paid per FTE hour.
    expect(partners.bpo.avgStaffed).toBeCloseTo(17, 6);
    expect(partners.inhouse.avgStaffed).toBeCloseTo(19, 6);
    expect(partners.bpo.contract).toBe('per-fte');
    expect(partners.inhouse.contract).toBeNull();
    expect(partners.bpo.billed).toEqual({ basis: 'fte-hours', units: 136, rate: 28, cost: 3808 });
    expect(partners.inhouse.billed).toBeNull();
  });

  it('outsourcer-fte: BPO meets 80/20 on its own calls only without the overflow (same callers)', () => {
    const doc = builtInScenario('outsourcer-fte') as ScenarioInput;
    const clean = structuredClone(doc);
    delete clean.queues[0].overflow;
    const bpo = (d: ScenarioInput) => runScenario(d).summary.partners.find((p) => p.partner === 'bpo')!;
    const mixed = bpo(doc);
    const alone = bpo(clean);
    expect(alone.overflowIn.offered).toBe(0);
    expect(alone.direct.serviceLevel).toBeGreaterThan(0.8);
    expect(mixed.direct.serviceLevel).toBeLessThan(0.75);
    expect(mixed.overflowIn.serviceLevel).toBeLessThan(mixed.direct.serviceLevel!);
  });

  it('floor-1000: 1,000 agents on 30 queues through a 24-hour day', () => {
    const r = runScenario(builtInScenario('floor-1000'), { instants: false });
    expectSane(r);
    expect(r.sim.agentCount).toBe(1000);
    expect(r.summary.queues).toHaveLength(30);
    expect(r.summary.calls).toBeGreaterThan(40_000);
    expect(r.summary.all.slAnsweredWithinOverAnswered).toBeGreaterThan(0.7);
  });
});
