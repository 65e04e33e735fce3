// web-test-runner plugin for the live-feed tests: starts a real wallboard-server (packages/server, built
// here first) on a loopback port fed by an NDJSON file that the test appends to, and lets the test kill
// and restart it. Commands (from the page via executeServerCommand):
//   live-server-start {tokens}   -> {url}     live-server-append {text}
//   live-server-kill  (SIGKILL)               live-server-restart (same port, same file)
//   live-server-stop
// Every server is stopped when the test run ends.
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export function liveServerPlugin(serverPackageDir) {
  let origins = '';
  let dir;
  let current; // { proc, args, url, exited }

  const launch = (args) =>
    new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, [join(serverPackageDir, 'bin/wallboard-server.js'), ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      const exited = new Promise((r) => proc.once('exit', r));
      const timer = setTimeout(() => reject(new Error(`wallboard-server did not start: ${err}`)), 15000);
      proc.stderr.on('data', (d) => {
        err += d;
      });
      proc.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/listening on (http:\/\/\S+)/);
        if (m) {
          clearTimeout(timer);
          resolve({ proc, args, url: m[1], exited });
        }
      });
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`wallboard-server exited with ${code}: ${err}`));
      });
    });

  const kill = async () => {
    if (!current) return;
    if (current.proc.exitCode === null && current.proc.signalCode === null) current.proc.kill('SIGKILL');
    await current.exited;
  };

  return {
    name: 'wb-live-server',
    serverStart({ config }) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverPackageDir, stdio: 'inherit' });
      origins = [`http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`].join(',');
    },
    async serverStop() {
      await kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      switch (command) {
        case 'live-server-start': {
          await kill();
          if (dir) rmSync(dir, { recursive: true, force: true });
          dir = mkdtempSync(join(tmpdir(), 'wb-live-'));
          const feed = join(dir, 'feed.ndjson');
          writeFileSync(feed, '');
          const tokens = join(dir, 'tokens.json');
          writeFileSync(tokens, JSON.stringify(payload?.tokens ?? { 'test-token-all': ['*'] }));
          const port = await freePort();
          const args = ['--ndjson', feed, '--port', String(port), '--tokens', tokens, '--origins', origins];
          args.push('--publish-ms', '100', '--time-zone', 'UTC');
          current = await launch(args);
          return { url: current.url };
        }
        case 'live-server-append':
          appendFileSync(join(dir, 'feed.ndjson'), payload.text);
          return true;
        case 'live-server-kill':
          await kill();
          return true;
        case 'live-server-restart':
          await kill();
          current = await launch(current.args);
          return { url: current.url };
        case 'live-server-stop':
          await kill();
          return true;
        default:
          return undefined;
      }
    },
  };
}
