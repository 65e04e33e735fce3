import { appendFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServer, ServerConfig } from '../src/app.js';
import { FileFollower, type Line } from '../src/sources/follow.js';
import type { StreamState } from '../src/stream/types.js';
import { callEvents, expectedCounts, T0, toNdjson } from './support/events.js';
import { getJson, inProcess, tempDir, until } from './support/servers.js';

let tmp: ReturnType<typeof tempDir>;
const running: RunningServer[] = [];
beforeEach(() => {
  tmp = tempDir();
});
afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
  tmp.cleanup();
});

async function start(
  source: Parameters<typeof inProcess>[0]['source'],
  overrides: Partial<ServerConfig> = {},
) {
  const s = await inProcess({ source, ...overrides });
  running.push(s);
  return s;
}

type Scopes = Record<string, Record<string, number>>;
const scopesOf = async (s: RunningServer) => (await getJson(`${s.url}/snapshot`)).body.scopes as Scopes;
const sourceOf = async (s: RunningServer) =>
  (await getJson(`${s.url}/health`)).body.source as {
    events: number;
    bad: number;
    badReasons: Record<string, number>;
    lines: number;
    alive: boolean;
  };

describe('NDJSON', () => {
  it('follows a file as it grows; malformed lines are counted and change nothing', async () => {
    const file = join(tmp.dir, 'feed.ndjson');
    const first = callEvents([{ queue: 'sales', calls: 6 }]);
    writeFileSync(file, toNdjson(first));
    const s = await start({ kind: 'ndjson', file });
    await until('the first events', async () => (await sourceOf(s)).events === first.length);

    const more = callEvents(
      [
        { queue: 'sales', calls: 4 },
        { queue: 'support', calls: 5 },
      ],
      T0 + 7 * 60_000,
    );
    const lines = toNdjson(more).split('\n');
    // Garbage between good lines, and a line written in two pieces.
    const garbage = [
      '{not json',
      '{"type":"call.teleported","t":1}',
      '[1,2,3]',
      '{"type":"call.queued","t":"soon","call":"x","queue":"q"}',
    ];
    appendFileSync(file, `${lines.slice(0, 5).join('\n')}\n${garbage.join('\n')}\n${lines[5].slice(0, 20)}`);
    await new Promise((r) => setTimeout(r, 150));
    appendFileSync(file, `${lines[5].slice(20)}\n${lines.slice(6).join('\n')}`);

    const all = [...first, ...more];
    const want = expectedCounts(all);
    await until('every event', async () => (await sourceOf(s)).events === all.length);
    const src = await sourceOf(s);
    expect(src.bad).toBe(garbage.length);
    expect(src.badReasons.malformed).toBeGreaterThanOrEqual(1);
    await until(
      'the figures',
      async () => (await scopesOf(s))['queue:support']?.offered === want['queue:support'].offered,
    );
    const scopes = await scopesOf(s);
    for (const [k, w] of Object.entries(want)) expect(scopes[k]).toMatchObject(w);
    const h = await getJson(`${s.url}/health`);
    expect(h.status).toBe(200);
    expect((h.body.engine as { accepted: number }).accepted).toBe(all.length);
  });

  it('reads stdin', async () => {
    const stdin = new PassThrough();
    const s = await start({ kind: 'ndjson', file: '-', stdin });
    const events = callEvents([{ queue: 'sales', calls: 3 }]);
    stdin.write(toNdjson(events).slice(0, 50));
    stdin.write(toNdjson(events).slice(50));
    await until('every event', async () => (await sourceOf(s)).events === events.length);
    stdin.end();
    await until('stdin closed', async () => (await getJson(`${s.url}/health`)).status === 503);
  });
});

/** A queue_log call: ENTERQUEUE, then CONNECT + COMPLETECALLER, or ABANDON. */
function qlCall(t: number, id: string, queue: string, outcome: 'answered' | 'abandoned'): string[] {
  const sec = Math.floor(t / 1000);
  const lines = [`${sec}|${id}|${queue}|NONE|ENTERQUEUE||5551000|1`];
  if (outcome === 'answered') {
    lines.push(`${sec + 8}|${id}|${queue}|SIP/100|CONNECT|8|${id}.9|1`);
    lines.push(`${sec + 60}|${id}|${queue}|SIP/100|COMPLETECALLER|8|52|1`);
  } else lines.push(`${sec + 30}|${id}|${queue}|NONE|ABANDON|1|1|30`);
  return lines;
}

function qlCounts(lines: string[]) {
  const count = (verb: string) => lines.filter((l) => l.split('|')[4] === verb).length;
  return { offered: count('ENTERQUEUE'), answered: count('CONNECT'), abandoned: count('ABANDON') };
}

