import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../src/app.js';
import { callEvents, toNdjson } from './support/events.js';
import { FeedClient } from './support/feed-client.js';
import { inProcess, tempDir, until } from './support/servers.js';

let server: RunningServer;
let eventCount = 0;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir();
  const file = join(tmp.dir, 'events.ndjson');
  // 150 queues: a whole snapshot of a few hundred KB, so a stalled reader fills its buffers quickly.
  const queues = Array.from({ length: 150 }, (_, i) => ({ queue: `q${i}`, calls: 2 }));
  const events = callEvents(queues);
  eventCount = events.length;
  writeFileSync(file, toNdjson(events));
  server = await inProcess({ source: { kind: 'ndjson', file }, publishMs: 50, maxBufferBytes: 256 * 1024 });
  await until('a snapshot', () => server.hub.state !== undefined);
});

afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

const seqsOf = (c: FeedClient) => c.messages.map((m) => m.seq);
const consecutive = (xs: number[]) => xs.every((x, i) => i === 0 || x === xs[i - 1] + 1);

describe('resuming', () => {
  it('SSE: a client back with Last-Event-ID gets exactly the frames it missed', async () => {
    const a = new FeedClient({ urls: [server.url], transport: 'sse' }).start();
    await a.waitFor('a few frames', () => a.messages.length >= 3);
    a.close();
    const last = a.state!;
    await until('4 more frames', () => (server.hub.state?.seq ?? 0) >= last.seq + 4);
    const b = new FeedClient({
      urls: [server.url],
      transport: 'sse',
      since: last,
      lastEventIdHeader: true,
    }).start();
    try {
      await b.waitFor('the missed frames', () => b.messages.length >= 4);
      expect(b.messages[0]).toMatchObject({ type: 'delta', base: last.seq, seq: last.seq + 1 });
      expect(b.messages.every((m) => m.type === 'delta')).toBe(true);
      expect(consecutive(seqsOf(b))).toBe(true);
      expect(b.protocolErrors).toBe(0);
      // Patched forward from the old state, it agrees with the server's state of the same seq.
      let pair: [unknown, unknown] | undefined;
      await until('the same seq', () => {
        const hub = server.hub.state;
        if (hub && b.state?.seq === hub.seq) pair = [b.state.scopes, JSON.parse(JSON.stringify(hub.scopes))];
        return pair !== undefined;
      });
      expect(pair?.[0]).toEqual(pair?.[1]);
    } finally {
      b.close();
    }
  });

  it('WebSocket: `since` in the URL, or a resume message, continues without a gap', async () => {
    const a = new FeedClient({ urls: [server.url], transport: 'ws' }).start();
    await a.waitFor('frames', () => a.messages.length >= 3);
    a.close();
    const last = a.state!;
    await until('3 more frames', () => (server.hub.state?.seq ?? 0) >= last.seq + 3);
    const b = new FeedClient({ urls: [server.url], transport: 'ws', since: last }).start();
    try {
      await b.waitFor('the missed frames', () => b.messages.length >= 3);
      expect(b.messages[0]).toMatchObject({ type: 'delta', base: last.seq });
      expect(consecutive(seqsOf(b))).toBe(true);
      expect(b.protocolErrors).toBe(0);
    } finally {
      b.close();
    }
    // The resume message, on an open connection.
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws?delta=1`);
    const got: Array<{ type: string; seq: number; base?: number }> = [];
    ws.on('message', (d) => got.push(JSON.parse(d.toString())));
    await until('the first snapshot', () => got.length >= 1);
    const from = server.hub.state!.seq;
    await until('2 more frames', () => (server.hub.state?.seq ?? 0) >= from + 2);
    got.length = 0;
    ws.send(JSON.stringify({ type: 'resume', since: from - 1, stream: server.hub.state!.stream }));
    await until('the replay', () => got.some((m) => m.base === from - 1));
    ws.close();
  });

  it('a Last-Event-ID from another stream (a restarted server) gets the whole state', async () => {
    const c = new FeedClient({
      urls: [server.url],
      transport: 'sse',
      since: { stream: 'old-stream', seq: 5 },
      lastEventIdHeader: true,
    }).start();
    const d = new FeedClient({
      urls: [server.url],
      transport: 'sse',
      since: { stream: 'old-stream', seq: server.hub.state!.seq - 1 },
    }).start();
    try {
      await c.waitFor('a message', () => c.messages.length >= 1);
      await d.waitFor('a message', () => d.messages.length >= 1);
      expect(c.messages[0].type).toBe('snapshot');
      expect(d.messages[0].type).toBe('snapshot');
    } finally {
      c.close();
      d.close();
    }
  });
});

describe('slow clients', () => {
  it('a client that stops reading does not delay the others, and its buffer stays bounded', async () => {
    const others = [
      new FeedClient({ urls: [server.url], transport: 'sse' }).start(),
      new FeedClient({ urls: [server.url], transport: 'ws' }).start(),
    ];
    // A full-snapshot SSE reader that reads nothing after its request.
    const port = Number(new URL(server.url).port);
    const stalled = connect(port, '127.0.0.1');
    stalled.write('GET /stream HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    stalled.pause();
    try {
      await until('the stalled client to fall behind', () => server.feed.stats().behind >= 1, 15_000);
      const startSeq = server.hub.state!.seq;
      for (const c of others) c.messages.length = 0;
      await until('20 more frames', () => (server.hub.state?.seq ?? 0) >= startSeq + 20);
      await until(
        'the others to catch up',
        () => others.every((c) => c.state?.seq === server.hub.state?.seq),
        5000,
      );
      for (const c of others) {
        expect(consecutive(seqsOf(c)), c.options.transport).toBe(true);
        expect(c.messages.length).toBeGreaterThanOrEqual(20);
        expect(c.protocolErrors).toBe(0);
        const lag = Math.max(...c.messages.map((m) => m.receivedAt - m.at));
        expect(lag, `${c.options.transport} worst delivery (ms)`).toBeLessThan(1000);
      }
      // Bounded: under the limit plus the one message that crossed it.
      const snapshotChars =
        server.feed.clientBuffers().length > 0 ? JSON.stringify(server.hub.state).length : 0;
      expect(Math.max(...server.feed.clientBuffers())).toBeLessThanOrEqual(256 * 1024 + snapshotChars);
      expect(server.feed.stats().dropped).toBeGreaterThan(0);
      // Reading again, it is sent the latest state whole and is no longer behind.
      const resyncsBefore = server.feed.stats().resyncs;
      stalled.resume();
      await until('it to catch up', () => server.feed.stats().behind === 0, 15_000);
      await until('a resync', () => server.feed.stats().resyncs > resyncsBefore, 5000);
    } finally {
      stalled.destroy();
      for (const c of others) c.close();
    }
  });
});

describe('WebSocket messages from clients', () => {
  const open = async (onMsg?: (s: string) => void) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`);
    if (onMsg) ws.on('message', (d) => onMsg(d.toString()));
    await new Promise((r) => ws.once('open', r));
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    return { ws, closed };
  };

  it('answers ping with pong', async () => {
    const got: string[] = [];
    const { ws } = await open((s) => got.push(s));
    ws.send('{"type":"ping"}');
    await until('pong', () => got.includes('{"type":"pong"}'));
    ws.close();
  });

  it('closes on anything outside ping and resume: events, garbage, binary, big or fast messages', async () => {
    const event = await open();
    event.ws.send(JSON.stringify({ type: 'call.queued', t: Date.now(), call: 'x', queue: 'q0' }));
    expect(await event.closed).toBe(1008);
    const garbage = await open();
    garbage.ws.send('not json');
    expect(await garbage.closed).toBe(1008);
    const binary = await open();
    binary.ws.send(Buffer.from([1, 2, 3]));
    expect(await binary.closed).toBe(1003);
    const big = await open();
    big.ws.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(4096) }));
    expect(await big.closed).toBe(1009);
    const fast = await open();
    for (let i = 0; i < 40; i++) fast.ws.send('{"type":"ping"}');
    expect(await fast.closed).toBe(1001);
    // None of it reached the engine.
    expect(server.engine?.diagnostics().accepted).toBe(eventCount);
  });
});
