/**
 * Serves the built console (packages/console/dist) with `vite preview` on a free loopback port, as
 * `pnpm preview` does; builds it first when dist is missing (the root test command builds everything).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const CONSOLE_DIR = fileURLToPath(new URL('../../../packages/console/', import.meta.url));
const VITE = `${CONSOLE_DIR}node_modules/vite/bin/vite.js`;

/** A loopback port nothing listens on (for a server the test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ConsoleServer {
  url: string;
  stop(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleServer> {
  if (!existsSync(`${CONSOLE_DIR}dist/index.html`) || !existsSync(`${CONSOLE_DIR}dist/wallboard.js`)) {
    const built = spawnSync(process.execPath, [VITE, 'build'], { cwd: CONSOLE_DIR, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the console failed (is packages/widgets built?)');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: CONSOLE_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited: ${output}`);
    try {
      const res = await fetch(`${url}/index.html`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not answer on ${url} within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
