/**
 * Call-detail records replayed at a speed: the whole file is read and mapped once (a CDR row becomes
 * its call's events, sorted by time), then the events are released as a clock running `speed` times as
 * fast as the wall clock reaches them. When the last one is out the replay has ended and the clock
 * stops there, so the board keeps the day's final figures.
 */
import { readFile } from 'node:fs/promises';
import { readEvents, type WallboardEvent } from '@wallboard/metrics';
import { type EventSink, type Source, SourceCounters, type SourceStatus } from './source.js';

export class CdrReplaySource implements Source {
  private readonly counters: SourceCounters;
  private events: WallboardEvent[] = [];
  private next = 0;
  private startWall = 0;
  private startT = Number.NaN;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly file: string,
    private readonly map: unknown,
    private readonly options: { speed: number; tickMs?: number },
  ) {
    this.counters = new SourceCounters('cdr', file);
  }

  get status(): SourceStatus {
    return this.counters.status;
  }

  clock(): number {
    if (Number.isNaN(this.startT)) return Number.NaN;
    const t = this.startT + (Date.now() - this.startWall) * this.options.speed;
    const last = this.events[this.events.length - 1]?.t ?? this.startT;
    return Math.min(t, last);
  }

  /** Reads and maps the file (a FormatError names a bad map or header), then starts the replay. */
  async start(sink: EventSink, onEnd?: () => void): Promise<void> {
    this.counters.onEnd = onEnd;
    const text = await readFile(this.file, 'utf8');
    const result = readEvents(text, { format: 'cdr', map: this.map });
    const c = this.counters;
    c.status.lines = text.split('\n').length;
    c.bad(result.bad.map((b) => ({ ...b, detail: `${this.file} line ${b.line}: ${b.detail}` })));
    c.status.ignored = result.ignored;
    this.events = result.events;
    c.status.alive = true;
    if (this.events.length === 0) {
      c.end('the file has no calls');
      return;
    }
    this.startT = this.events[0].t;
    this.startWall = Date.now();
    const release = () => {
      const now = this.clock();
      const batch: WallboardEvent[] = [];
      while (this.next < this.events.length && this.events[this.next].t <= now)
        batch.push(this.events[this.next++]);
      if (batch.length > 0) {
        c.status.events += batch.length;
        sink(batch);
      }
      if (this.next >= this.events.length) {
        clearInterval(this.timer);
        this.timer = undefined;
        c.end('replay finished');
      }
    };
    release();
    if (this.next < this.events.length) this.timer = setInterval(release, this.options.tickMs ?? 50);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.counters.status.alive) this.counters.end('stopped');
  }
}
