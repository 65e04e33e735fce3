/**
 * `virtual:wallboard-manifest`: the widgets' custom-elements.json, made fresh when it is missing (a new
 * clone before `pnpm build`) or older than the widgets' sources (a widget added or edited since), by the
 * same `cem analyze` the widgets' build runs. Stories and docs then always describe the current code.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const widgets = join(dirname(fileURLToPath(import.meta.url)), '../../packages/widgets');
const manifestPath = join(widgets, 'custom-elements.json');
const ID = 'virtual:wallboard-manifest';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureManifest(): string {
  const stale =
    !existsSync(manifestPath) || statSync(manifestPath).mtimeMs < newestSource(join(widgets, 'src'));
  if (stale) {
    const cem = join(widgets, 'node_modules/.bin/cem');
    try {
      execFileSync(cem, ['analyze', '--quiet'], { cwd: widgets, stdio: 'inherit' });
    } catch (error) {
      if (!existsSync(manifestPath)) {
        throw new Error(`could not make ${manifestPath} with ${cem}: ${(error as Error).message}`);
      }
      // A stale manifest still documents every widget but the newest edits: keep going with it.
      console.warn(`[stories] ${manifestPath} may be out of date: cem analyze failed`);
    }
  }
  return manifestPath;
}

export function wallboardManifest(): Plugin {
  return {
    name: 'wallboard-manifest',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      const path = ensureManifest();
      this.addWatchFile(path);
      return `export default ${readFileSync(path, 'utf8')};`;
    },
  };
}
