import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WallboardEvent } from '../../src/events.js';
import { readQueueLog } from '../../src/formats/queue-log.js';
import { buildReport } from '../../src/report.js';

const FIXTURE = readFileSync(new URL('../fixtures/queue_log.sample', import.meta.url), 'utf8');

/** Epoch seconds as written in the fixture -> event time. */
const T = (s: number) => s * 1000;
const alice = 'Agent/1001';
const bob = 'SIP/bob';
const carol = 'Local/carol';
const c1 = '1709629210.1';
const c2 = '1709629230.3';
const c3 = '1709629240.4';
const c4 = '1709629305.6';
const c5 = '1709629320.7';
const c6 = '1709629350.8';
const c7 = '1709629400.11';

/**
 * The fixture's events, derived by hand line by line from the mapping in docs/formats.md (the line
 * numbers are the fixture's).
 */
const EXPECTED: WallboardEvent[] = [
  // 1-2 QUEUESTART, CONFIGRELOAD: ignored
  // 3 AGENTLOGIN: available, no queue known yet
  { type: 'agent.state', t: T(1709629205), agent: alice, state: 'available' },
  // 4-6 ADDMEMBER: available with the queues joined so far
  { type: 'agent.state', t: T(1709629206), agent: bob, state: 'available', queues: ['sales'] },
  { type: 'agent.state', t: T(1709629207), agent: bob, state: 'available', queues: ['sales', 'support'] },
  { type: 'agent.state', t: T(1709629208), agent: carol, state: 'available', queues: ['sales'] },
  // 7 ENTERQUEUE
  { type: 'call.queued', t: T(1709629210), call: c1, queue: 'sales' },
  // 8 RINGNOANSWER: nothing; 9 CONNECT: answered, and the agent goes on-call. Agent/1001 is a static
  // member (no ADDMEMBER): answering from sales makes it one of sales's members from here on
  { type: 'call.answered', t: T(1709629222), call: c1, queue: 'sales', agent: alice },
  { type: 'agent.state', t: T(1709629222), agent: alice, state: 'on-call', queues: ['sales'] },
  // 10-11 a caller gives up after 4 s
  { type: 'call.queued', t: T(1709629230), call: c2, queue: 'support' },
  { type: 'call.abandoned', t: T(1709629234), call: c2, queue: 'support' },
  // 12-14 timeout in sales (old one-field EXITWITHTIMEOUT), the same call enters support: to = support
  { type: 'call.queued', t: T(1709629240), call: c3, queue: 'sales' },
  { type: 'call.overflowed', t: T(1709629270), call: c3, queue: 'sales', to: 'support' },
  { type: 'call.queued', t: T(1709629270), call: c3, queue: 'support' },
  // 15 CONNECT in support
  { type: 'call.answered', t: T(1709629275), call: c3, queue: 'support', agent: bob },
  { type: 'agent.state', t: T(1709629275), agent: bob, state: 'on-call', queues: ['sales', 'support'] },
  // 16 PAUSE with a reason
  { type: 'agent.state', t: T(1709629300), agent: carol, state: 'break', queues: ['sales'], reason: 'lunch' },
  // 17 COMPLETECALLER: ended, agent back to available
  { type: 'call.ended', t: T(1709629302), call: c1, queue: 'sales', agent: alice },
  { type: 'agent.state', t: T(1709629302), agent: alice, state: 'available', queues: ['sales'] },
  // 18-19 EXITEMPTY with no later ENTERQUEUE: to = dialplan
  { type: 'call.queued', t: T(1709629305), call: c4, queue: 'sales' },
  { type: 'call.overflowed', t: T(1709629310), call: c4, queue: 'sales', to: 'dialplan' },
  // 20-21 EXITWITHKEY, likewise
  { type: 'call.queued', t: T(1709629320), call: c5, queue: 'support' },
  { type: 'call.overflowed', t: T(1709629325), call: c5, queue: 'support', to: 'dialplan' },
  // 22-23 PAUSEALL without a reason, UNPAUSEALL
  { type: 'agent.state', t: T(1709629330), agent: alice, state: 'break', queues: ['sales'] },
  { type: 'agent.state', t: T(1709629340), agent: alice, state: 'available', queues: ['sales'] },
  // 24 BLINDTRANSFER ends the agent's leg
  { type: 'call.ended', t: T(1709629345), call: c3, queue: 'support', agent: bob },
  { type: 'agent.state', t: T(1709629345), agent: bob, state: 'available', queues: ['sales', 'support'] },
  // 25-26
  { type: 'call.queued', t: T(1709629350), call: c6, queue: 'sales' },
  { type: 'call.answered', t: T(1709629353), call: c6, queue: 'sales', agent: alice },
  { type: 'agent.state', t: T(1709629353), agent: alice, state: 'on-call', queues: ['sales'] },
  // 27 PAUSE on queue NONE (agent-wide)
  {
    type: 'agent.state',
    t: T(1709629360),
    agent: bob,
    state: 'break',
    queues: ['sales', 'support'],
    reason: 'meeting',
  },
  // 28 PAUSE during a call: still on-call, nothing emitted; 29 ATTENDEDTRANSFER: ended, then the break
  { type: 'call.ended', t: T(1709629380), call: c6, queue: 'sales', agent: alice },
  {
    type: 'agent.state',
    t: T(1709629380),
    agent: alice,
    state: 'break',
    queues: ['sales'],
    reason: 'coaching',
  },
  // 30 UNPAUSE
  { type: 'agent.state', t: T(1709629390), agent: carol, state: 'available', queues: ['sales'] },
  // 31-33 old-format ENTERQUEUE (url|callerid) and CONNECT (holdtime only), then COMPLETEAGENT
  { type: 'call.queued', t: T(1709629400), call: c7, queue: 'sales' },
  { type: 'call.answered', t: T(1709629410), call: c7, queue: 'sales', agent: carol },
  { type: 'agent.state', t: T(1709629410), agent: carol, state: 'on-call', queues: ['sales'] },
  { type: 'call.ended', t: T(1709629440), call: c7, queue: 'sales', agent: carol },
  { type: 'agent.state', t: T(1709629440), agent: carol, state: 'available', queues: ['sales'] },
  // 34 REMOVEMEMBER of the last queue: offline
  { type: 'agent.state', t: T(1709629450), agent: carol, state: 'offline' },
  // 35 REMOVEMEMBER of one of two queues: same state, new queue list
  { type: 'agent.state', t: T(1709629460), agent: bob, state: 'break', queues: ['sales'], reason: 'meeting' },
  // 36 AGENTLOGOFF
  { type: 'agent.state', t: T(1709629470), agent: alice, state: 'offline', queues: ['sales'] },
  // 37 NONE: ignored
];