describe('queue_log', () => {
  it('follows the log across rotation, reading the rest of the old file first', async () => {
    const file = join(tmp.dir, 'queue_log');
    const head = [`${Math.floor(T0 / 1000) - 60}|NONE|sales|SIP/100|ADDMEMBER|`];
    const part = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        qlCall(
          T0 + (from + i) * 90_000,
          `c${from + i}`,
          'sales',
          (from + i) % 3 === 2 ? 'abandoned' : 'answered',
        ),
      ).flat();
    const a = [...head, ...part(0, 4)];
    writeFileSync(file, `${a.join('\n')}\n`);
    const s = await start({ kind: 'queue_log', file });
    await until('the first part', async () => (await scopesOf(s))['queue:sales']?.offered === 4);

    // Asterisk writes a little more, then logrotate renames the file and a new one starts.
    const b = part(4, 2);
    appendFileSync(file, `${b.join('\n')}\n`);
    renameSync(file, `${file}.1`);
    const c = [
      ...part(6, 3),
      'this is not a queue_log line',
      `${Math.floor(T0 / 1000)}|x|sales|NONE|NOSUCHVERB|`,
    ];
    writeFileSync(file, `${c.join('\n')}\n`);
    // And the new file grows.
    await new Promise((r) => setTimeout(r, 100));
    const d = part(9, 2);
    appendFileSync(file, `${d.join('\n')}\n`);

    const want = qlCounts([...a, ...b, ...c, ...d]);
    await until('all parts', async () => (await scopesOf(s))['queue:sales']?.offered === want.offered);
    await until('the last outcome', async () => {
      const q = (await scopesOf(s))['queue:sales'];
      return q.answered === want.answered && q.abandoned === want.abandoned;
    });
    const src = (await getJson(`${s.url}/health`)).body.source as { bad: number; rotations: number };
    expect(src.bad).toBe(2);
    expect(src.rotations).toBe(1);
  });

  it('starts over when the log is truncated in place (copytruncate)', async () => {
    const file = join(tmp.dir, 'queue_log');
    const a = qlCall(T0, 'c1', 'sales', 'answered');
    writeFileSync(file, `${a.join('\n')}\n`);
    const s = await start({ kind: 'queue_log', file });
    await until('the first call', async () => (await scopesOf(s))['queue:sales']?.answered === 1);
    writeFileSync(file, `${qlCall(T0 + 120_000, 'c2', 'sales', 'abandoned').join('\n')}\n`);
    await until('the call after truncation', async () => (await scopesOf(s))['queue:sales']?.abandoned === 1);
    expect((await scopesOf(s))['queue:sales'].offered).toBe(2);
  });
});

describe('CDR replay', () => {
  const map = {
    delimiter: ',',
    callId: 'id',
    queue: 'queue',
    agent: { column: 'agent', none: ['-'] },
    timeFormat: 'epoch',
    timeZone: 'UTC',
    times: {
      queued: { column: 'start' },
      answered: { column: 'answer' },
      ended: { column: 'end' },
      abandoned: { column: 'end' },
    },
  };
  const s0 = Math.floor(T0 / 1000);
  const header = 'id,queue,agent,start,answer,end';

  it('replays call records at a speed and ends with the whole file counted', async () => {
    const file = join(tmp.dir, 'calls.csv');
    // Ten calls 20 s apart (3 minutes of records); at 600x that is 0.3 s of replay.
    const rows = Array.from({ length: 10 }, (_, i) => {
      const t = s0 + i * 20;
      return i % 5 === 4 ? `c${i},sales,-,${t},,${t + 40}` : `c${i},sales,Ann,${t},${t + 5},${t + 100}`;
    });
    writeFileSync(file, [header, ...rows, 'c99,sales,Ann,not-a-time,,'].join('\n'));
    const s = await start({ kind: 'cdr', file, map, speed: 600 });
    await until('the replay to end', async () => (await getJson(`${s.url}/health`)).status === 503, 10_000);
    const h = (await getJson(`${s.url}/health`)).body;
    expect((h.source as { ended: string }).ended).toBe('replay finished');
    expect((h.source as { bad: number }).bad).toBe(1);
    // Once /health says it ended, /snapshot has the whole file: the end is published at once.
    const q = (await scopesOf(s))['queue:sales'];
    expect(q).toMatchObject({ offered: 10, answered: 8, abandoned: 2 });
  });

  it('publishes the last records as the source ends, so /health and /snapshot never disagree', async () => {
    // One publication a minute: only one made as the source ends can show its last events in time.
    const slow = { publishMs: 60_000 };
    const file = join(tmp.dir, 'short.csv');
    const rows = [0, 1, 2].map(
      (i) => `c${i},sales,Ann,${s0 + i * 20},${s0 + i * 20 + 5},${s0 + i * 20 + 50}`,
    );
    writeFileSync(file, [header, ...rows].join('\n'));
    const replay = await start({ kind: 'cdr', file, map, speed: 600 }, slow);
    await until('the replay to end', async () => (await getJson(`${replay.url}/health`)).status === 503);
    expect((await scopesOf(replay))['queue:sales']).toMatchObject({ offered: 3, answered: 3 });

    const stdin = new PassThrough();
    const piped = await start({ kind: 'ndjson', file: '-', stdin }, slow);
    const events = callEvents([{ queue: 'sales', calls: 4 }]);
    stdin.end(toNdjson(events));
    await until('stdin closed', async () => (await getJson(`${piped.url}/health`)).status === 503);
    expect((await scopesOf(piped))['queue:sales']).toMatchObject(expectedCounts(events)['queue:sales']);
  });

  it('paces the replay by the records’ own times', async () => {
    const file = join(tmp.dir, 'slow.csv');
    writeFileSync(
      file,
      [header, `a,q,Ann,${s0},${s0 + 5},${s0 + 30}`, `b,q,Ann,${s0 + 600},${s0 + 605},${s0 + 630}`].join(
        '\n',
      ),
    );
    // The calls are 600 s apart: at 600x, a second apart. Timed by the stream's own wall times (`at`,
    // when each state was published), from the state the server started with, so neither the server's
    // start-up nor a slow HTTP poll counts.
    const s = await start({ kind: 'cdr', file, map, speed: 600 });
    const states: StreamState[] = [];
    s.hub.subscribe((e) => states.push(e.state));
    const first = s.hub.state!;
    const offered = (st: StreamState) => (st.scopes['queue:q'] as { offered?: number } | undefined)?.offered;
    // The first call is out with the first state; the second waits for its own time.
    expect(offered(first)).toBe(1);
    await until('the second call', () => states.some((st) => offered(st) === 2));
    const second = states.find((st) => offered(st) === 2)!;
    // It came when the replay clock reached its record (engine time), about a second later (wall time):
    // not with the first (no pacing), nor two seconds or more later (half the speed or slower).
    expect(second.t).toBeGreaterThanOrEqual((s0 + 600) * 1000);
    expect(second.at - first.at).toBeGreaterThanOrEqual(800);
    expect(second.at - first.at).toBeLessThan(2000);
  });
});

