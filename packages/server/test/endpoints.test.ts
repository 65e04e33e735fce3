import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/app.js';
import { callEvents, expectedCounts, toNdjson } from './support/events.js';
import { FeedClient } from './support/feed-client.js';
import { getJson, inProcess, tempDir, until } from './support/servers.js';

const events = callEvents([
  { queue: 'sales', calls: 12 },
  { queue: 'support', partner: 'acme', calls: 8 },
]);
const expected = expectedCounts(events);

let server: RunningServer;
let tmp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  tmp = tempDir();
  const file = join(tmp.dir, 'events.ndjson');
  writeFileSync(file, toNdjson(events));
  const consoleDir = join(tmp.dir, 'console');
  mkdirSync(join(consoleDir, 'assets'), { recursive: true });
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(consoleDir, 'tv.html'), '<!doctype html><title>tv</title>');
  writeFileSync(join(consoleDir, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'not for you');
  server = await inProcess({ source: { kind: 'ndjson', file }, consoleDir });
  await until('a snapshot', () => server.hub.state !== undefined);
});

afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

describe('endpoints', () => {
  it('GET /health is 200 while the source is alive, with its counts', async () => {
    const { status, body } = await getJson(`${server.url}/health`);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.role).toBe('standalone');
    expect((body.source as { events: number }).events).toBe(events.length);
    expect((body.source as { bad: number }).bad).toBe(0);
  });

  it('GET /snapshot is the latest state with the report scope keys and figures', async () => {
    const { status, headers, body } = await getJson(`${server.url}/snapshot`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    // The latest at the time of the request (the stream has moved on since, by a tick or two).
    expect(body.seq).toBeLessThanOrEqual(server.hub.state!.seq);
    expect(body.seq).toBeGreaterThan(server.hub.state!.seq - 10);
    expect(body.stream).toBe(server.hub.state?.stream);
    expect(typeof body.t).toBe('number');
    const scopes = body.scopes as Record<string, Record<string, number>>;
    for (const [k, want] of Object.entries(expected)) {
      expect(scopes[k].offered).toBe(want.offered);
      expect(scopes[k].answered).toBe(want.answered);
      expect(scopes[k].abandoned).toBe(want.abandoned);
    }
    expect(scopes.all.offered).toBe(expected['queue:sales'].offered + expected['queue:support'].offered);
    expect(scopes['partner:acme'].offered).toBe(expected['queue:support'].offered);
  });

  it('GET /stream sends the whole state, then (with delta=1) patches in sequence', async () => {
    const sse = new FeedClient({ urls: [server.url], transport: 'sse' }).start();
    const full = new FeedClient({ urls: [server.url], transport: 'sse', delta: false }).start();
    try {
      await sse.waitFor('three messages', () => sse.messages.length >= 3);
      await full.waitFor('two messages', () => full.messages.length >= 2);
      expect(sse.messages[0].type).toBe('snapshot');
      expect(sse.messages.slice(1).every((m) => m.type === 'delta')).toBe(true);
      const seqs = sse.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      expect(sse.protocolErrors).toBe(0);
      expect(full.messages.every((m) => m.type === 'snapshot')).toBe(true);
      // The patched state and a whole snapshot of the same seq agree.
      await until('same seq', () => sse.state?.seq === full.state?.seq, 5000);
      expect(sse.state?.scopes).toEqual(full.state?.scopes);
    } finally {
      sse.close();
      full.close();
    }
  });

  it('GET /ws sends the same messages over a WebSocket', async () => {
    const ws = new FeedClient({ urls: [server.url], transport: 'ws' }).start();
    try {
      await ws.waitFor('two messages', () => ws.messages.length >= 2);
      expect(ws.messages[0].type).toBe('snapshot');
      expect(ws.messages[1]).toMatchObject({ type: 'delta', base: ws.messages[0].seq });
      expect(ws.state?.scopes['queue:sales'].offered).toBe(expected['queue:sales'].offered);
    } finally {
      ws.close();
    }
  });

  it('takes no writes: every other method is 405, /ws without upgrade is 426', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      for (const path of ['/stream', '/snapshot', '/events', '/']) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          body: method === 'DELETE' ? undefined : '{}',
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      }
    }
    expect((await fetch(`${server.url}/ws`)).status).toBe(426);
  });

  it('serves the built console read-only and nothing outside it', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>console</title>');
    expect(await (await fetch(`${server.url}/tv.html`)).text()).toContain('<title>tv</title>');
    const js = await fetch(`${server.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/nope.html']) {
      expect((await fetch(`${server.url}${p}`)).status, p).toBe(404);
    }
  });

  it('says how to build the console when there is none', async () => {
    const bare = await inProcess({
      source: { kind: 'ndjson', file: join(tmp.dir, 'events.ndjson') },
      consoleDir: join(tmp.dir, 'missing'),
    });
    try {
      const res = await fetch(`${bare.url}/tv.html`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('pnpm -r build');
    } finally {
      await bare.close();
    }
  });
});
