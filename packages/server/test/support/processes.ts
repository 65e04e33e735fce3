/**
 * Processes for tests and the load benchmark, all on loopback with OS-assigned ports: the built CLI as a
 * child process (so a test can kill -9 it) and a private redis-server in a temp directory.
 *
 * Every process is registered the moment it is spawned, not when it has started: a test that times out
 * while a server is still starting would otherwise leave it running (holding its port) after the test
 * run. `killAll` (servers.ts runs it after each test file) finishes off whatever is still alive.
 */
import { type ChildProcess, type ChildProcessByStdio, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const live = new Set<ChildProcess>();
let closed = false;

const alive = (proc: ChildProcess) => proc.exitCode === null && proc.signalCode === null;

/**
 * Spawns and registers at once. After `killAll` a late spawn (the rest of a test that timed out, going on
 * after its file's teardown) is killed at once: each test file has its own copy of this module.
 */
function track(command: string, args: string[]): ChildProcessByStdio<null, Readable, Readable> {
  const proc = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  proc.once('exit', () => live.delete(proc));
  // A failed spawn (no such binary) emits 'error' and never 'exit'.
  proc.once('error', () => live.delete(proc));
  if (closed) proc.kill('SIGKILL');
  return proc;
}

/** SIGKILLs every process spawned here that is still alive and waits for them to exit. */
export async function killAll(): Promise<void> {
  closed = true;
  await Promise.all(
    [...live].map(
      (proc) =>
        new Promise<void>((resolve) => {
          if (!alive(proc)) return resolve();
          proc.once('exit', () => resolve());
          proc.kill('SIGKILL');
        }),
    ),
  );
}

// A plain Node process (the benchmark) that exits takes its children with it. (A vitest worker is ended
// without this firing: there, servers.ts's afterAll(killAll) is what does it.)
process.once('exit', () => {
  for (const proc of live) if (alive(proc)) proc.kill('SIGKILL');
});

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'wb-server-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The package's bin, from this module as a test runs it (test/support/) or bundled (dist/bench.js). */
export const BIN = ['../../bin/wallboard-server.js', '../bin/wallboard-server.js']
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .find((p) => existsSync(p)) as string;

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built CLI; resolves with its URL once it says it is listening. */
export async function spawnServer(args: string[], timeoutMs = 10_000): Promise<ChildServer> {
  const proc = track(process.execPath, [BIN, ...args]);
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running: nobody gets a handle to kill it.
      proc.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    proc.stdout?.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${err}`));
    });
  });
  return {
    url,
    proc,
    stdout: () => out,
    stderr: () => err,
    kill: async (signal = 'SIGKILL') => {
      if (alive(proc)) proc.kill(signal);
      // A graceful stop that hangs is finished off.
      const force = signal === 'SIGKILL' ? undefined : setTimeout(() => proc.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(force);
    },
  };
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A private redis-server on a free loopback port, no persistence, in a temp directory; with a
 * password, its URL logs in as the default user (`redis://default:PASSWORD@...`).
 */
export async function startRedis(password?: string): Promise<RedisServer> {
  const port = await freePort();
  const { dir, cleanup } = tempDir();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ];
  if (password !== undefined) args.push('--requirepass', password);
  const proc = track('redis-server', args);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`redis-server did not start: ${out}`));
    }, 10_000);
    proc.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('error', (e) => reject(e));
    proc.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    url: `redis://${password === undefined ? '' : `default:${password}@`}127.0.0.1:${port}`,
    stop: async () => {
      proc.kill('SIGKILL');
      await exited;
      cleanup();
    },
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI to its end (flag and message checks; a refused start). Not spawnSync: a server in
 * this process (a Redis publisher renewing its lock) goes on meanwhile.
 */
export function runServer(args: string[], timeoutMs = 15_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const proc = track(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => {
      stdout += d;
    });
    proc.stderr.on('data', (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
