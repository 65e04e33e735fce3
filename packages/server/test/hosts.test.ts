/**
 * DNS rebinding: a page whose name is re-pointed at 127.0.0.1 reaches a loopback server with its own
 * name in Host (and as Origin, so CORS would call it same-origin). A loopback server answers only its
 * own names.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HostPolicy } from '../src/access/hosts.js';
import type { RunningServer } from '../src/app.js';
import { callEvents, toNdjson } from './support/events.js';
import { inProcess, tempDir, until } from './support/servers.js';

const tmp = tempDir();
let server: RunningServer;

beforeAll(async () => {
  const { writeFileSync } = await import('node:fs');
  const file = `${tmp.dir}/events.ndjson`;
  writeFileSync(file, toNdjson(callEvents([{ queue: 'q', calls: 2 }])));
  server = await inProcess({ source: { kind: 'ndjson', file }, origins: ['https://crm.example.com'] });
  await until('a snapshot', () => server.hub.state !== undefined);
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

/** GET with an explicit Host header (fetch would not send a foreign one). */
function get(path: string, host: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { headers: { Host: host, ...(origin ? { Origin: origin } : {}) } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        res.destroy();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function upgrade(host: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws`, { headers: { Host: host } });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => {});
  });
}

describe('Host check on a loopback server', () => {
  it('refuses a rebound name with 421 on every endpoint, WebSocket included', async () => {
    const port = server.port;
    const evil = `evil.example:${port}`;
    for (const path of ['/snapshot', '/health', '/stream', '/']) {
      expect(await get(path, evil, `http://${evil}`), path).toBe(421);
      expect(await get(path, evil), path).toBe(421);
    }
    expect(await upgrade(evil)).toBe(421);
  });

  it('answers its own names and the hosts of --origins', async () => {
    const port = server.port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST.:${port}`,
      `[::1]:${port}`,
      'crm.example.com',
    ]) {
      expect(await get('/snapshot', host), host).toBe(200);
    }
    // The console served by this server still reads it as its own origin.
    expect(await get('/snapshot', `localhost:${port}`, `http://localhost:${port}`)).toBe(200);
    expect(await upgrade(`localhost:${port}`)).toBe(101);
  });

  it('is off when bound beyond loopback (names cannot be known there: use --tokens)', () => {
    expect(new HostPolicy('0.0.0.0', []).allows('anything.example')).toBe(true);
    expect(new HostPolicy('127.0.0.1', []).allows('anything.example')).toBe(false);
    expect(new HostPolicy('localhost', []).allows('127.0.0.1:80')).toBe(true);
    expect(new HostPolicy('127.0.0.2', []).allows('127.0.0.2:8080')).toBe(true);
  });
});
