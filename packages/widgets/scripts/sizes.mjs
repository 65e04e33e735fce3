// Gzipped sizes of the build against the budgets of issue 4: wallboard.js <= 60 KB (goal 40 KB), each
// widget's own code <= 5 KB. "Own code" is the widget's class module plus its styles module, with lit
// and the shared internals (src/internal) counted once, separately.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const fmt = (n) => `${(n / KB).toFixed(2).padStart(6)} KB`;

export const WIDGETS = [
  'board',
  'sl-gauge',
  'metric',
  'queue-tile',
  'clock',
  'ticker',
  'interval-chart',
  'abandon-chart',
  'agent-board',
  'staffing',
];

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Prints the table; returns false when a budget is exceeded. */
export function reportSizes(dist) {
  const rows = [];
  let ok = true;
  const bundle = gz(join(dist, 'wallboard.js'));
  const bundleOk = bundle <= 60 * KB;
  ok &&= bundleOk;
  rows.push(['wallboard.js (lit inside, all elements)', bundle, '<= 60 KB (goal 40 KB)', bundleOk]);
  const internal = walk(join(dist, 'internal'))
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gz(f), 0);
  rows.push(['shared internals (src/internal, per module)', internal, '', true]);
  for (const name of WIDGETS) {
    const styles = join(dist, `${name}.styles.js`);
    let size = gz(join(dist, `${name}.js`));
    try {
      size += gz(styles);
    } catch {
      // styles inline in the class module
    }
    const within = size <= 5 * KB;
    ok &&= within;
    rows.push([`${name} own code`, size, '<= 5 KB', within]);
  }
  console.log('\n@wallboard/widgets, gzipped (level 9):');
  for (const [what, size, budget, pass] of rows) {
    console.log(
      `  ${what.padEnd(44)} ${fmt(size)}  ${budget}${budget ? (pass ? '  ok' : '  OVER BUDGET') : ''}`,
    );
  }
  return ok;
}
