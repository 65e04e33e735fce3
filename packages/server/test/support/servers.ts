/**
 * Servers for tests: in-process instances (and, from processes.ts, the built CLI as a child process and
 * a private redis-server), plus small HTTP helpers.
 */
import { afterAll } from 'vitest';
import { DEFAULTS, type RunningServer, type ServerConfig, startServer } from '../../src/app.js';
import { killAll } from './processes.js';

export * from './processes.js';

// Registered on the file of every test that imports this module: after its own afterAll hooks (which
// stop what they started), whatever child process is still alive, however it was left (a test that timed
// out while a server was starting), is killed before the next file runs.
afterAll(killAll);

export function config(overrides: Partial<ServerConfig>): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    origins: [],
    redisNamespace: `wb-test-${process.pid}`,
    engine: { timeZone: 'UTC' },
    publishMs: 50,
    pollMs: 30,
    ringSize: 200,
    maxBufferBytes: DEFAULTS.maxBufferBytes,
    stallTimeoutMs: DEFAULTS.stallTimeoutMs,
    heartbeatMs: 1000,
    maxClients: 1000,
    wsMaxMessageBytes: DEFAULTS.wsMaxMessageBytes,
    wsRatePerSec: DEFAULTS.wsRatePerSec,
    wsBurst: DEFAULTS.wsBurst,
    log: () => {},
    ...overrides,
  };
}

export async function inProcess(overrides: Partial<ServerConfig>): Promise<RunningServer> {
  return startServer(config(overrides));
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Response['headers']; body: Record<string, unknown> }> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, unknown> };
}

export async function until(what: string, pred: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
