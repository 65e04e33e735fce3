// Render-cost benchmark of issue 4: a board of 48 widgets bound to a MetricsEngine, fed the simulator's
// floor-1000 scenario (about 1,000 agents, 30 queues) at 60x from 10:00, 10 snapshots a second, in
// Debian's chromium through Playwright. Prints median and p95 script time per update (ingest, snapshot
// fan-out, widget render); every long task (from the trace and from PerformanceObserver) attributed to
// the widgets, the engine, GC or frame rendering; long animation frames and the style/layout time
// chromium reports; then an agent board alone with 500 agents. `pnpm bench` runs it after the build.
//
//   BENCH_UPDATES=600 BENCH_SPEED=60 CHROME_PATH=/usr/bin/chromium node bench/render.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = join(root, '../..');
const out = join(root, '.bench');
const int = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`${name} must be a positive whole number, got "${raw}"`);
    process.exit(2);
  }
  return n;
};
const UPDATES = int('BENCH_UPDATES', 300);
// BENCH_PROFILE=1: an unminified page and a CPU profile of the measured run (.bench/render.cpuprofile),
// with the functions that took the most time printed.
const PROFILE = process.env.BENCH_PROFILE === '1';
// BENCH_REDUCED_MOTION=1: prefers-reduced-motion, so no transitions run between snapshots.
const REDUCED_MOTION = process.env.BENCH_REDUCED_MOTION === '1';
const SPEED = int('BENCH_SPEED', 60);
const RATE = 10;
const HOUR = 3_600_000;

// 1. The event stream: the simulator's CLI (the package never imports the simulator), up to 11:00.
function simulate() {
  const bin = join(repo, 'simulator/bin/wallboard-sim.js');
  const run = () =>
    spawnSync(process.execPath, [bin, 'run', 'floor-1000', '--until', '11h', '--events', '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  let res = run();
  if (res.status !== 0 && /not built/.test(res.stderr)) {
    console.log('building @wallboard/simulator for its CLI...');
    spawnSync('pnpm', ['--filter', '@wallboard/simulator', 'build'], { cwd: repo, stdio: 'inherit' });
    res = run();
  }
  if (res.status !== 0) {
    console.error(`wallboard-sim run floor-1000 failed (exit ${res.status}):\n${res.stderr}`);
    process.exit(1);
  }
  return res.stdout;
}
const t0 = Date.now();
const [load1] = (await import('node:os')).loadavg();
const ndjson = simulate();
const events = ndjson
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const dayStart = events[0].t; // the scenario starts at 00:00 local with agents logging in
const startAt = dayStart + 10 * HOUR;
const warmupUpdates = 20;
const neededMs = ((warmupUpdates + UPDATES) * SPEED * 1000) / RATE;
if (startAt + neededMs > dayStart + 11 * HOUR) {
  console.error(
    `BENCH_UPDATES x BENCH_SPEED covers more than the recorded hour (10:00-11:00); lower one of them.`,
  );
  process.exit(2);
}
console.log(
  `floor-1000, 00:00 to 11:00: ${events.length} events (${((Date.now() - t0) / 1000).toFixed(1)} s to simulate)`,
);

// 2. The page bundle, production Lit, minified like dist/wallboard.js.
mkdirSync(out, { recursive: true });
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: out,
    emptyOutDir: true,
    target: 'es2022',
    minify: !PROFILE,
    lib: { entry: join(root, 'bench/page.ts'), formats: ['es'], fileName: () => 'page.js' },
  },
});

