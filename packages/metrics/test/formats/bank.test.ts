/**
 * The anonymous-bank map against the real file: chosen raw rows give exactly the events derived by hand
 * from docs/formats.md, and totals over the whole month, computed here from the raw TSV by a separate
 * little parser (not the reader), agree with the reader's events.
 */
import { describe, expect, it } from 'vitest';
import type { WallboardEvent } from '../../src/events.js';
import { readEvents } from '../../src/formats/index.js';
import { BANK_MAP, BANK_TSV, readRawBank } from './bank-raw.js';

const TSV = BANK_TSV;
const MAP = BANK_MAP;
const LINES = TSV.split(/\r?\n/).filter((l) => l !== '');
const HEADER = LINES[0];

/** Israel was on UTC+02:00 all February 1999 (no DST until April), so local -> UTC is minus two hours. */
const il = (isoLocal: string) => Date.parse(`${isoLocal}+02:00`);

function rows(...ids: string[]): string {
  const picked = ids.map((id) => {
    const [line, call] = id.split('-');
    const row = LINES.find((l) => l.startsWith(`${line}\t${call}\t`));
    if (!row) throw new Error(`no row ${id}`);
    return row;
  });
  return [HEADER, ...picked].join('\n');
}

const read = (text: string) => readEvents(text, { format: 'cdr', map: MAP });

describe('anonymous-bank map: chosen rows', () => {
  it('a call that went straight to an agent: offered and answered at vru_exit, talk = ser_time', () => {
    // AA0101 34536 PS 990201 vru 7:02:47-7:02:56, no queue, AGENT 7:02:55-7:05:41 (166 s) DORIT
    const r = read(rows('AA0101-34536'));
    expect(r.events).toEqual([
      { type: 'call.queued', t: il('1999-02-01T07:02:56'), call: 'AA0101-34536', queue: 'PS', priority: 0 },
      {
        type: 'call.answered',
        t: il('1999-02-01T07:02:56'),
        call: 'AA0101-34536',
        queue: 'PS',
        agent: 'DORIT',
      },
      { type: 'call.ended', t: il('1999-02-01T07:05:42'), call: 'AA0101-34536', queue: 'PS', agent: 'DORIT' },
    ]);
  });

  it('a queued, answered call: wait = q_time to q_exit, talk = ser_time from there', () => {
    // AA0216 5610 IN 990228 queue 12:18:30-12:18:49 (19 s), AGENT 12:18:48-12:22:54 (246 s) YITZ
    const r = read(rows('AA0216-5610'));
    expect(r.events).toEqual([
      { type: 'call.queued', t: il('1999-02-28T12:18:30'), call: 'AA0216-5610', queue: 'IN', priority: 0 },
      {
        type: 'call.answered',
        t: il('1999-02-28T12:18:49'),
        call: 'AA0216-5610',
        queue: 'IN',
        agent: 'YITZ',
      },
      { type: 'call.ended', t: il('1999-02-28T12:22:55'), call: 'AA0216-5610', queue: 'IN', agent: 'YITZ' },
    ]);
  });

  it('abandons, unknown agents, phantoms and callers who never queued', () => {
    const r = read(
      rows(
        'AA0101-34537', // AGENT with NO_SERVER, direct, 5 s of service: answered by "unknown"
        'AA0101-34539', // HANG after 5 s in queue (8:09:22-8:09:27), priority 2
        'AA0101-35050', // HANG after 26 s in queue although it has service fields: the outcome decides
        'AA0101-34610', // HANG in the voice menu (no queue): not offered
        'AA0109-30760', // PHANTOM: ignored
      ),
    );
    expect(r.bad).toEqual([]);
    expect(r.ignoredReasons).toEqual({ 'never queued': 1, 'outcome PHANTOM': 1 });
    expect(r.events).toEqual([
      { type: 'call.queued', t: il('1999-02-01T07:31:55'), call: 'AA0101-34537', queue: 'PS', priority: 0 },
      {
        type: 'call.answered',
        t: il('1999-02-01T07:31:55'),
        call: 'AA0101-34537',
        queue: 'PS',
        agent: 'unknown',
      },
      {
        type: 'call.ended',
        t: il('1999-02-01T07:32:00'),
        call: 'AA0101-34537',
        queue: 'PS',
        agent: 'unknown',
      },
      { type: 'call.queued', t: il('1999-02-01T08:09:22'), call: 'AA0101-34539', queue: 'PS', priority: 2 },
      { type: 'call.abandoned', t: il('1999-02-01T08:09:27'), call: 'AA0101-34539', queue: 'PS' },
      { type: 'call.queued', t: il('1999-02-08T18:11:44'), call: 'AA0101-35050', queue: 'PS', priority: 2 },
      { type: 'call.abandoned', t: il('1999-02-08T18:12:10'), call: 'AA0101-35050', queue: 'PS' },
    ]);
  });

  it('AGENT rows with no service start: answered with zero talk', () => {
    // AA0101 34648: queue 13:44:53-13:45:06 (13 s), no ser_*; AA0101 35183: no queue, no ser_*
    const r = read(rows('AA0101-34648', 'AA0101-35183'));
    expect(r.events).toEqual([
      { type: 'call.queued', t: il('1999-02-02T13:44:53'), call: 'AA0101-34648', queue: 'PS', priority: 2 },
      {
        type: 'call.answered',
        t: il('1999-02-02T13:45:06'),
        call: 'AA0101-34648',
        queue: 'PS',
        agent: 'YIFAT',
      },
      { type: 'call.ended', t: il('1999-02-02T13:45:06'), call: 'AA0101-34648', queue: 'PS', agent: 'YIFAT' },
      { type: 'call.queued', t: il('1999-02-10T15:15:09'), call: 'AA0101-35183', queue: 'NW', priority: 0 },
      {
        type: 'call.answered',
        t: il('1999-02-10T15:15:09'),
        call: 'AA0101-35183',
        queue: 'NW',
        agent: 'MICHAL',
      },
      {
        type: 'call.ended',
        t: il('1999-02-10T15:15:09'),
        call: 'AA0101-35183',
        queue: 'NW',
        agent: 'MICHAL',
      },
    ]);
  });

  it('midnight: a queue start of exactly 0:00:00 and service that ends the next day', () => {
    // AA0102 31056 990215: vru 23:59:54, queue 0:00:00-0:00:27 (27 s: q_start really is midnight), 67 s talk
    // AA0102 31307 990220: vru 23:59:32-23:59:44, no queue, service 23:59:43-0:01:28 (105 s)
    const r = read(rows('AA0102-31056', 'AA0102-31307'));
    expect(r.events).toEqual([
      { type: 'call.queued', t: il('1999-02-16T00:00:00'), call: 'AA0102-31056', queue: 'PS', priority: 2 },
      {
        type: 'call.answered',
        t: il('1999-02-16T00:00:27'),
        call: 'AA0102-31056',
        queue: 'PS',
        agent: 'AVNI',
      },
      { type: 'call.ended', t: il('1999-02-16T00:01:34'), call: 'AA0102-31056', queue: 'PS', agent: 'AVNI' },
      { type: 'call.queued', t: il('1999-02-20T23:59:44'), call: 'AA0102-31307', queue: 'PS', priority: 0 },
      {
        type: 'call.answered',
        t: il('1999-02-20T23:59:44'),
        call: 'AA0102-31307',
        queue: 'PS',
        agent: 'DARMON',
      },
      {
        type: 'call.ended',
        t: il('1999-02-21T00:01:29'),
        call: 'AA0102-31307',
        queue: 'PS',
        agent: 'DARMON',
      },
    ]);
  });

  it('a negative vru_time (vru_exit before vru_entry) is a glitch, not a day boundary', () => {
    // AA0102 30456 990207: vru 9:48:14 -> 9:47:17 (-57 s), queue 9:47:17-9:50:11 (174 s), 77 s talk
    const r = read(rows('AA0102-30456'));
    expect(r.events.map((e) => e.t)).toEqual([
      il('1999-02-07T09:47:17'),
      il('1999-02-07T09:50:11'),
      il('1999-02-07T09:51:28'),
    ]);
  });
});

