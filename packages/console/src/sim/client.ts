/**
 * The page side of the simulation worker: typed requests that resolve with the worker's reply, and
 * streams of what the worker sends on its own (snapshots, heartbeats, the timeline, new days, the end).
 */
import type { Snapshot } from '@wallboard/metrics';
import { BehaviorSubject, Subject } from 'rxjs';
import type {
  ClockState,
  Control,
  Intervention,
  Reply,
  Request,
  RunConfig,
  RunInfo,
  TimelineEntry,
  WhatIfResult,
} from './protocol.js';
import type { AgentRow } from './roster.js';

/** A request the worker refused: `message` says why, `problems` lists a scenario's problems by path. */
export class SimError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

// Distributes Request over the union so each member keeps its own fields.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

const newWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

export class SimClient {
  readonly snapshots$ = new Subject<{ snapshot: Snapshot; agents?: AgentRow[] }>();
  /** Every sign of life: a snapshot or a heartbeat (the page re-pushes its last snapshot on it). */
  readonly alive$ = new Subject<void>();
  readonly clock$ = new BehaviorSubject<ClockState | null>(null);
  readonly timeline$ = new Subject<TimelineEntry>();
  readonly info$ = new BehaviorSubject<RunInfo | null>(null);
  readonly done$ = new Subject<void>();
  readonly errors$ = new Subject<SimError>();
  private readonly worker: Worker;
  private seq = 0;
  private readonly pending = new Map<
    number,
    { resolve: (r: Reply) => void; reject: (e: SimError) => void }
  >();

  constructor(worker: Worker = newWorker()) {
    this.worker = worker;
    worker.addEventListener('message', (e: MessageEvent<Reply>) => this.receive(e.data));
    worker.addEventListener('error', (e) => {
      const err = new SimError(`The simulation worker failed: ${e.message || 'unknown error'}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.errors$.next(err);
    });
  }

  private request(req: WithoutId<Request>): Promise<Reply> {
    const id = ++this.seq;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } as Request);
    });
  }

  private receive(reply: Reply): void {
    if ('id' in reply && reply.id !== undefined && reply.type !== 'what-if-progress') {
      const p = this.pending.get(reply.id);
      if (p) {
        this.pending.delete(reply.id);
        if (reply.type === 'error') p.reject(new SimError(reply.message, reply.problems));
        else p.resolve(reply);
        if (reply.type === 'started') this.info$.next(reply.info);
        return;
      }
    }
    switch (reply.type) {
      case 'snapshot':
        this.clock$.next(reply.clock);
        this.snapshots$.next(
          reply.agents ? { snapshot: reply.snapshot, agents: reply.agents } : { snapshot: reply.snapshot },
        );
        this.alive$.next();
        break;
      case 'alive':
        this.clock$.next(reply.clock);
        this.alive$.next();
        break;
      case 'timeline':
        this.timeline$.next(reply.entry);
        break;
      case 'day':
        this.info$.next(reply.info);
        break;
      case 'done':
        this.clock$.next(reply.clock);
        this.done$.next();
        break;
      case 'error':
        this.errors$.next(new SimError(reply.message, reply.problems));
        break;
      default:
        break;
    }
  }

  async start(config: RunConfig): Promise<RunInfo> {
    const r = await this.request({ type: 'start', config });
    if (r.type !== 'started') throw new SimError(`unexpected reply ${r.type}`);
    return r.info;
  }

  /** Applies a live control now; resolves with the agents it acted on. */
  async control(control: Control): Promise<string[]> {
    const r = await this.request({ type: 'control', control });
    return r.type === 'ok' ? (r.agents ?? []) : [];
  }

  async clock(action: 'pause' | 'resume' | 'step' | 'speed', speed?: number): Promise<void> {
    await this.request({ type: 'clock', action, speed });
  }

  /** Runs as fast as possible to a simulated epoch time and pauses there. */
  async jump(to: number): Promise<void> {
    await this.request({ type: 'jump', to });
  }

  /** Only these scopes are sent from now on (null: all). */
  async setScopes(scopes: string[] | null): Promise<void> {
    await this.request({ type: 'scopes', scopes });
  }

  async exportNdjson(): Promise<{ blob: Blob; events: number; truncated: boolean }> {
    const r = await this.request({ type: 'export-ndjson' });
    if (r.type !== 'ndjson') throw new SimError(`unexpected reply ${r.type}`);
    return { blob: r.blob, events: r.events, truncated: r.truncated };
  }

  async interventions(): Promise<Intervention[]> {
    const r = await this.request({ type: 'interventions' });
    return r.type === 'interventions' ? r.interventions : [];
  }

  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new SimError('stopped'));
    this.pending.clear();
  }
}

/**
 * Runs the what-if in a worker of its own (the live run goes on meanwhile) and closes it after.
 * `onProgress` gets 1 when the run as scheduled is done, 2 when both are.
 */
export function runWhatIf(
  config: RunConfig,
  interventions: Intervention[],
  onProgress: (done: number) => void = () => {},
  worker: Worker = newWorker(),
): Promise<WhatIfResult> {
  return new Promise<WhatIfResult>((resolve, reject) => {
    const finish = () => worker.terminate();
    worker.addEventListener('message', (e: MessageEvent<Reply>) => {
      const r = e.data;
      if (r.type === 'what-if-progress') onProgress(r.done);
      else if (r.type === 'what-if') {
        finish();
        resolve(r.result);
      } else if (r.type === 'error') {
        finish();
        reject(new SimError(r.message, r.problems));
      }
    });
    worker.addEventListener('error', (e) => {
      finish();
      reject(new SimError(`The what-if worker failed: ${e.message || 'unknown error'}`));
    });
    worker.postMessage({ type: 'what-if', id: 1, config, interventions } satisfies Request);
  });
}
