/**
 * Processes for tests and the load benchmark, all on loopback with OS-assigned ports: the built CLI as a
 * child process (so a test can kill -9 it) and a private redis-server in a temp directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const proc = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), timeoutMs);
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
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
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
  const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
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
    const proc = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