describe('anonymous-bank map: the whole month against an independent count', () => {
  const r = read(TSV);
  const raw = readRawBank();

  it('reads every row: nothing bad, PHANTOM and menu hang-ups ignored', () => {
    expect(r.bad).toEqual([]);
    expect(r.ignoredReasons).toEqual({ 'outcome PHANTOM': raw.phantom, 'never queued': raw.neverQueued });
    // The README's row counts, as a check on the independent parser itself.
    expect(raw.rows).toBe(33_344);
    expect(raw.phantom).toBe(278);
  });

  it('agrees per queue on offered, answered, abandoned, waits and talk times', () => {
    type Totals = {
      offered: number;
      answered: number;
      abandoned: number;
      waitAns: number;
      waitAb: number;
      talk: number;
    };
    const zero = (): Totals => ({ offered: 0, answered: 0, abandoned: 0, waitAns: 0, waitAb: 0, talk: 0 });
    const expected: Record<string, Totals> = {};
    for (const c of raw.calls) {
      const q = (expected[c.queue] ??= zero());
      q.offered++;
      if (c.outcome === 'answered') {
        q.answered++;
        q.waitAns += c.waitSec;
        q.talk += c.talkSec;
      } else {
        q.abandoned++;
        q.waitAb += c.waitSec;
      }
    }
    const got: Record<string, Totals> = {};
    const queuedAt = new Map<string, number>();
    const answeredAt = new Map<string, number>();
    for (const e of r.events as WallboardEvent[]) {
      if (e.type === 'agent.state') continue;
      const q = (got[e.queue] ??= zero());
      if (e.type === 'call.queued') {
        q.offered++;
        queuedAt.set(e.call, e.t);
      } else if (e.type === 'call.answered') {
        q.answered++;
        q.waitAns += (e.t - queuedAt.get(e.call)!) / 1000;
        answeredAt.set(e.call, e.t);
      } else if (e.type === 'call.abandoned') {
        q.abandoned++;
        q.waitAb += (e.t - queuedAt.get(e.call)!) / 1000;
      } else if (e.type === 'call.ended') {
        q.talk += (e.t - answeredAt.get(e.call)!) / 1000;
      }
    }
    expect(got).toEqual(expected);
    expect(raw.calls.length).toBe(31_125);
    // Every call is offered at the instant the independent reading puts it (zone, midnight, quirks).
    expect(queuedAt).toEqual(new Map(raw.calls.map((c) => [c.id, c.offeredAt])));
  });

  it('answers the NO_SERVER calls as agent "unknown", and sorts the whole stream by time', () => {
    const unknown = r.events.filter((e) => e.type === 'call.answered' && e.agent === 'unknown').length;
    expect(unknown).toBe(raw.calls.filter((c) => c.outcome === 'answered' && c.noServer).length);
    const firstUnsorted = r.events.findIndex((e, i) => i > 0 && e.t < r.events[i - 1].t);
    expect(firstUnsorted).toBe(-1);
  });
});