describe('FileFollower', () => {
  it('hands over complete lines only, numbered per file', async () => {
    const file = join(tmp.dir, 'log');
    writeFileSync(file, 'a\nb\npart');
    const got: Line[] = [];
    const f = new FileFollower(file, (l) => got.push(...l), { pollMs: 1000 });
    await f.pollOnce();
    expect(got.map((l) => l.text)).toEqual(['a', 'b']);
    appendFileSync(file, 'ial\r\nc\n');
    await f.pollOnce();
    expect(got.map((l) => [l.text, l.lineNo])).toEqual([
      ['a', 1],
      ['b', 2],
      ['partial', 3],
      ['c', 4],
    ]);
    await f.stop();
  });
});

describe('simulator scenario', () => {
  it('runs a built-in scenario paced, its skipped hours included, with nothing rejected', async () => {
    const s = await start({ kind: 'scenario', scenario: 'steady-day', speed: 600, skipMs: 2 * 3_600_000 });
    let snap1: Record<string, unknown> = {};
    await until('a snapshot with events', async () => {
      snap1 = (await getJson(`${s.url}/snapshot`)).body;
      return (snap1.t as number) > 0;
    });
    const h1 = (await getJson(`${s.url}/health`)).body;
    // A second or more of the stream's own wall time (`at`, when a state was published) later.
    let snap2: Record<string, unknown> = {};
    await until('a snapshot a second later', async () => {
      snap2 = (await getJson(`${s.url}/snapshot`)).body;
      return (snap2.at as number) - (snap1.at as number) >= 1000;
    });
    const h2 = (await getJson(`${s.url}/health`)).body;
    const engine = h2.engine as { accepted: number; rejected: number };
    expect(engine.rejected).toBe(0);
    expect(engine.accepted).toBe((h2.source as { events: number }).events);
    expect((h2.source as { events: number }).events).toBeGreaterThan(
      (h1.source as { events: number }).events,
    );
    // The engine's time is the simulation's, moving at about 600x the wall clock: both read from the
    // states themselves (engine time `t` against publication time `at`), not from when this test's
    // requests happened to be answered.
    const pace = ((snap2.t as number) - (snap1.t as number)) / ((snap2.at as number) - (snap1.at as number));
    expect(pace).toBeGreaterThan(300);
    expect(pace).toBeLessThan(1200);
    expect((snap2.scopes as Scopes).all.offered).toBeGreaterThan(0);
  });

  it('a scenario skipped past its end has ended, and says so', async () => {
    const s = await start({ kind: 'scenario', scenario: 'steady-day', speed: 60, skipMs: 10 * 3_600_000 });
    await until('the end', async () => (await getJson(`${s.url}/health`)).status === 503);
    expect((await sourceOf(s)) as unknown).toMatchObject({ alive: false, ended: 'scenario finished' });
  });
});
