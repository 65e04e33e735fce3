import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../src/scenario/compile.js';
import { BUILT_IN_NAMES, builtInScenario, listScenarios } from '../src/scenario/library.js';
import { loadScenarioText } from '../src/scenario/load.js';
import { localToEpochMs, parseClock, parseDuration } from '../src/scenario/time.js';
import type { ScenarioInput } from '../src/scenario/types.js';
import { validateScenario } from '../src/scenario/validate.js';

const schema = JSON.parse(readFileSync(new URL('../scenario.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaValid = ajv.compile(schema);

const minimal = (): ScenarioInput => ({
  queues: [{ id: 'q', arrivals: { perHour: 100 }, handle: { dist: 'exponential', meanSec: 180 } }],
  agents: [{ count: 5, skills: ['q'] }],
});

const problems = (doc: unknown) => {
  const v = validateScenario(doc);
  return v.ok ? [] : v.problems;
};

describe('time values', () => {
  it('parses durations and clock times', () => {
    expect(parseDuration('8h')).toBe(28_800);
    expect(parseDuration('30m')).toBe(1_800);
    expect(parseDuration('45s')).toBe(45);
    expect(parseDuration('1h30m')).toBe(5_400);
    expect(parseDuration('1.5h')).toBe(5_400);
    expect(parseDuration(90)).toBe(90);
    for (const bad of ['', 'h', '8 hours', '-5s', -1, '5', null]) expect(parseDuration(bad)).toBeNull();
    expect(parseClock('08:30')).toBe(30_600);
    expect(parseClock('24:00')).toBe(86_400);
    expect(parseClock('8:05:09')).toBe(29_109);
    for (const bad of ['48:00', '08:60', '0830', 8]) expect(parseClock(bad)).toBeNull();
  });

  it('converts local wall times in an IANA zone, across daylight-saving changes', () => {
    const march30 = { year: 2025, month: 3, day: 30 };
    // London: GMT until 01:00 UTC on 30 March 2025, then BST (UTC+1); 01:00-02:00 local does not exist.
    expect(localToEpochMs('Europe/London', march30, 0)).toBe(Date.UTC(2025, 2, 30, 0));
    expect(localToEpochMs('Europe/London', march30, 3 * 3600)).toBe(Date.UTC(2025, 2, 30, 2));
    expect(localToEpochMs('Europe/London', march30, 1.5 * 3600)).toBe(Date.UTC(2025, 2, 30, 1, 30));
    // 24 wall-clock hours after midnight on that day are 23 real hours.
    expect(
      localToEpochMs('Europe/London', march30, 24 * 3600) - localToEpochMs('Europe/London', march30, 0),
    ).toBe(23 * 3_600_000);
    expect(localToEpochMs('Asia/Kolkata', { year: 2025, month: 1, day: 6 }, 8 * 3600)).toBe(
      Date.UTC(2025, 0, 6, 2, 30),
    );
  });
});

describe('validateScenario', () => {
  it('accepts every built-in scenario, and so does the JSON Schema', () => {
    for (const name of BUILT_IN_NAMES) {
      expect(problems(builtInScenario(name)), name).toEqual([]);
      expect(schemaValid(builtInScenario(name)), `${name}: ${ajv.errorsText(schemaValid.errors)}`).toBe(true);
    }
  });

  it('lists every problem of a document by path, not just the first', () => {
    const doc = {
      seed: 1.5,
      timeZone: 'Mars/Olympus',
      duration: '8 hours',
      warmup: '9h',
      queues: [
        {
          id: 'a',
          arrivals: { perHour: -3 },
          handle: { dist: 'exponential', meanSec: 0 },
          overflow: { to: 'b', afterSec: 30 },
        },
        {
          id: 'b',
          arrivals: { intervalMin: 20, calls: [1, 'x'] },
          hanlde: { dist: 'fixed', meanSec: 1 },
          patience: { dist: 'lognormal', meanSec: 100 },
          overflow: { to: 'a', afterSec: 10 },
        },
        { id: 'a', arrivals: { perHour: 1 }, handle: { dist: 'weibull' } },
      ],
      agents: [{ count: 2.5, skills: ['a', 'nope'], shift: { start: '17:00', end: '09:00' } }],
      incidents: [{ at: 'noon', kind: 'surge' }],
    };
    expect(problems(doc)).toEqual([
      'seed must be a whole number',
      'timeZone must be an IANA time zone such as "Europe/Paris"',
      'duration must be a duration like "8h", "30m", "45s", "1h30m" or a number of seconds',
      'warmup must be shorter than duration',
      'queues[0].arrivals.perHour must be >= 0',
      'queues[0].handle.meanSec must be > 0',
      'queues[1].hanlde is not a known key (did you mean "handle"?)',
      'queues[1].arrivals.intervalMin must be 15, 30 or 60',
      'queues[1].arrivals.calls[1] must be a number >= 0',
      'queues[1].handle is required',
      'queues[1].patience.cv is required',
      'queues[2].handle.dist must be one of fixed, exponential, lognormal, gamma, empirical (got "weibull")',
      'queues[2].id "a" is used by another queue',
      'queues[0].overflow.to makes an overflow cycle (a -> b -> a)',
      'queues[1].overflow.to makes an overflow cycle (b -> a -> b)',
      'agents[0].count must be a whole number',
      'agents[0].skills[1] names unknown queue "nope"',
      'agents[0].shift.end must be after shift.start',
      'incidents[0].at must be a local clock time "HH:MM" or a duration from the start ("2h30m", seconds)',
      'incidents[0].factor is required',
    ]);
    // The schema rejects it too (it cannot see the cross-references, but it sees the shapes).
    expect(schemaValid(doc)).toBe(false);
  });

  it('reports an incident outside the run by path instead of skipping it', () => {
    const doc = { ...minimal(), start: '2025-03-05T08:00', timeZone: 'Europe/London', duration: '7h' };
    doc.incidents = [
      { at: '10:30', kind: 'surge', factor: 2 },
      { at: '15:00', kind: 'surge', factor: 2 },
      { at: '14:59', kind: 'surge', factor: 2 },
      { at: '8h', kind: 'outage', duration: '10m' },
      { at: '07:00', kind: 'agents-leave', count: 1 },
    ];
    expect(problems(doc)).toEqual([
      'incidents[1].at is after the end of the run (7h from the start; the run lasts 7h)',
      'incidents[3].at is after the end of the run (8h from the start; the run lasts 7h)',
      'incidents[4].at is before the start of the run (1h before it)',
    ]);
    // Without a duration the run is 8 hours long.
    const dflt = { ...minimal(), incidents: [{ at: '8h', kind: 'surge', factor: 2 }] } as ScenarioInput;
    expect(problems(dflt)).toEqual([
      'incidents[0].at is after the end of the run (8h from the start; the run lasts 8h)',
    ]);
  });

  it('checks partner contracts: known partners, once each, the rate that fits the contract', () => {
    const doc = minimal();
    doc.queues[0].partner = 'acme';
    doc.agents.push({ count: 2, skills: ['q'], partner: 'bpo' });
    const bad = {
      ...doc,
      partners: [
        { id: 'acme', contract: 'per-call', ratePerCall: 4, ratePerFteHour: 30 },
        { id: 'bpo', contract: 'per-fte', ratePerCall: 2 },
        { id: 'acme', contract: 'per-fte' },
        { id: 'nobody', contract: 'per-hour', ratePerFteHour: -1, nmae: 'x' },
      ],
    };
    expect(problems(bad)).toEqual([
      'partners[0].ratePerFteHour is not used by a per-call contract (give ratePerCall)',
      'partners[1].ratePerCall is not used by a per-fte contract (give ratePerFteHour)',
      'partners[2].id "acme" is listed twice',
      'partners[3].nmae is not a known key (did you mean "name"?)',
      'partners[3].id names partner "nobody" that no queue or agent group has (partners: acme, bpo)',
      'partners[3].contract must be one of per-call, per-fte (got "per-hour")',
      'partners[3].ratePerFteHour must be >= 0',
    ]);
    expect(schemaValid(bad)).toBe(false);
    const good = {
      ...doc,
      partners: [
        { id: 'acme', name: 'Acme', contract: 'per-call', ratePerCall: 4.5 },
        { id: 'bpo', contract: 'per-fte' },
      ],
    };
    expect(problems(good)).toEqual([]);
    expect(schemaValid(good), ajv.errorsText(schemaValid.errors)).toBe(true);
    // The schema sees the contract/rate mismatch too (not the cross-references).
    for (const p of [
      { id: 'acme', contract: 'per-call', ratePerFteHour: 1 },
      { id: 'acme', contract: 'per-fte', ratePerCall: 1 },
      { id: 'acme' },
    ]) {
      expect(schemaValid({ ...doc, partners: [p] }), JSON.stringify(p)).toBe(false);
    }
    const compiled = compileScenario(good as ScenarioInput).model.partners;
    expect(compiled).toEqual([
      { id: 'acme', name: 'Acme', contract: 'per-call', ratePerCall: 4.5, ratePerFteHour: null },
      { id: 'bpo', name: 'bpo', contract: 'per-fte', ratePerCall: null, ratePerFteHour: null },
    ]);
  });

  it('rejects what does not fit each distribution and incident kind', () => {
    const doc = minimal();
    doc.queues[0].handle = { dist: 'exponential', meanSec: 100, cv: 2 };
    doc.queues[0].acw = { dist: 'empirical', values: [1, 2], weights: [1] };
    doc.queues[0].hold = { dist: 'fixed', meanSec: 20 } as never;
    doc.incidents = [{ at: '10:00', kind: 'agents-leave', factor: 2 }];
    expect(problems(doc)).toEqual([
      'queues[0].handle.cv is not used by the exponential distribution',
      'queues[0].acw.weights must have one weight per value (2)',
      'queues[0].hold.probability is required',
      'incidents[0].count is required',
      'incidents[0].factor is not used by agents-leave',
    ]);
    expect(schemaValid(doc)).toBe(false);
  });

  it('says what is wrong with a file that is not JSON or not an object', () => {
    const r = loadScenarioText('{"queues": [,]}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toMatch(/^the file is not valid JSON: /);
    expect(problems([1, 2])).toEqual(['the scenario must be a JSON object']);
    expect(problems({})).toEqual(['queues is required', 'agents is required']);
  });
});

describe('compileScenario', () => {
  it('is reproducible down to the names, and a different seed gives different people', () => {
    const s = builtInScenario('absenteeism-overflow') as ScenarioInput;
    const a = compileScenario(s).model.agents;
    const b = compileScenario(s).model.agents;
    const c = compileScenario(s, { seed: 4 }).model.agents;
    expect(a).toEqual(b);
    expect(a.map((x) => x.name)).not.toEqual(c.map((x) => x.name));
    expect(new Set(a.map((x) => x.name)).size).toBe(a.length);
    expect(a[0].name).toMatch(/^\S+ \S+/);
    // Teams of teamSize (11) with generated names, one per 11 agents of the first group.
    const teams = [...new Set(a.filter((x) => x.partner === 'inhouse').map((x) => x.team))];
    expect(teams).toHaveLength(Math.ceil(38 / 11));
  });

  it('draws no-shows at the absenteeism rate, per agent, from the seed', () => {
    const s = minimal();
    s.agents = [{ count: 4000, skills: ['q'] }];
    s.absenteeism = 0.2;
    const absent = compileScenario(s).model.agents.filter((a) => a.absent).length;
    expect(Math.abs(absent - 800)).toBeLessThan(4.5 * Math.sqrt(4000 * 0.2 * 0.8));
  });

  it('resolves times in the zone, staggers breaks and converts profiles and lognormal parameters', () => {
    const s: ScenarioInput = {
      start: '2025-03-29T22:00',
      timeZone: 'Europe/London',
      duration: '12h',
      queues: [
        {
          id: 'q',
          arrivals: { intervalMin: 15, calls: [30, 0, 15] },
          handle: { dist: 'lognormal', mu: 4.78, sigma: 0.95 },
        },
      ],
      agents: [
        {
          count: 4,
          skills: ['q'],
          shift: { start: '23:00', end: '30:00' },
          breaks: [{ at: '2h', duration: '10m', spread: '1h', reason: 'lunch' }],
        },
      ],
    };
    const { model } = compileScenario(s);
    expect(model.startEpochMs).toBe(Date.UTC(2025, 2, 29, 22));
    // 30:00 is 06:00 local on 30 March, already BST (UTC+1): 05:00 UTC, 7 hours after the start.
    expect(model.agents[0].shiftStartMs).toBe(3_600_000);
    expect(model.agents[0].shiftEndMs).toBe(7 * 3_600_000);
    expect(model.agents.map((a) => a.breaks[0].startMs)).toEqual(
      [0, 15, 30, 45].map((m) => 7_200_000 + m * 60_000),
    );
    expect(model.agents[3].breaks[0]).toMatchObject({ durationMs: 600_000, reason: 'lunch' });
    expect(model.queues[0].arrivals).toEqual({ pieceMin: 15, callsPerHour: [120, 0, 60] });
    const h = model.queues[0].handle as { meanSec: number; cv: number };
    expect(h.meanSec).toBeCloseTo(Math.exp(4.78 + 0.95 ** 2 / 2), 9);
    expect(h.cv).toBeCloseTo(Math.sqrt(Math.exp(0.95 ** 2) - 1), 9);
  });
});

describe('built-in library', () => {
  it('has the seven scenarios of the issue, each with a one-paragraph description', () => {
    const list = listScenarios();
    expect(list.map((s) => s.name)).toEqual([
      'steady-day',
      'monday-peak',
      'lunch-gap',
      'outage-surge',
      'absenteeism-overflow',
      'outsourcer-fte',
      'floor-1000',
    ]);
    for (const s of list) {
      expect(s.description.length, s.name).toBeGreaterThan(200);
      expect(s.description).not.toContain('\n');
    }
    const floor = builtInScenario('floor-1000') as ScenarioInput;
    expect(floor.queues).toHaveLength(30);
    expect(floor.agents.reduce((n, g) => n + g.count, 0)).toBe(1000);
  });
});