// 3. Chromium, started as the tests start it.
const browser = await chromium.launch(chromiumLaunchOptions);
const ORIGIN = 'http://wallboard.bench';
const files = {
  '/': [
    'text/html',
    '<!doctype html><meta charset="utf-8"><body style="margin:0"><script type="module" src="/page.js"></script>',
  ],
  '/page.js': ['text/javascript', readFileSync(join(out, 'page.js'))],
  '/events.ndjson': ['application/x-ndjson', ndjson],
};
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = files[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ contentType: file[0], body: file[1] }) : route.fulfill({ status: 404 });
  });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (REDUCED_MOTION) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => 'prepareBench' in window);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

  const options = {
    startAt,
    speed: SPEED,
    rate: RATE,
    warmupUpdates,
    updates: UPDATES,
    timeZone: 'Europe/Berlin',
    listedAgents: 500,
  };
  const widgets = await page.evaluate(async (o) => {
    const text = await (await fetch('/events.ndjson')).text();
    const events = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    return window.prepareBench({ ...o, events });
  }, options);
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  // devtools.timeline and v8 for what ran inside each long task (script, style and layout, GC).
  await browser.startTracing(page, {
    categories: ['toplevel', 'blink.user_timing', 'devtools.timeline', 'v8', 'disabled-by-default-v8.gc'],
  });
  const before = await metric();
  const result = await page.evaluate(() => window.measureBench());
  const after = await metric();
  const trace = analyseTrace(await browser.stopTracing(), result);
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(out, 'render.cpuprofile'), JSON.stringify(profile));
    printHotspots(profile);
  }
  const agentBoard = {
    limited: await page.evaluate(() => window.agentBoardBench(500, 40, 15)),
    all: await page.evaluate(() => window.agentBoardBench(500, 0, 15)),
    fit: await page.evaluate(() => window.agentBoardBench(1000, 0, 15, true)),
  };

  // 4. Report.
  const u = result.updates;
  const col = (key) => u.map((x) => x[key]);
  const n = u.length;
  // CDP's counters over the measured run, per update on average (timers and frames included).
  const per = (name) => ((after[name] - before[name]) * 1000) / n;
  const row = (what, xs) =>
    console.log(
      `  ${what.padEnd(40)} median ${ms(q(xs, 0.5))}, p95 ${ms(q(xs, 0.95))}, max ${ms(Math.max(...xs))}`,
    );
  const { cpus } = await import('node:os');
  console.log(
    `\nload average at the start: ${load1.toFixed(1)} on ${cpus().length} cores (wall times grow with it)`,
  );
  console.log(
    `render cost: ${widgets} widgets bound to one MetricsEngine, floor-1000 at ${SPEED}x from 10:00, ${RATE} snapshots/s, ${n} updates (${(result.simulatedMs / 60000).toFixed(0)} simulated min)${REDUCED_MOTION ? ', reduced motion' : ''}`,
  );
  console.log(`  events per update: median ${q(col('events'), 0.5)}, max ${Math.max(...col('events'))}`);
  console.log(' per update, thread CPU time (trace):');
  row('widgets: the task delivering a snapshot', trace.widgetsCpu);
  row('  of it style/layout forced (wall)', trace.widgetsForcedMs);
  row('  of it GC (wall)', trace.widgetsGcMs);
  console.log(' per update, wall time (performance.now, 0.1 ms steps):');
  row('widgets: fan-out + Lit updates', col('widgetsMs'));
  row('  fan-out to every bound widget', col('fanOutMs'));
  row('  Lit updates', col('renderMs'));
  row('engine: ingest the batch', col('ingestMs'));
  row('engine: build the snapshot', col('buildMs'));
  console.log(
    `  main thread, mean per update: CPU ${ms(trace.mainCpuMs / n)} (all tasks), style ${ms(per('RecalcStyleDuration'))}, layout ${ms(per('LayoutDuration'))} (wall)`,
  );
  // Long tasks (over 50 ms of wall time, as the Long Tasks API counts them), each attributed from the
  // trace to what ran in it: the widgets (the task that delivers a snapshot: fan-out and Lit updates),
  // the engine (the task that ingests a batch and builds the snapshot), garbage collection (at least
  // half the task), the browser's style, layout and paint of a frame, or something else. A task whose
  // CPU time is far below its wall time spent the difference waiting for a core (machine load).
  const kinds = ['widgets', 'engine', 'gc', 'rendering', 'other'];
  const byKind = (tasks) => kinds.map((k) => `${k} ${tasks.filter((t) => t.kind === k).length}`).join(', ');
  const longest = (tasks) => (tasks.length ? Math.max(...tasks.map((t) => t.wall)) : 0);
  const waited = trace.longTasks.filter((t) => t.cpu < t.wall / 2).length;
  console.log(
    `  long tasks (> 50 ms wall) in the trace: ${trace.longTasks.length}${trace.longTasks.length ? ` (longest ${ms(longest(trace.longTasks))})` : ''}: ${byKind(trace.longTasks)}; ${waited} of them ran less than half their wall time (waiting for a core)`,
  );
  for (const k of kinds) {
    const tasks = trace.longTasks.filter((t) => t.kind === k);
    if (tasks.length)
      console.log(
        `    ${k.padEnd(10)} ${tasks.map((t) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)}, GC ${t.gcMs.toFixed(0)}, style/layout/paint ${t.renderMs.toFixed(0)})`).join('; ')}`,
      );
  }
  console.log(
    `  PerformanceObserver: ${result.longTasks.length} long tasks (${byKind(trace.observed)}${trace.unmatched ? `, not found in the trace ${trace.unmatched}` : ''}), ${result.longFrames.length} long animation frames`,
  );
  console.log(
    `  the longest task took ${ms(trace.maxCpuMs)} of CPU; updates without a snapshot: ${result.missedSnapshots}`,
  );
  console.log('  Lit update() per widget type, wall, mean per snapshot (updates per snapshot):');
  for (const [tag, { ms: total, updates }] of Object.entries(result.byTag).sort((a, b) => b[1].ms - a[1].ms))
    console.log(`    ${tag.padEnd(20)} ${ms(total / n)} (${(updates / n).toFixed(1)})`);
  for (const [which, what] of [
    ['limited', '500 agents, 40 listed per state (the default)'],
    ['all', '500 agents, all listed (group-limit="0")'],
    ['fit', '1,000 agents, fit to 1880x640 px (as many as fit, "+N more")'],
  ]) {
    console.log(`\nwb-agent-board alone, ${what}, wall (15 rounds):`);
    row('first render', agentBoard[which].firstRender);
    row('one-second tick (time in state)', agentBoard[which].tick);
    row('10% change state (regroup, sort)', agentBoard[which].resort);
  }
  const median = q(trace.widgetsCpu, 0.5);
  // What the issue's target asks of the widgets: a median of at most 4 ms of CPU for the task that
  // delivers a snapshot, and none of those tasks long (> 50 ms wall, seen by the trace or by
  // PerformanceObserver). Long tasks of the engine, GC or frame rendering are reported above, not hidden.
  const widgetLong = new Set([
    ...trace.longTasks.filter((t) => t.kind === 'widgets').map((t) => t.ts),
    ...trace.observed.filter((t) => t.kind === 'widgets').map((t) => t.ts),
  ]).size;
  const widgetCpuLong = trace.widgetsCpu.filter((cpu) => cpu > 50).length;
  const met = median <= 4 && widgetLong === 0;
  console.log(
    `\ntarget, widget-caused long tasks = 0 and widgets' median <= 4 ms CPU per update: ${met ? 'met' : 'NOT MET'} (median ${ms(median)}; widget-caused long tasks ${widgetLong}, ${widgetCpuLong} of them over 50 ms of CPU; all long tasks ${trace.longTasks.length}: ${byKind(trace.longTasks)})`,
  );
  writeFileSync(
    join(out, 'render.json'),
    JSON.stringify({ options, load1, met, result, trace, agentBoard, before, after }, null, 1),
  );
} finally {
  await browser.close();
}

