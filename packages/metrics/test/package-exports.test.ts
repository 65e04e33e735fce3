/** Every path package.json promises (exports, bin) exists, so an import of a subpath cannot fail. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

function targets(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.values(v).flatMap(targets);
  return [];
}

describe('package.json', () => {
  it.each(Object.entries(pkg.exports as Record<string, unknown>))(
    'export %s points at files that exist',
    (_, v) => {
      for (const t of targets(v)) expect(existsSync(new URL(t, root)), t).toBe(true);
    },
  );

  it('bin points at a file that exists', () => {
    for (const t of targets(pkg.bin)) expect(existsSync(new URL(t, root)), t).toBe(true);
  });
});
