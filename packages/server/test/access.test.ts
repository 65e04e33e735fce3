import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseTokens, TokenFileError } from '../src/access/tokens.js';
import type { RunningServer } from '../src/app.js';
import { callEvents, T0, toNdjson } from './support/events.js';
import { FeedClient } from './support/feed-client.js';
import { getJson, inProcess, tempDir, until } from './support/servers.js';

const TOKENS = {
  'acme-board-7f3k': ['partner:acme'],
  'globex-board-9q2': ['partner:globex'],
  'floor-tv-all-x1': ['*'],
  'crm-sales-only-1': ['queue:sales'],
};
const ORIGIN = 'https://crm.example.com';

let server: RunningServer;
let tmp: ReturnType<typeof tempDir>;
let file: string;

/** Scopes acme may see, worked out from the traffic: its own queues and teams and its partner scope. */
const ACME = ['partner:acme', 'queue:acme-1', 'queue:acme-2', 'team:acme-team'];

beforeAll(async () => {
  tmp = tempDir();
  file = join(tmp.dir, 'events.ndjson');
  const agents = [
    { type: 'agent.state', t: T0, agent: 'a1', state: 'available', team: 'acme-team', partner: 'acme' },
    { type: 'agent.state', t: T0, agent: 'g1', state: 'available', team: 'globex-team', partner: 'globex' },
    { type: 'agent.state', t: T0, agent: 's1', state: 'available', team: 'shared', partner: 'acme' },
    { type: 'agent.state', t: T0, agent: 's2', state: 'available', team: 'shared', partner: 'globex' },
  ];
  const calls = callEvents([
    { queue: 'acme-1', partner: 'acme', calls: 5 },
    { queue: 'acme-2', partner: 'acme', calls: 3 },
    { queue: 'globex-1', partner: 'globex', calls: 4 },
    { queue: 'sales', calls: 6 },
  ]);
  writeFileSync(file, toNdjson([...agents, ...calls]));
  server = await inProcess({
    source: { kind: 'ndjson', file },
    tokens: parseTokens(JSON.stringify(TOKENS)),
    origins: [ORIGIN],
  });
  await until('a snapshot', () => server.hub.state !== undefined);
});

afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

