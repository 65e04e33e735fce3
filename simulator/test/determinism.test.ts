import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NAMES, builtInScenario } from '../src/scenario/library.js';
import { fingerprint } from './support/ndjson-hash.js';

describe('determinism', () => {
  it('same scenario and seed give byte-identical NDJSON, run after run; another seed gives another run', () => {
    for (const name of BUILT_IN_NAMES) {
      const a = fingerprint(builtInScenario(name));
      const b = fingerprint(builtInScenario(name));
      expect(b.hash, name).toBe(a.hash);
      expect(a.events, name).toBeGreaterThan(1000);
    }
    expect(fingerprint(builtInScenario('steady-day'), 2).hash).not.toBe(
      fingerprint(builtInScenario('steady-day')).hash,
    );
  });

  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  it('the browser build (headless Chromium) produces the same NDJSON as Node', {
    timeout: 60_000,
  }, async () => {
    expect(existsSync(chromium), `Chromium not found at ${chromium} (set CHROME_PATH)`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'wb-sim-det-'));
    try {
      // platform "browser": a Node built-in anywhere in the core would fail this bundle.
      const bundle = await build({
        entryPoints: [new URL('./support/browser-entry.ts', import.meta.url).pathname],
        bundle: true,
        write: false,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        logLevel: 'silent',
      });
      const js = bundle.outputFiles[0].text.replaceAll('</script', '<\\/script');
      const page = join(dir, 'index.html');
      writeFileSync(
        page,
        `<!doctype html><html><body><pre id="out">pending</pre><script>${js}</script></body></html>`,
      );
      const dom = execFileSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--dump-dom',
          `file://${page}`,
        ],
        { encoding: 'utf8', timeout: 50_000, stdio: ['ignore', 'pipe', 'ignore'] },
      );
      const text = /<pre id="out">([^<]*)<\/pre>/.exec(dom)?.[1] ?? dom;
      const browser = JSON.parse(text.replaceAll('&quot;', '"'));
      const node = Object.fromEntries(
        Object.keys(browser).map((n) => [n, fingerprint(builtInScenario(n)).hash]),
      );
      // Every built-in scenario, floor-1000 included.
      expect(Object.keys(browser)).toEqual([...BUILT_IN_NAMES]);
      expect(BUILT_IN_NAMES).toHaveLength(7);
      expect(browser).toEqual(node);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
