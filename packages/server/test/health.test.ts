/**
 * /health needs no token, so it says counts and reasons only: the latest bad lines (which start with the
 * raw source text, where a caller's number may be) are for a `*` token, or a local `?detail=1` without
 * --tokens.
 */
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTokens } from '../src/access/tokens.js';
import { redactHealth } from '../src/http/server.js';
import { inProcess, tempDir, until } from './support/servers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SECRET = 'caller +44 7700 900123';

/** GET with a Host header of our choosing (fetch does not let a caller set it). */
function hostGet(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function health(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  const body = JSON.parse(text) as {
    detail: boolean;
    source: { bad: number; badReasons: Record<string, number>; recentBad?: unknown[] };
  };
  return { status: res.status, text, body };
}

describe('/health detail', () => {
  it('shows bad lines only to a * token; no token or a partner token gets counts and reasons', async () => {
    // A queue_log's bad line is quoted in its diagnostic: here, one with a caller's number.
    const file = join(tmp.dir, 'queue_log');
    writeFileSync(file, `${SECRET}\n`);
    const server = await inProcess({
      source: { kind: 'queue_log', file },
      tokens: parseTokens(JSON.stringify({ 'floor-tv-all': ['*'], 'acme-board-1': ['partner:acme'] })),
    });
    try {
      await until('the bad line', () => server.source?.status.bad === 1);
      const asked: Array<Record<string, string>> = [
        {},
        { Authorization: 'Bearer acme-board-1' },
        { Authorization: 'Bearer wrong-token-1' },
      ];
      for (const headers of asked) {
        const h = await health(`${server.url}/health`, headers);
        expect(h.status).toBe(200);
        expect(h.body.detail).toBe(false);
        expect(h.body.source.bad).toBe(1);
        expect(Object.keys(h.body.source.badReasons)).toHaveLength(1);
        expect(h.body.source.recentBad).toBeUndefined();
        expect(h.text).not.toContain('7700');
      }
      const full = await health(`${server.url}/health`, { Authorization: 'Bearer floor-tv-all' });
      expect(full.body.detail).toBe(true);
      expect(full.body.source.recentBad).toHaveLength(1);
      expect(full.text).toContain('7700');
      expect((await health(`${server.url}/health?token=floor-tv-all`)).body.detail).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('without --tokens, details only when asked for from this machine', async () => {
    const file = join(tmp.dir, 'open_queue_log');
    writeFileSync(file, `${SECRET}\n`);
    // crm.example.com is a name this server answers to (--origins), as behind a proxy on this machine.
    const server = await inProcess({
      source: { kind: 'queue_log', file },
      origins: ['https://crm.example.com'],
    });
    try {
      await until('the bad line', () => server.source?.status.bad === 1);
      const plain = await health(`${server.url}/health`);
      expect(plain.body.source.recentBad).toBeUndefined();
      expect(plain.text).not.toContain('7700');
      const asked = await health(`${server.url}/health?detail=1`);
      expect(asked.body.detail).toBe(true);
      expect(asked.text).toContain('7700');
      // From this machine but addressed to another name (a local proxy forwarding an outside request, a
      // DNS-rebound page): no details.
      const proxied = await hostGet(`${server.url}/health?detail=1`, 'crm.example.com');
      expect(proxied.status).toBe(200);
      expect(proxied.body).not.toContain('7700');
    } finally {
      await server.close();
    }
  });

  it("strips a subscriber's copy of its publisher's bad lines too", () => {
    const h = {
      ok: true,
      publisher: { source: { bad: 2, badReasons: { 'bad-json': 2 }, recentBad: [{ detail: SECRET }] } },
    };
    expect(redactHealth(h)).toEqual({
      ok: true,
      publisher: { source: { bad: 2, badReasons: { 'bad-json': 2 } } },
    });
  });
});
