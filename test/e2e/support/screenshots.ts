/**
 * Screenshot baselines: each page's picture is kept in test/screenshots/baseline/ and compared with a
 * tolerance (pixelmatch, per-pixel threshold 0.1, at most 0.5% of the pixels may differ). A missing
 * baseline fails; `UPDATE_SNAPSHOTS=1` writes new ones (look at them, then commit). A failed
 * comparison leaves the actual and diff pictures in test/screenshots/failed/ (ignored by git).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const MAX_DIFF_RATIO = 0.005;

export interface Comparison {
  ok: boolean;
  message: string;
}

export function compareWithBaseline(name: string, actual: Buffer): Comparison {
  const baselinePath = `${DIR}baseline/${name}.png`;
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(`${DIR}baseline`, { recursive: true });
    writeFileSync(baselinePath, actual);
    return { ok: true, message: `wrote ${baselinePath}` };
  }
  if (!existsSync(baselinePath))
    return {
      ok: false,
      message: `no baseline ${baselinePath}: run UPDATE_SNAPSHOTS=1 pnpm --filter @wallboard/e2e test`,
    };
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(readFileSync(baselinePath));
  const fail = (message: string, diff?: PNG): Comparison => {
    mkdirSync(`${DIR}failed`, { recursive: true });
    writeFileSync(`${DIR}failed/${name}.actual.png`, actual);
    if (diff) writeFileSync(`${DIR}failed/${name}.diff.png`, PNG.sync.write(diff));
    return { ok: false, message };
  };
  if (a.width !== b.width || a.height !== b.height)
    return fail(`${name}: size ${a.width}x${a.height} differs from the baseline's ${b.width}x${b.height}`);
  const diff = new PNG({ width: a.width, height: a.height });
  const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const ratio = n / (a.width * a.height);
  if (ratio > MAX_DIFF_RATIO)
    return fail(
      `${name}: ${(ratio * 100).toFixed(2)}% of the pixels differ from the baseline (at most ${MAX_DIFF_RATIO * 100}%)`,
      diff,
    );
  return { ok: true, message: `${name}: ${(ratio * 100).toFixed(3)}% differ` };
}
