/**
 * The render-cost benchmark's page (bundled by bench/render.mjs, run in Debian's chromium): a `wb-board`
 * of 48 widgets bound to a MetricsEngine, fed a recorded event stream in batches at 10 snapshots a
 * second, timing each update step by step: the engine's ingest and snapshot build, then, in the task
 * that delivers the snapshot, its fan-out to every bound widget and every widget's Lit update.
 */
import '../src/define.js';
import { MetricsEngine, type WallboardEvent } from '@wallboard/metrics';
import { asyncScheduler } from 'rxjs';
import type { AgentRow, WbAgentBoard } from '../src/agent-board.js';
import type { WbWidget } from '../src/internal/widget.js';

export interface BenchOptions {
  /** The stream, ordered by `t`. */
  events: WallboardEvent[];
  /** Engine time (epoch ms) where measuring starts; everything before is warm-up, ingested at once. */
  startAt: number;
  /** Simulated ms per wall ms. */
  speed: number;
  /** Snapshots per wall second. */
  rate: number;
  /** Updates not measured (JIT warm-up), then measured ones. */
  warmupUpdates: number;
  updates: number;
  timeZone: string;
  /** Agents listed by the agent board, fed as rows by the page (the app), as a console would. */
  listedAgents: number;
}

export interface UpdateTiming {
  /** The engine applying the batch's events (and the page updating its agent rows). */
  ingestMs: number;
  /** The engine building the snapshot. */
  buildMs: number;
  /** The snapshot reaching every bound widget: select, distinctUntilChanged, storeValue. */
  fanOutMs: number;
  /** Every widget's Lit update. */
  renderMs: number;
  /** What the widgets cost: fan-out plus render, in the task that delivers the snapshot. */
  widgetsMs: number;
  events: number;
}

export interface BenchResult {
  widgets: number;
  updates: UpdateTiming[];
  /** PerformanceObserver long tasks: start (performance.now) and duration, ms. */
  longTasks: Array<{ start: number; duration: number }>;
  /** performance.now() of the `wb-measure-start` mark, to place the entries above in the trace. */
  measureStartAt: number;
  longFrames: Array<{ duration: number; blocking: number }>;
  missedSnapshots: number;
  simulatedMs: number;
  /** Time in Lit's `update()` per tag over the run, and how many updates. */
  byTag: Record<string, { ms: number; updates: number }>;
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));

/** The queues of the stream, in order of first appearance. */
function queuesOf(events: WallboardEvent[]): string[] {
  const seen = new Set<string>();
  for (const e of events) if (e.type === 'call.queued') seen.add(e.queue);
  return [...seen];
}

/** 48 widgets over 30 queues and the whole floor, the way a big TV board would mix them. */
function buildBoard(queues: string[]): { board: HTMLElement; agentBoard: WbAgentBoard } {
  const board = document.createElement('wb-board');
  board.setAttribute('label', 'Floor 1000');
  board.setAttribute('stale-after', '30');
  const add = (tag: string, attrs: Record<string, string>) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    board.append(el);
    return el;
  };
  const q = (i: number) => queues[i % queues.length];
  for (let i = 0; i < 12; i++)
    add('wb-queue-tile', { queue: q(i), 'wait-warn-sec': '60', 'wait-critical-sec': '120' });
  for (let i = 12; i < 24; i++) add('wb-sl-gauge', { queue: q(i), label: `SL ${q(i)}` });
  const metrics = [
    'waiting',
    'longestWaitSec',
    'interval.asaSec',
    'abandonRate',
    'agentsByState.available',
    'occupancy',
    'rolling.serviceLevel',
    'offered',
  ];
  for (const metric of metrics) add('wb-metric', { scope: 'all', metric, label: metric });
  add('wb-interval-chart', { scope: 'all', label: 'Floor by interval', 'data-span': '2' });
  for (let i = 0; i < 3; i++) add('wb-interval-chart', { queue: q(i), 'data-span': '2' });
  add('wb-abandon-chart', { scope: 'all', label: 'Floor abandons', 'data-span': '2' });
  for (let i = 3; i < 6; i++) add('wb-abandon-chart', { queue: q(i), 'data-span': '2' });
  for (let i = 0; i < 4; i++) add('wb-staffing', { queue: q(i), label: `Staffing ${q(i)}` });
  add('wb-agent-board', { scope: 'all', label: 'Floor agents' });
  const agentBoard = add('wb-agent-board', {
    scope: 'all',
    label: 'Agents',
    'data-span': '2',
  }) as WbAgentBoard;
  add('wb-clock', {});
  add('wb-ticker', { static: '' });
  return { board, agentBoard };
}

