import type { WallboardEvent } from '@wallboard/metrics';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../src/engine/simulation.js';
import { simNdjsonLine, toNdjsonLine } from '../src/ndjson.js';
import { NdjsonBuffer } from '../src/node/ndjson-buffer.js';
import { BUILT_IN_NAMES, builtInScenario } from '../src/scenario/library.js';
import { loadScenario } from '../src/scenario/load.js';

describe('simNdjsonLine', () => {
  it('writes exactly what JSON.stringify writes, for every event of every built-in scenario', () => {
    let checked = 0;
    const differ: string[] = [];
    for (const name of BUILT_IN_NAMES) {
      const l = loadScenario(builtInScenario(name));
      if (!l.ok) throw new Error(name);
      const sim = new Simulation(l.model, {
        names: l.names,
        sink: (e) => {
          checked++;
          const a = simNdjsonLine(e);
          if (a !== toNdjsonLine(e) && differ.length < 5) differ.push(`${a} vs ${toNdjsonLine(e)}`);
        },
      });
      // Controls too: they make agents with other names, break reasons and overflow rules.
      sim.runUntil(3_600_000);
      sim.addAgents({ count: 2, skills: [l.model.queues[0].id], team: 'Nachtschicht "Süd" \\ 2' });
      sim.sendOnBreak({ count: 3, minutes: 5, reason: 'café' });
      sim.runToEnd();
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(400_000);
  });

  it('escapes what needs escaping and falls back to JSON.stringify for shapes it does not know', () => {
    const odd: WallboardEvent[] = [
      { type: 'call.queued', t: 1, call: 'c"1', queue: 'q\n', partner: 'p\\' },
      { type: 'call.answered', t: 2, call: 'c\ud800', queue: 'q', agent: 'a' },
      { type: 'agent.state', t: 3, agent: 'a', state: 'break', reason: 'lunch' },
      { type: 'agent.state', t: 4, agent: 'a', state: 'available', name: 'Zoë', queues: ['q'], team: 't' },
      { type: 'call.ended', t: 5, call: 'c', queue: 'q', agent: 'a', id: 'dup-1' },
    ];
    for (const e of odd) expect(simNdjsonLine(e)).toBe(toNdjsonLine(e));
  });
});

describe('NdjsonBuffer', () => {
  it('collects the same bytes as the lines joined, in UTF-8, across seals and oversized lines', () => {
    const b = new NdjsonBuffer();
    const events: WallboardEvent[] = [];
    for (let i = 0; i < 60_000; i++) {
      events.push({
        type: 'agent.state',
        t: i,
        agent: `a${i}`,
        state: 'break',
        reason: i % 7 === 0 ? 'café ☕' : 'lunch',
      });
    }
    events.push({ type: 'agent.state', t: 1, agent: 'a', state: 'break', reason: 'ü'.repeat(800_000) });
    let expected = '';
    let taken = '';
    events.forEach((e, i) => {
      b.add(e);
      expected += toNdjsonLine(e);
      if (i === 30_000) taken += b.take().toString('utf8');
    });
    taken += b.take().toString('utf8');
    expect(taken).toBe(expected);
    expect(b.size).toBe(0);
  });
});