/** Self time per function of a CPU profile, the top 25. */
function printHotspots(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\nCPU profile, self time (total ${total.toFixed(0)} ms):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`);
}

function q(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] : Number.NaN;
}

function ms(n) {
  return `${n.toFixed(2)} ms`;
}

/** Total length of the union of [start, end) intervals, in the intervals' unit. */
function unionLength(intervals) {
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * From a trace of the measured run: the thread (CPU) time of each task that delivered a snapshot to
 * the widgets (marked `wb-widgets` by the page), all main-thread CPU, and the long tasks, each with
 * what caused it. PerformanceObserver's long tasks are placed in the trace through the
 * `wb-measure-start` mark and attributed the same way.
 */
function analyseTrace(buffer, result) {
  // (Declared here: the report at the top of the module runs before module-level constants below it.)
  const GC = /^(MinorGC|MajorGC|V8\.GC|BlinkGC\.|V8\.GCScavenger|V8\.GCCompactor|MinorMS)/;
  const RENDERING = new Set([
    'UpdateLayoutTree',
    'Layout',
    'PrePaint',
    'Paint',
    'Layerize',
    'Commit',
    'HitTest',
    'IntersectionObserverController::computeIntersections',
  ]);
  const events = JSON.parse(buffer.toString()).traceEvents;
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('wb-'));
  const start = marks.find((m) => m.name === 'wb-measure-start');
  const end = marks.find((m) => m.name === 'wb-measure-end');
  if (!start || !end) throw new Error('the trace has no wb-measure-start/end marks');
  const main = events.filter((e) => e.pid === start.pid && e.tid === start.tid);
  const tasks = main
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.ts + e.dur >= start.ts &&
        e.ts <= end.ts,
    )
    .sort((a, b) => a.ts - b.ts);
  const containing = (ts) => tasks.find((t) => t.ts <= ts && ts <= t.ts + t.dur);
  const widgetTasks = marks
    .filter((m) => m.name === 'wb-widgets' && m.ts >= start.ts && m.ts <= end.ts)
    .map((m) => containing(m.ts))
    .filter((t) => t && t.tdur !== undefined);
  const widgetsCpu = widgetTasks.map((t) => t.tdur / 1000);
  // Outermost tasks only: nested run loops would count twice.
  let until = -1;
  let mainCpuMs = 0;
  let maxCpuMs = 0;
  const outer = [];
  for (const t of tasks) {
    if (t.ts < until) continue;
    until = t.ts + t.dur;
    const cpu = (t.tdur ?? 0) / 1000;
    mainCpuMs += cpu;
    maxCpuMs = Math.max(maxCpuMs, cpu);
    outer.push(t);
  }
  const slices = main.filter((e) => e.ph === 'X' && e.ts + e.dur >= start.ts && e.ts <= end.ts);
  const attribute = (t) => {
    const inside = (e) => e.ts >= t.ts && e.ts <= t.ts + t.dur;
    const clip = (e) => [e.ts, Math.min(e.ts + e.dur, t.ts + t.dur)];
    const within = slices.filter(inside);
    const gcMs = unionLength(within.filter((e) => GC.test(e.name)).map(clip)) / 1000;
    const renderMs = unionLength(within.filter((e) => RENDERING.has(e.name)).map(clip)) / 1000;
    const named = (name) => marks.some((m) => m.name === name && inside(m));
    const wall = t.dur / 1000;
    const cpu = (t.tdur ?? 0) / 1000;
    let kind = 'other';
    if (gcMs >= wall / 2) kind = 'gc';
    else if (named('wb-widgets')) kind = 'widgets';
    else if (named('wb-ingest')) kind = 'engine';
    else if (renderMs > 0) kind = 'rendering';
    // The longest slices inside, for a reader of .bench/render.json to see what ran.
    const top = within
      .filter((e) => e !== t && e.name !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => b.dur - a.dur)
      .slice(0, 6)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${(e.dur / 1000).toFixed(1)}`,
      );
    return { ts: t.ts, wall, cpu, gcMs, renderMs, kind, top };
  };
  const longTasks = outer.filter((t) => t.dur > 50_000).map(attribute);
  // Style and layout forced inside the widgets' tasks (something read layout during an update), and GC.
  const inWidgets = widgetTasks.map(attribute);
  const widgetsForcedMs = inWidgets.map((t) => t.renderMs);
  const widgetsGcMs = inWidgets.map((t) => t.gcMs);
  // performance.now() to trace microseconds, anchored on the wb-measure-start mark.
  const toTrace = (at) => start.ts + (at - result.measureStartAt) * 1000;
  const observed = [];
  let unmatched = 0;
  for (const entry of result.longTasks) {
    const a = toTrace(entry.start);
    const b = a + entry.duration * 1000;
    // The outermost task that overlaps the entry most (the two clocks agree to well under a ms).
    let best;
    let overlap = 0;
    for (const t of outer) {
      const o = Math.min(b, t.ts + t.dur) - Math.max(a, t.ts);
      if (o > overlap) [best, overlap] = [t, o];
    }
    if (best) observed.push(attribute(best));
    else unmatched++;
  }
  return { widgetsCpu, widgetsForcedMs, widgetsGcMs, mainCpuMs, maxCpuMs, longTasks, observed, unmatched };
}
