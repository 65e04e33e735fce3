/**
 * An Asterisk queue_log, followed as Asterisk appends to it and across rotation. Each batch of new
 * lines goes through the metrics package's reader behind a preamble that restores the reader's memory
 * (queue-log-state.ts), so a log read in pieces gives the same events as the whole file read at once.
 */
import { type LineDiagnostic, readQueueLog, type WallboardEvent } from '@wallboard/metrics';
import { FileFollower, type Line } from './follow.js';
import { firstUnsettledExit, QueueLogState } from './queue-log-state.js';
import { type EventSink, FeedClock, type Source, SourceCounters, type SourceStatus } from './source.js';

export interface QueueLogBatch {
  events: WallboardEvent[];
  bad: LineDiagnostic[];
  ignored: number;
}

/** Reads a queue_log a batch of lines at a time. */
export class QueueLogStream {
  private readonly state = new QueueLogState();
  private held: Line[] = [];
  private heldSince = 0;

  constructor(
    /** How long an overflow may wait for the line naming its destination. */
    private readonly holdMs = 2000,
    private readonly label = 'queue_log',
  ) {}

  /** Lines held back (an overflow waiting for its destination), for tests. */
  get holding(): number {
    return this.held.length;
  }

  /** Reads `lines` (after any held ones); `flush` releases everything held. */
  push(lines: readonly Line[], now = Date.now(), flush = false): QueueLogBatch {
    const all = this.held.length > 0 ? [...this.held, ...lines] : [...lines];
    let cut = all.length;
    if (!flush && !(this.held.length > 0 && now - this.heldSince >= this.holdMs)) {
      cut = firstUnsettledExit(all.map((l) => l.text));
    }
    const wasHolding = this.held.length > 0;
    this.held = all.slice(cut);
    if (this.held.length === 0) this.heldSince = 0;
    else if (!wasHolding || cut > 0) this.heldSince = now;
    const lines2 = all.slice(0, cut);
    if (lines2.length === 0) return { events: [], bad: [], ignored: 0 };

    const preamble = this.state.preamble();
    const skip = preamble.length > 0 ? readQueueLog(preamble.join('\n')).events.length : 0;
    const text = preamble.concat(lines2.map((l) => l.text)).join('\n');
    const result = readQueueLog(text);
    const bad: LineDiagnostic[] = [];
    for (const b of result.bad) {
      const l = lines2[b.line - preamble.length - 1];
      // A preamble line cannot be bad (they are built from accepted lines); guard anyway.
      if (!l) continue;
      bad.push({ ...b, line: l.lineNo, detail: `${this.label} line ${l.lineNo}: ${b.detail}` });
    }
    for (const l of lines2) this.state.apply(l.text);
    return { events: result.events.slice(skip), bad, ignored: result.ignored };
  }

  /** Whether held lines have waited long enough to be released by an empty push. */
  due(now = Date.now()): boolean {
    return this.held.length > 0 && now - this.heldSince >= this.holdMs;
  }
}

export class QueueLogSource implements Source {
  private readonly counters: SourceCounters;
  private readonly feedClock = new FeedClock();
  private readonly reader: QueueLogStream;
  private follower: FileFollower | undefined;
  private releaseTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly file: string,
    private readonly options: { pollMs: number; holdMs?: number },
  ) {
    this.counters = new SourceCounters('queue_log', file);
    this.reader = new QueueLogStream(options.holdMs ?? 2000, file);
  }

  get status(): SourceStatus {
    const s = this.counters.status;
    const rotations = this.follower?.rotations ?? 0;
    if (this.follower?.problem)
      return { ...s, alive: false, ended: this.follower.problem, rotations } as SourceStatus;
    return { ...s, rotations } as SourceStatus;
  }

  clock(): number {
    return this.feedClock.now();
  }

  async start(sink: EventSink, onEnd?: () => void): Promise<void> {
    this.counters.onEnd = onEnd;
    const take = (batch: QueueLogBatch) => {
      this.counters.bad(batch.bad);
      this.counters.status.ignored += batch.ignored;
      this.counters.status.events += batch.events.length;
      this.feedClock.observe(batch.events);
      if (batch.events.length > 0) sink(batch.events);
    };
    this.counters.status.alive = true;
    this.follower = new FileFollower(
      this.file,
      (lines) => {
        this.counters.status.lines += lines.length;
        take(this.reader.push(lines));
      },
      { pollMs: this.options.pollMs },
    );
    await this.follower.start();
    this.releaseTimer = setInterval(() => {
      if (this.reader.due()) take(this.reader.push([]));
    }, 250);
  }

  async stop(): Promise<void> {
    if (this.releaseTimer) clearInterval(this.releaseTimer);
    await this.follower?.stop();
    this.counters.end('stopped');
  }
}