describe('queue_log reader', () => {
  it('maps the hand-built fixture to exactly the expected events', () => {
    const r = readQueueLog(FIXTURE);
    expect(r.bad).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.events).toEqual(EXPECTED);
    expect(r.ignored).toBe(4);
    expect(r.ignoredReasons).toEqual({ QUEUESTART: 1, CONFIGRELOAD: 1, RINGNOANSWER: 1, NONE: 1 });
  });

  it('covers every verb the issue lists', () => {
    const verbs = new Set(
      FIXTURE.trim()
        .split('\n')
        .map((l) => l.split('|')[4]),
    );
    for (const v of [
      'ENTERQUEUE',
      'CONNECT',
      'COMPLETECALLER',
      'COMPLETEAGENT',
      'ABANDON',
      'EXITWITHTIMEOUT',
      'EXITEMPTY',
      'EXITWITHKEY',
      'RINGNOANSWER',
      'BLINDTRANSFER',
      'ATTENDEDTRANSFER',
      'AGENTLOGIN',
      'AGENTLOGOFF',
      'ADDMEMBER',
      'REMOVEMEMBER',
      'PAUSE',
      'UNPAUSE',
      'PAUSEALL',
      'UNPAUSEALL',
      'QUEUESTART',
      'CONFIGRELOAD',
      'NONE',
    ]) {
      expect(verbs, v).toContain(v);
    }
  });

  it('reports garbage lines by number and changes nothing else', () => {
    const good = FIXTURE.trimEnd().split('\n');
    const garbage = [
      'not a queue_log line',
      '',
      'abc|1709629210.1|sales|NONE|ENTERQUEUE||1',
      '1709629210|1709629210.1|sales|NONE|TELEPORT|x',
      '1709629210|NONE|sales|NONE|CONNECT|3',
      '1709629210|x|NONE|NONE|ENTERQUEUE|',
      '17|a|b|c|ENTERQUEUE|',
      '1709629210|only|four|fields',
      '\u0000\u0001|||||',
    ];
    const mixed: string[] = [];
    const badLines: number[] = [];
    good.forEach((l, i) => {
      mixed.push(l);
      if (i % 3 === 0) {
        const g = garbage[(i / 3) % garbage.length];
        mixed.push(g);
        if (g !== '') badLines.push(mixed.length);
      }
    });
    const r = readQueueLog(mixed.join('\r\n'));
    expect(r.events).toEqual(EXPECTED);
    expect(r.bad.map((b) => b.line)).toEqual(badLines);
    expect(r.ignored).toBe(4);
    const reasons = new Set(r.bad.map((b) => b.reason));
    expect(reasons).toEqual(new Set(['malformed', 'bad-time', 'unknown-verb', 'missing-field']));
    for (const b of r.bad) expect(b.detail.length).toBeGreaterThan(5);
  });

  it('names what is missing on a bad line', () => {
    const r = readQueueLog(
      [
        '1709629210|c1|sales|NONE|CONNECT|3',
        '1709629210|NONE|sales|NONE|ENTERQUEUE|',
        '1709629210|c1|NONE|NONE|ABANDON|1|1|3',
        '1709629210|NONE|NONE|NONE|PAUSE|x',
        '1709629210|c1|sales|NONE|FOO|',
        '99|c1|sales|NONE|ENTERQUEUE|',
      ].join('\n'),
    );
    expect(r.events).toEqual([]);
    expect(r.bad).toEqual([
      { line: 1, reason: 'missing-field', detail: 'CONNECT needs an agent' },
      { line: 2, reason: 'missing-field', detail: 'ENTERQUEUE needs a call id' },
      { line: 3, reason: 'missing-field', detail: 'ABANDON needs a queue' },
      { line: 4, reason: 'missing-field', detail: 'PAUSE needs an agent' },
      { line: 5, reason: 'unknown-verb', detail: 'unknown queue_log event "FOO"' },
      { line: 6, reason: 'bad-time', detail: 'time 99 is not between 1990 and 2100' },
    ]);
  });

  it('cross-checks logged durations against the clock and warns, keeping the events', () => {
    const r = readQueueLog(
      [
        '1700000000|c|q|NONE|ENTERQUEUE||1|1',
        '1700000010|c|q|A|CONNECT|30|x|1', // hold 30 logged, 10 by the clock
        '1700000070|c|q|A|COMPLETEAGENT|10|5|1', // call 5 logged, 60 by the clock
        '1700000100|d|q|NONE|ENTERQUEUE||1|1',
        '1700000104|d|q|NONE|ABANDON|1|1|4', // consistent
        '1700000200|e|q|NONE|ENTERQUEUE||1|1',
        '1700000205|e|q|NONE|ABANDON|1|1|50', // wait 50 logged, 5 by the clock
      ].join('\n'),
    );
    expect(r.bad).toEqual([]);
    expect(r.events.filter((e) => e.type.startsWith('call.')).map((e) => e.type)).toEqual([
      'call.queued',
      'call.answered',
      'call.ended',
      'call.queued',
      'call.abandoned',
      'call.queued',
      'call.abandoned',
    ]);
    expect(r.warnings.map((w) => [w.line, w.reason])).toEqual([
      [2, 'holdtime-mismatch'],
      [3, 'calltime-mismatch'],
      [7, 'waittime-mismatch'],
    ]);
  });

  it('accepts newer lines with all five data fields and fractional epochs', () => {
    const r = readQueueLog(
      [
        '1700000000.250|c|q|NONE|ENTERQUEUE||5550000|1||',
        '1700000004|c|q|SIP/a|CONNECT|4|c2|1200||',
        '1700000034|c|q|SIP/a|COMPLETECALLER|4|30|1||',
      ].join('\n'),
    );
    expect(r.bad).toEqual([]);
    expect(r.events.map((e) => [e.type, e.t])).toEqual([
      ['call.queued', 1700000000250],
      ['call.answered', 1700000004000],
      ['agent.state', 1700000004000],
      ['call.ended', 1700000034000],
      ['agent.state', 1700000034000],
    ]);
  });

  it('maps the old callback-agent login verbs like the agent ones', () => {
    const r = readQueueLog(
      [
        '1700000000|NONE|NONE|Agent/7|AGENTCALLBACKLOGIN|7@ctx',
        '1700000100|NONE|NONE|Agent/7|AGENTCALLBACKLOGOFF|7@ctx|100|',
      ].join('\n'),
    );
    expect(r.events).toEqual([
      { type: 'agent.state', t: 1700000000000, agent: 'Agent/7', state: 'available' },
      { type: 'agent.state', t: 1700000100000, agent: 'Agent/7', state: 'offline' },
    ]);
  });
});

