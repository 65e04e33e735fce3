/**
 * The trainer console's state and actions. The simulation and the metrics engine run in a worker; the
 * page holds a SnapshotStore that the kit's widgets are bound to (through `wb-board`), the timeline, and
 * what the trainer picked. Views are pure functions of this state (views.ts, panels.ts, what-if-view.ts).
 */

import { listScenarios, type ScenarioListing } from '@wallboard/simulator';
import { SnapshotStore } from '@wallboard/widgets';
import { render } from 'lit';
import { intervalsCsv } from '../export/csv.js';
import { download, fileSafe } from '../shared/download.js';
import { localClockToEpoch } from '../shared/time.js';
import { runWhatIf, SimClient, SimError } from '../sim/client.js';
import type {
  ClockState,
  Control,
  RunConfig,
  RunInfo,
  ScenarioSource,
  TimelineEntry,
  WhatIfResult,
} from '../sim/protocol.js';
import type { AgentRow } from '../sim/roster.js';
import { describeEntry } from './describe.js';
import { checkParams } from './params.js';
import type { WbcTimeline } from './timeline-overlay.js';
import { appView } from './views.js';

export type WhatIfState =
  | { status: 'idle' }
  | { status: 'running'; done: number }
  | { status: 'done'; result: WhatIfResult; baseline: SnapshotStore; intervened: SnapshotStore }
  | { status: 'error'; message: string };

export interface Feedback {
  text: string;
  kind: 'ok' | 'error';
  /** The live-control form it answers (its title): shown in that form, beside its button. */
  form?: string;
}

export interface ConsoleState {
  scenarios: ScenarioListing[];
  /** The picked built-in, or the loaded file. */
  source: ScenarioSource;
  file: { name: string; doc: unknown } | null;
  fileError: string | null;
  /** Problems with the page's URL parameters, shown until the trainer starts a run. */
  linkProblems: string[];
  /** The scenario description shown whole (else three lines and "Show all"). */
  descriptionOpen: boolean;
  seed: string;
  speed: number;
  info: RunInfo | null;
  clock: ClockState | null;
  problems: string[];
  scope: string;
  timeline: TimelineEntry[];
  showClockEntries: boolean;
  tab: 'live' | 'what-if';
  whatIf: WhatIfState;
  feedback: Feedback | null;
  agents: AgentRow[];
  store: SnapshotStore | null;
  starting: boolean;
}

export class ConsoleApp {
  state: ConsoleState;
  private client: SimClient | null = null;
  private config: RunConfig | null = null;
  private renderQueued = false;
  private lastSnapshotAt = 0;
  private startAt: string | null;
  private startPaused: boolean;

  constructor(private readonly root: HTMLElement) {
    const scenarios = listScenarios();
    const { params, problems } = checkParams(
      new URLSearchParams(location.search),
      scenarios.map((s) => s.name),
    );
    // A link with problems starts nothing: it would run something other than what it asks for.
    this.startAt = problems.length > 0 ? null : (params.at ?? null);
    this.startPaused = problems.length > 0 ? false : params.paused;
    this.state = {
      scenarios,
      source: { kind: 'builtin', name: params.scenario ?? 'outage-surge' },
      file: null,
      fileError: null,
      linkProblems: problems,
      descriptionOpen: false,
      seed: params.seed ?? '',
      speed: params.speed ?? 60,
      info: null,
      clock: null,
      problems: [],
      scope: 'all',
      timeline: [],
      showClockEntries: false,
      tab: 'live',
      whatIf: { status: 'idle' },
      feedback: null,
      agents: [],
      store: null,
      starting: false,
    };
    root.replaceChildren();
    this.render();
    if (params.autostart && problems.length === 0) void this.start();
  }

  set(patch: Partial<ConsoleState>): void {
    Object.assign(this.state, patch);
    this.render();
  }