/** The app side: per-agent rows from `agent.state` events (the engine keeps counts only). */
class AgentRows {
  readonly #rows = new Map<string, AgentRow>();
  readonly #listed: Set<string>;
  changed = false;

  constructor(events: WallboardEvent[], limit: number) {
    const ids: string[] = [];
    for (const e of events)
      if (e.type === 'agent.state' && !ids.includes(e.agent) && ids.length < limit) ids.push(e.agent);
    this.#listed = new Set(ids);
  }

  apply(e: WallboardEvent): void {
    if (e.type !== 'agent.state' || !this.#listed.has(e.agent)) return;
    const prev = this.#rows.get(e.agent);
    this.#rows.set(e.agent, {
      id: e.agent,
      name: e.name ?? prev?.name ?? e.agent,
      team: e.team ?? prev?.team,
      state: e.state,
      since: prev?.state === e.state ? prev.since : e.t,
    });
    this.changed = true;
  }

  take(): AgentRow[] {
    this.changed = false;
    return [...this.#rows.values()];
  }
}

interface Prepared {
  o: BenchOptions;
  engine: MetricsEngine;
  rows: AgentRows;
  agentBoard: WbAgentBoard;
  widgets: WbWidget[];
  next: number;
  simNow: number;
  /** Called by the first and the last subscriber of each snapshot. */
  first: (() => void) | undefined;
  last: (() => void) | undefined;
}

let prepared: Prepared | undefined;

/** Lit update time and count per tag, over the measured run. */
const byTag = new Map<string, { ms: number; updates: number }>();
let profiling = false;

/** Wraps the element's `update()` (render and commit) to time it. */
function timeUpdates(el: WbWidget): void {
  const host = el as unknown as { update(changed: unknown): void };
  const update = host.update.bind(host);
  host.update = (changed) => {
    const t = performance.now();
    update(changed);
    if (!profiling) return;
    const entry = byTag.get(el.localName) ?? { ms: 0, updates: 0 };
    entry.ms += performance.now() - t;
    entry.updates++;
    byTag.set(el.localName, entry);
  };
}

/**
 * Everything before the measured run: the engine ingests the stream up to `startAt`, the board mounts
 * and renders, then `warmupUpdates` updates run unmeasured (JIT). `measureBench()` continues from there.
 *
 * The engine batches on rxjs's asyncScheduler, so each snapshot reaches the widgets in a task of its
 * own: the task marked `wb-widgets` holds the fan-out and every widget's update and nothing else,
 * and its thread time in a trace is what the widgets cost, whatever else runs on the machine.
 */
export async function prepareBench(o: BenchOptions): Promise<number> {
  const engine = new MetricsEngine({ timeZone: o.timeZone, intervalMin: 30, scheduler: asyncScheduler });
  const rows = new AgentRows(o.events, o.listedAgents);
  let next = 0;
  while (next < o.events.length && o.events[next].t < o.startAt) rows.apply(o.events[next++]);
  engine.pushMany(o.events.slice(0, next));
  engine.advanceTo(o.startAt);

  const p: Prepared = {
    o,
    engine,
    rows,
    agentBoard: undefined as unknown as WbAgentBoard,
    widgets: [],
    next,
    simNow: o.startAt,
    first: undefined,
    last: undefined,
  };
  // Subscribed before the board: runs first for each snapshot. The page (the app) feeds its agent rows
  // on the same beat as the snapshot, as a console would.
  engine.snapshots$.subscribe(() => {
    p.first?.();
    if (p.rows.changed && p.agentBoard) p.agentBoard.agents = p.rows.take();
  });
  const { board, agentBoard } = buildBoard(queuesOf(o.events));
  p.agentBoard = agentBoard;
  agentBoard.agents = rows.take();
  (board as HTMLElement & { store: unknown }).store = engine;
  document.body.append(board);
  p.widgets = [...board.children] as WbWidget[];
  for (const w of p.widgets) timeUpdates(w);
  await Promise.all(p.widgets.map((w) => w.updateComplete));
  await frame();
  await frame();
  // Subscribed after every widget: when it runs, the snapshot has reached them all.
  engine.snapshots$.subscribe(() => p.last?.());
  prepared = p;
  await updates(p, o.warmupUpdates, () => {});
  return p.widgets.length;
}