describe('queue_log fixture through the report engine', () => {
  /*
   * Figures worked out by hand from the fixture (T = 20 s; times in seconds after 1709629200):
   * sales visits: c1 queued 10, answered 22 (wait 12), ended 102 (talk 80); c3 queued 40, overflowed 70;
   *   c4 queued 105, overflowed 110; c6 queued 150, answered 153 (wait 3), ended 180 (talk 27);
   *   c7 queued 200, answered 210 (wait 10), ended 240 (talk 30).
   *   -> offered 5, answered 3, abandoned 0, overflowed 2, within 3, SL 3/3, ASA 25/3, ATT 137/3.
   * support visits: c2 queued 30, abandoned 34 (wait 4); c3 queued 70, answered 75 (wait 5), ended 145
   *   (talk 70); c5 queued 120, overflowed 125.
   *   S = 5: c2 is a short abandon -> offered 2, answered 1, abandoned 0, short 1, overflowed 1, SL 1/1,
   *   ASA 5, ATT 70, abandon rate 0.  S = 0: offered 3, abandoned 1, SL 1/2, ATA 4, abandon rate 1/2.
   * all (each call once, from its first queued): c3 waited 240->275 = 35 s in the center (not within 20);
   *   c4 and c5 leave the center (to "dialplan"), so by DESIGN.md their final outcome is overflowed:
   *   'all' overflowed 2 (the engine settles an overflow no call.queued follows within the tolerance).
   *   S = 5: offered 6, answered 4, short 1, within 3, SL 3/4, ASA (12+35+3+10)/4 = 15,
   *   ATT (80+70+27+30)/4 = 51.75.  S = 0: offered 7, abandoned 1, SL 3/5, ATA 4, abandon rate 1/5.
   * Occupancy (all): on-call alice 80+27, bob 70, carol 30 = 207 s; available alice 17+28+13, bob 69+15,
   *   carol 92+20+10 = 264 s; no ACW -> 207 / 471.
   */
  const { events } = readQueueLog(FIXTURE);
  const run = (shortAbandonSec: number) =>
    buildReport(events, {
      timeZone: 'UTC',
      slThresholdSec: 20,
      shortAbandonSec,
      slFormula: 'abandons-count-against',
    });

  it('gives the hand-computed figures with short abandons at 5 s', () => {
    const r = run(5);
    expect(r.diagnostics.rejected).toBe(0);
    expect(r.scopes['queue:sales']).toMatchObject({
      offered: 5,
      answered: 3,
      abandoned: 0,
      shortAbandoned: 0,
      overflowed: 2,
      answeredWithin: 3,
      serviceLevel: 1,
      abandonRate: 0,
    });
    expect(r.scopes['queue:sales'].asaSec).toBeCloseTo(25 / 3, 9);
    expect(r.scopes['queue:sales'].attSec).toBeCloseTo(137 / 3, 9);
    expect(r.scopes['queue:support']).toMatchObject({
      offered: 2,
      answered: 1,
      abandoned: 0,
      shortAbandoned: 1,
      overflowed: 1,
      serviceLevel: 1,
      asaSec: 5,
      attSec: 70,
      abandonRate: 0,
    });
    expect(r.scopes.all).toMatchObject({
      offered: 6,
      answered: 4,
      abandoned: 0,
      shortAbandoned: 1,
      overflowed: 2,
      answeredWithin: 3,
      serviceLevel: 0.75,
      asaSec: 15,
      attSec: 51.75,
    });
    expect(r.scopes.all.occupancy).toBeCloseTo(207 / 471, 9);
  });

  it('counts the 4 s abandon when short abandons are off', () => {
    const r = run(0);
    expect(r.scopes['queue:support']).toMatchObject({
      offered: 3,
      abandoned: 1,
      shortAbandoned: 0,
      serviceLevel: 0.5,
      ataSec: 4,
      abandonRate: 0.5,
    });
    expect(r.scopes.all).toMatchObject({
      offered: 7,
      abandoned: 1,
      serviceLevel: 0.6,
      ataSec: 4,
      abandonRate: 0.2,
    });
  });
});

describe('queue_log static members', () => {
  it("count in the queue they answer from: a static member's time makes the queue's occupancy", () => {
    const log = [
      '1709629300|c1|sales|NONE|ENTERQUEUE||5551001|1',
      '1709629310|c1|sales|SIP/static|CONNECT|10|c1.b|1',
      '1709629370|c1|sales|SIP/static|COMPLETECALLER|10|60|1',
      '1709629430|c2|sales|NONE|ENTERQUEUE||5551002|1',
      '1709629440|c2|sales|NONE|ABANDON|1|1|10',
    ].join('\n');
    const read = readQueueLog(log);
    expect(read.bad).toEqual([]);
    expect(read.lines).toEqual([1, 2, 2, 3, 3, 4, 5]);
    const sales = buildReport(read.events, { timeZone: 'UTC' }).scopes['queue:sales'];
    // on-call 1709629310-370 (60 s), then available until the stream's last event at ...440 (70 s)
    expect(sales.occupancy).toBeCloseTo(60 / 130, 9);
    expect(sales.staffedAgents).toBe(1);
  });
});