  render(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      render(appView(this.state, this), this.root);
    });
  }

  // ---- scenario -----------------------------------------------------------------------------------------

  pickBuiltIn(name: string): void {
    this.set({ source: { kind: 'builtin', name }, problems: [], seed: '' });
  }

  async loadFile(file: File): Promise<void> {
    let doc: unknown;
    try {
      doc = JSON.parse(await file.text());
    } catch (err) {
      this.set({ fileError: `${file.name} is not valid JSON: ${(err as Error).message}`, file: null });
      return;
    }
    this.set({
      file: { name: file.name, doc },
      fileError: null,
      source: { kind: 'document', doc, label: file.name.replace(/\.json$/i, '') },
      problems: [],
      seed: '',
    });
  }

  /** Starts (or restarts) the picked scenario with the seed and speed set. */
  async start(): Promise<void> {
    const seedText = this.state.seed.trim();
    const seed = seedText === '' ? undefined : Number(seedText);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1)) {
      this.set({ problems: [`seed must be a whole number from 0 to 4294967295, got "${seedText}"`] });
      return;
    }
    this.client?.terminate();
    const client = new SimClient();
    this.client = client;
    const config: RunConfig = {
      source: this.state.source,
      seed,
      speed: this.state.speed,
      keepEvents: true,
      roster: true,
      engine: { intervalMin: 30, keepIntervals: 'all' },
    };
    // The old run is gone: its clock must not stay on screen (nor its Pause, Step and Jump enabled).
    this.set({
      starting: true,
      linkProblems: [],
      clock: null,
      problems: [],
      feedback: null,
      timeline: [],
      agents: [],
      whatIf: { status: 'idle' },
    });
    client.timeline$.subscribe((entry) => {
      // An incident started here is one entry for its span: a later entry with its id replaces it.
      const at = entry.id === undefined ? -1 : this.state.timeline.findIndex((e) => e.id === entry.id);
      this.state.timeline =
        at < 0 ? [...this.state.timeline, entry] : this.state.timeline.map((e, i) => (i === at ? entry : e));
      this.render();
      void this.refreshTimeline();
    });
    client.clock$.subscribe((clock) => {
      if (clock && client === this.client) this.set({ clock });
    });
    client.alive$.subscribe(() => {
      // A heartbeat while paused: re-publish the last snapshot so the board does not call it stale.
      const store = this.state.store;
      if (store?.snapshot && performance.now() - this.lastSnapshotAt > 900) store.push(store.snapshot);
    });
    client.errors$.subscribe((e) =>
      this.set({ feedback: { text: e.message, kind: 'error' }, problems: e.problems }),
    );
    try {
      const info = await client.start(config);
      if (client !== this.client) return;
      this.config = { ...config, seed: info.seed };
      const store = new SnapshotStore({ ...info.settings });
      client.snapshots$.subscribe(({ snapshot, agents }) => {
        this.lastSnapshotAt = performance.now();
        store.push(snapshot);
        if (agents) this.set({ agents });
        void this.refreshTimeline();
      });
      const scopes = this.scopesOf(info);
      this.set({
        info,
        store,
        seed: String(info.seed),
        scope: scopes.includes(this.state.scope) ? this.state.scope : 'all',
        starting: false,
      });
      // A link can start the class at a moment of the day (?at=10:30), paused with ?paused=1: once.
      const { startAt, startPaused } = this;
      this.startAt = null;
      this.startPaused = false;
      if (startAt) {
        if ((await this.jumpTo(startAt)) && !startPaused) await client.clock('resume');
      } else if (startPaused) await client.clock('pause');
    } catch (err) {
      if (client !== this.client) return;
      const e = err instanceof SimError ? err : new SimError(String(err));
      this.client = null;
      client.terminate();
      this.set({
        starting: false,
        problems: e.problems.length > 0 ? e.problems : [e.message],
        info: null,
        store: null,
        clock: null,
        agents: [],
      });
    }
  }

  scopesOf(info: RunInfo): string[] {
    return ['all', ...info.partners.map((p) => `partner:${p}`), ...info.queues.map((q) => `queue:${q.id}`)];
  }

  // ---- clock --------------------------------------------------------------------------------------------

  async togglePause(): Promise<void> {
    const c = this.state.clock;
    if (!this.client || !c || c.finished) return;
    await this.client.clock(c.paused ? 'resume' : 'pause');
  }

  async step(): Promise<void> {
    const c = this.state.clock;
    if (!this.client || !c || c.finished) return;
    if (!c.paused) await this.client.clock('pause');
    await this.client.clock('step');
  }

  /** Runs as fast as possible to `hh:mm` (center time) and pauses there. */
  async jumpTo(hhmm: string): Promise<boolean> {
    const c = this.state.clock;
    const info = this.state.info;
    if (!this.client || !info || c?.finished) return false;
    const to = localClockToEpoch(c?.now ?? info.startEpochMs, info.timeZone, hhmm);
    if (to === null) {
      this.set({ feedback: { text: `"${hhmm}" is not a time: write it as HH:MM.`, kind: 'error' } });
      return false;
    }
    try {
      await this.client.jump(to);
      this.set({ feedback: { text: `Jumped to ${hhmm} and paused.`, kind: 'ok' } });
      return true;
    } catch (err) {
      this.set({ feedback: { text: (err as Error).message, kind: 'error' } });
      return false;
    }
  }

  async setSpeed(speed: number): Promise<void> {
    this.set({ speed });
    if (this.client && this.state.clock && !this.state.clock.finished)
      await this.client.clock('speed', speed);
  }

  // ---- controls -----------------------------------------------------------------------------------------

  async control(control: Control, done: string, form?: string): Promise<boolean> {
    if (!this.client) {
      this.set({ feedback: { text: 'Start a run first.', kind: 'error', form } });
      return false;
    }
    const cutBefore = new Set(this.state.timeline.filter((e) => e.cut).map((e) => e.id));
    try {
      await this.client.control(control);
      // The worker logs the control before it replies, so the newest timeline entry is this one.
      const queues = this.state.info?.queues;
      const at = this.state.timeline.at(-1);
      let text = at ? describeEntry(at, queues) : done;
      // Surges this control ended early (a manual arrival change takes over from them).
      const cut = this.state.timeline.filter((e) => e.cut && !cutBefore.has(e.id) && e !== at);
      for (const e of cut)
        text += `; this ends the surge ×${e.params.factor} early (no return to the old rate at its planned end)`;
      this.set({ feedback: { text, kind: 'ok', form } });
      return true;
    } catch (err) {
      this.set({ feedback: { text: trainerWords((err as Error).message), kind: 'error', form } });
      return false;
    }
  }

  // ---- views --------------------------------------------------------------------------------------------

  setScope(scope: string): void {
    this.set({ scope });
    void this.refreshTimeline();
  }

  setTab(tab: 'live' | 'what-if'): void {
    this.set({ tab });
    void this.refreshTimeline();
  }

  async refreshTimeline(): Promise<void> {
    await new Promise((r) => requestAnimationFrame(r));
    await Promise.all([...this.root.querySelectorAll<WbcTimeline>('wbc-timeline')].map((t) => t.refresh()));
  }

  // ---- what-if ------------------------------------------------------------------------------------------

  async runWhatIf(): Promise<void> {
    if (!this.client || !this.config) return;
    const interventions = await this.client.interventions();
    this.set({ whatIf: { status: 'running', done: 0 } });
    try {
      const result = await runWhatIf(this.config, interventions, (done) =>
        this.set({ whatIf: { status: 'running', done } }),
      );
      const baseline = new SnapshotStore({ ...result.info.settings });
      const intervened = new SnapshotStore({ ...result.info.settings });
      baseline.push(result.baseline.snapshot);
      intervened.push(result.intervened.snapshot);
      this.set({ whatIf: { status: 'done', result, baseline, intervened } });
      await this.refreshTimeline();
    } catch (err) {
      this.set({ whatIf: { status: 'error', message: (err as Error).message } });
    }
  }

  // ---- export -------------------------------------------------------------------------------------------

  private fileBase(): string {
    const info = this.state.info;
    return info ? `${fileSafe(info.name)}-seed${info.seed}` : 'run';
  }

  exportCsv(): void {
    const snapshot = this.state.store?.snapshot;
    if (!snapshot) return;
    download(new Blob([intervalsCsv(snapshot)], { type: 'text/csv' }), `${this.fileBase()}-intervals.csv`);
    this.set({ feedback: { text: 'Interval figures exported as CSV.', kind: 'ok' } });
  }

  async exportNdjson(): Promise<void> {
    if (!this.client) return;
    const { blob, events, truncated } = await this.client.exportNdjson();
    download(blob, `${this.fileBase()}-events.ndjson`);
    this.set({
      feedback: {
        text: `${events.toLocaleString('en')} events exported as NDJSON${truncated ? ' (cut at 100 million characters)' : ''}.`,
        kind: 'ok',
      },
    });
  }
}

/** The simulator's refusals, in a trainer's words where they read like an API's. */
export function trainerWords(message: string): string {
  if (message === 'add-agents: skills must list queues') return 'Tick at least one queue for the new agents.';
  return message;
}
