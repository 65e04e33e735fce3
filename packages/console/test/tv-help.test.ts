import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { URL_PARAMS } from '../src/tv/layout.js';

const TV = new URL('../src/tv/', import.meta.url);
const PUBLIC = new URL('../public/', import.meta.url);

describe('the floor board names only files that ship', () => {
  // The problems page (board.ts) and anything else under src/tv that points a supervisor at an
  // example: each `/layouts/....json` it names is a file in public/ (the server answers a missing
  // path with the home page and 200, so a wrong name would not even show an error).
  const named = readdirSync(TV)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(new URL(f, TV), 'utf8').matchAll(/\/layouts\/[\w.-]+\.json/g)])
    .map((m) => m[0]);
  it('names at least one example layout', () => expect(named.length).toBeGreaterThan(0));
  for (const path of new Set(named)) {
    it(`${path} exists in public/`, () => expect(existsSync(new URL(`.${path}`, PUBLIC))).toBe(true));
  }
});

describe('the problems page help line', () => {
  const board = readFileSync(new URL('board.ts', TV), 'utf8');
  const help = board.slice(
    board.indexOf('class="help"'),
    board.indexOf('</p>', board.indexOf('class="help"')),
  );
  for (const name of URL_PARAMS)
    it(`names the URL parameter ${name}`, () => expect(help).toContain(`<code>${name}</code>`));
});