/** One update every 1/rate s, `count` times; `record` gets each update's timing. */
async function updates(p: Prepared, count: number, record: (t: UpdateTiming) => void): Promise<number> {
  const { o, engine, rows, widgets } = p;
  const period = 1000 / o.rate;
  let missed = 0;
  const began = performance.now();
  for (let i = 0; i < count; i++) {
    // Keep to the schedule: a slow update eats into the next wait rather than shifting the rest.
    await tick(Math.max(0, began + i * period - performance.now()));
    p.simNow += period * o.speed;
    // Marks the task that feeds the engine, so that the trace can tell its long tasks from the widgets'.
    performance.mark('wb-ingest');
    const t0 = performance.now();
    const from = p.next;
    while (p.next < o.events.length && o.events[p.next].t < p.simNow) rows.apply(o.events[p.next++]);
    let reached = 0;
    let fannedOut = 0;
    const snapshot = new Promise<boolean>((resolve) => {
      p.first = () => {
        reached = performance.now();
        performance.mark('wb-widgets');
      };
      p.last = () => {
        fannedOut = performance.now();
        resolve(true);
      };
      setTimeout(() => resolve(false), period);
    });
    engine.pushMany(o.events.slice(from, p.next));
    engine.advanceTo(p.simNow);
    const t1 = performance.now();
    // Built now and cached by the engine: the emission in the next task reuses it.
    engine.snapshot();
    const t2 = performance.now();
    if (!(await snapshot)) missed++;
    p.first = p.last = undefined;
    await Promise.all(widgets.map((w) => w.updateComplete));
    const t3 = performance.now();
    record({
      ingestMs: t1 - t0,
      buildMs: t2 - t1,
      fanOutMs: fannedOut - reached,
      renderMs: t3 - fannedOut,
      widgetsMs: t3 - reached,
      events: p.next - from,
    });
  }
  return missed;
}

/** The measured run, after `prepareBench`. */
export async function measureBench(): Promise<BenchResult> {
  const p = prepared;
  if (!p) throw new Error('prepareBench first');
  const longTasks: BenchResult['longTasks'] = [];
  const longFrames: BenchResult['longFrames'] = [];
  const observers = [
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }),
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longFrames.push({
          duration: e.duration,
          blocking: (e as PerformanceEntry & { blockingDuration: number }).blockingDuration,
        });
    }),
  ];
  observers[0].observe({ type: 'longtask' });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'))
    observers[1].observe({ type: 'long-animation-frame' });
  const timings: UpdateTiming[] = [];
  const from = p.simNow;
  profiling = true;
  const measureStartAt = performance.mark('wb-measure-start').startTime;
  const missed = await updates(p, p.o.updates, (t) => timings.push(t));
  performance.mark('wb-measure-end');
  profiling = false;
  await frame();
  await frame();
  for (const o of observers) o.disconnect();
  return {
    widgets: p.widgets.length,
    updates: timings,
    longTasks,
    measureStartAt,
    longFrames,
    missedSnapshots: missed,
    simulatedMs: p.simNow - from,
    byTag: Object.fromEntries(byTag),
  };
}

/**
 * One agent board alone with `n` agents and `groupLimit` rows per state (0: all): first render, a
 * one-second tick, a re-sort after 10% changed state. With `fit`, a TV cell's size (1,880 x 640 px) in
 * fit mode: first render until its rows are measured and shown, then the same tick and re-sort.
 */
export async function agentBoardBench(
  n: number,
  groupLimit: number,
  rounds: number,
  fit = false,
): Promise<Record<string, number[]>> {
  const states = ['available', 'on-call', 'on-call', 'on-call', 'acw', 'break', 'other'] as const;
  const now = Date.UTC(2026, 2, 2, 9, 0);
  const make = (seed: number): AgentRow[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `a${i}`,
      name: `Agent ${String(i).padStart(4, '0')}`,
      team: `Team ${i % 20}`,
      state: states[(i * 7 + seed * (i % 10 === 0 ? 1 : 0)) % states.length],
      since: now - ((i * 7919) % 3600) * 1000,
    }));
  const out: Record<string, number[]> = { firstRender: [], tick: [], resort: [] };
  for (let r = 0; r < rounds; r++) {
    const el = document.createElement('wb-agent-board') as WbAgentBoard;
    el.time = now;
    el.groupLimit = groupLimit;
    el.fit = fit;
    if (fit) el.style.cssText = 'width: 1880px; height: 640px';
    el.agents = make(0);
    let t = performance.now();
    document.body.append(el);
    await el.updateComplete;
    // fit: the rows come one ResizeObserver callback after the first render.
    while (fit && !el.shadowRoot!.querySelector('.group li')) {
      await frame();
      await el.updateComplete;
    }
    out.firstRender.push(performance.now() - t);
    await frame();
    t = performance.now();
    el.time = now + 1000;
    await el.updateComplete;
    out.tick.push(performance.now() - t);
    await frame();
    t = performance.now();
    el.agents = make(r + 1);
    await el.updateComplete;
    out.resort.push(performance.now() - t);
    await frame();
    el.remove();
  }
  return out;
}

Object.assign(window, { prepareBench, measureBench, agentBoardBench });
