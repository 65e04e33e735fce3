// Render-cost benchmark of issue 4: a board of 48 widgets bound to a MetricsEngine, fed the simulator's
// floor-1000 scenario (about 1,000 agents, 30 queues) at 60x from 10:00, 10 snapshots a second, in
// Debian's chromium through Playwright. Prints median and p95 script time per update (ingest, snapshot
// fan-out, widget render), long tasks and long animation frames, and the style/layout time chromium
// reports; then an agent board alone with 500 agents. `pnpm bench` runs it after the build.
//
//   BENCH_UPDATES=600 BENCH_SPEED=60 CHROME_PATH=/usr/bin/chromium node bench/render.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';

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

// 3. Chromium, as in web-test-runner.config.js.
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
});
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
  await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  const before = await metric();
  const result = await page.evaluate(() => window.measureBench());
  const after = await metric();
  const trace = analyseTrace(await browser.stopTracing());
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(out, 'render.cpuprofile'), JSON.stringify(profile));
    printHotspots(profile);
  }
  const agentBoard = {
    limited: await page.evaluate(() => window.agentBoardBench(500, 40, 15)),
    all: await page.evaluate(() => window.agentBoardBench(500, 0, 15)),
  };

  // 4. Report.
  const u = result.updates;
  const col = (key) => u.map((x) => x[key]);
  const n = u.length;
  // CDP's counters over the measured run, per update on average (timers and frames included).
  const per = (name) => ((after[name] - before[name]) * 1000) / n;
  const row = (what, xs) =>
    console.log(
      `  ${what.padEnd(38)}median ${ms(q(xs, 0.5))}, p95 ${ms(q(xs, 0.95))}, max ${ms(Math.max(...xs))}`,
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
  console.log(' per update, wall time (performance.now, 0.1 ms steps):');
  row('widgets: fan-out + Lit updates', col('widgetsMs'));
  row('  fan-out to every bound widget', col('fanOutMs'));
  row('  Lit updates', col('renderMs'));
  row('engine: ingest the batch', col('ingestMs'));
  row('engine: build the snapshot', col('buildMs'));
  console.log(
    `  main thread, mean per update: CPU ${ms(trace.mainCpuMs / n)} (all tasks), style ${ms(per('RecalcStyleDuration'))}, layout ${ms(per('LayoutDuration'))} (wall)`,
  );
  const cpuLong = trace.longTasks.filter((t) => t.cpu > 50);
  console.log(
    `  long tasks (> 50 ms wall): ${trace.longTasks.length}${trace.longTasks.length ? ` (max ${ms(Math.max(...trace.longTasks.map((t) => t.wall)))})` : ''}, of which ${cpuLong.length} over 50 ms of CPU (the longest task took ${ms(trace.maxCpuMs)} of CPU); PerformanceObserver: ${result.longTasks.length} long tasks, ${result.longFrames.length} long animation frames; updates without a snapshot: ${result.missedSnapshots}`,
  );
  console.log('  Lit update() per widget type, wall, mean per snapshot (updates per snapshot):');
  for (const [tag, { ms: total, updates }] of Object.entries(result.byTag).sort((a, b) => b[1].ms - a[1].ms))
    console.log(`    ${tag.padEnd(20)} ${ms(total / n)} (${(updates / n).toFixed(1)})`);
  for (const [which, what] of [
    ['limited', '40 listed per state (the default)'],
    ['all', 'all 500 listed (group-limit="0")'],
  ]) {
    console.log(`\nwb-agent-board alone, 500 agents, ${what}, wall (15 rounds):`);
    row('first render', agentBoard[which].firstRender);
    row('one-second tick (time in state)', agentBoard[which].tick);
    row('10% change state (regroup, sort)', agentBoard[which].resort);
  }
  const median = q(trace.widgetsCpu, 0.5);
  const met = median <= 4 && cpuLong.length === 0;
  console.log(
    `\ntarget, widgets <= 4 ms median per update and no long tasks of their own: ${met ? 'met' : 'NOT MET'} (median ${ms(median)} CPU, ${cpuLong.length} tasks over 50 ms of CPU)`,
  );
  writeFileSync(
    join(out, 'render.json'),
    JSON.stringify({ options, load1, result, trace, agentBoard, before, after }, null, 1),
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

/**
 * From a trace of the measured run: the thread (CPU) time of each task that delivered a snapshot to
 * the widgets (marked `wb-widgets` by the page), all main-thread CPU, and the long tasks.
 */
function analyseTrace(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const marks = events.filter((e) => e.cat === 'blink.user_timing' && e.name.startsWith('wb-'));
  const start = marks.find((m) => m.name === 'wb-measure-start');
  const end = marks.find((m) => m.name === 'wb-measure-end');
  if (!start || !end) throw new Error('the trace has no wb-measure-start/end marks');
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.name === 'ThreadControllerImpl::RunTask' &&
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ts + e.dur >= start.ts &&
        e.ts <= end.ts,
    )
    .sort((a, b) => a.ts - b.ts);
  const containing = (ts) => tasks.find((t) => t.ts <= ts && ts <= t.ts + t.dur);
  const widgetsCpu = marks
    .filter((m) => m.name === 'wb-widgets' && m.ts >= start.ts && m.ts <= end.ts)
    .map((m) => containing(m.ts))
    .filter((t) => t && t.tdur !== undefined)
    .map((t) => t.tdur / 1000);
  // Outermost tasks only: nested run loops would count twice.
  let until = -1;
  let mainCpuMs = 0;
  let maxCpuMs = 0;
  const longTasks = [];
  for (const t of tasks) {
    if (t.ts < until) continue;
    until = t.ts + t.dur;
    const cpu = (t.tdur ?? 0) / 1000;
    mainCpuMs += cpu;
    maxCpuMs = Math.max(maxCpuMs, cpu);
    if (t.dur > 50_000) longTasks.push({ wall: t.dur / 1000, cpu });
  }
  return { widgetsCpu, mainCpuMs, maxCpuMs, longTasks };
}