describe('tokens', () => {
  it('401 without a token, 403 with a wrong one, on every data endpoint', async () => {
    for (const path of ['/snapshot', '/stream']) {
      const none = await fetch(`${server.url}${path}`);
      expect(none.status, path).toBe(401);
      expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(`${server.url}${path}?token=wrong-token-123`)).status, path).toBe(403);
      expect(
        (await fetch(`${server.url}${path}`, { headers: { Authorization: 'Bearer nope-nope-nope' } })).status,
      ).toBe(403);
    }
    const ws = new FeedClient({ urls: [server.url], transport: 'ws', token: 'wrong-token-123' }).start();
    await ws.waitFor('the refusal', () => ws.status !== undefined);
    expect(ws.status).toBe(403);
    ws.close();
    // Health says nothing about figures and needs no token.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('accepts the token as a bearer header or a query parameter', async () => {
    const a = await getJson(`${server.url}/snapshot`, { Authorization: 'Bearer floor-tv-all-x1' });
    const b = await getJson(`${server.url}/snapshot?token=floor-tv-all-x1`);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(Object.keys(a.body.scopes as object)).toContain('queue:globex-1');
  });

  it("an outsourcer's token sees its own queues, teams and partner scope, and nothing else", async () => {
    const snap = await getJson(`${server.url}/snapshot?token=acme-board-7f3k`);
    expect(Object.keys(snap.body.scopes as object).sort()).toEqual(ACME);
    // Asking for more does not give more.
    const greedy = await getJson(
      `${server.url}/snapshot?token=acme-board-7f3k&scopes=all,queue:globex-1,queue:acme-1`,
    );
    expect(Object.keys(greedy.body.scopes as object)).toEqual(['queue:acme-1']);

    const clients = ['sse', 'ws'].map((transport) =>
      new FeedClient({
        urls: [server.url],
        transport: transport as 'sse' | 'ws',
        token: 'acme-board-7f3k',
      }).start(),
    );
    const full = new FeedClient({
      urls: [server.url],
      transport: 'sse',
      token: 'acme-board-7f3k',
      delta: false,
    }).start();
    try {
      // New traffic for everyone, including a queue acme gets later and one it never gets.
      appendFileSync(
        file,
        toNdjson(
          callEvents(
            [
              { queue: 'acme-3', partner: 'acme', calls: 2 },
              { queue: 'globex-2', partner: 'globex', calls: 2 },
              { queue: 'sales', calls: 2 },
            ],
            T0 + 8 * 60_000,
          ),
        ),
      );
      for (const c of [...clients, full]) {
        await c.waitFor('acme-3', () => c.state?.scopes['queue:acme-3']?.offered === 2);
      }
      for (const c of [...clients, full]) {
        // Every message each client ever got, whole or patch, names only acme's scopes.
        for (const m of c.messages) {
          for (const k of [...Object.keys(m.scopes), ...(m.removed ?? [])]) {
            expect([...ACME, 'queue:acme-3'], `${c.options.transport} seq ${m.seq}`).toContain(k);
          }
        }
        expect(Object.keys(c.state?.scopes ?? {}).sort()).toEqual([...ACME, 'queue:acme-3'].sort());
      }
    } finally {
      for (const c of [...clients, full]) c.close();
    }
  });

  it('a token for one queue sees that queue only', async () => {
    const snap = await getJson(`${server.url}/snapshot?token=crm-sales-only-1`);
    expect(Object.keys(snap.body.scopes as object)).toEqual(['queue:sales']);
  });

  it('rejects bad token files with a message naming the entry, never the token', () => {
    expect(() => parseTokens('[]')).toThrow(TokenFileError);
    expect(() => parseTokens('{"short": ["*"]}')).toThrow(/entry 1: the token is shorter than 8/);
    // The server does not look up a presented token over 512 characters, so a file token that long
    // could never be used.
    expect(() => parseTokens(JSON.stringify({ ['x'.repeat(513)]: ['*'] }))).toThrow(
      /entry 1: the token is longer than 512 characters/,
    );
    expect(parseTokens(JSON.stringify({ ['x'.repeat(512)]: ['*'] })).size).toBe(1);
    expect(() => parseTokens('{"long-enough-1": []}')).toThrow(/entry 1 must map to a non-empty list/);
    expect(() => parseTokens('{"long-enough-1": ["*"], "long-enough-2": ["bogus scope"]}')).toThrow(
      /entry 2: "bogus scope" is not a scope grant/,
    );
    try {
      parseTokens('{"s3cr3t-t0ken": [1]}');
    } catch (err) {
      expect((err as Error).message).not.toContain('s3cr3t');
    }
  });
});

describe('CORS', () => {
  it('lets listed origins read, with the origin echoed; others get no data', async () => {
    const ok = await fetch(`${server.url}/snapshot?token=floor-tv-all-x1`, { headers: { Origin: ORIGIN } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('vary')).toBe('Origin');
    const bad = await fetch(`${server.url}/snapshot?token=floor-tv-all-x1`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const stream = await fetch(`${server.url}/stream?token=floor-tv-all-x1`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(stream.status).toBe(403);
  });

  it('answers preflights for listed origins only', async () => {
    const pre = await fetch(`${server.url}/stream`, {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Headers': 'authorization,last-event-id' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('Authorization, Last-Event-ID');
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    const no = await fetch(`${server.url}/stream`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example' },
    });
    expect(no.status).toBe(403);
  });

  it('refuses WebSocket upgrades from unlisted origins (browsers do not apply CORS to them)', async () => {
    const status = (origin: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws?token=floor-tv-all-x1`, { origin });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          resolve(101);
          ws.close();
        });
        ws.on('error', () => {});
      });
    expect(await status('https://evil.example')).toBe(403);
    expect(await status(ORIGIN)).toBe(101);
  });
});
