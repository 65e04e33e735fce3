/**
 * NDJSON events (the schema itself) from a file, followed as it grows, or from stdin (`-`). Lines are
 * decoded and validated in batches by the metrics package's reader; a bad line is counted with its
 * number and reason and never touches its neighbours.
 */
import { type LineDiagnostic, readNdjson } from '@wallboard/metrics';
import { FileFollower, type Line, LineSplitter } from './follow.js';
import { type EventSink, FeedClock, type Source, SourceCounters, type SourceStatus } from './source.js';

/** Decodes a batch of numbered lines; bad lines keep their own numbers. */
export function decodeNdjsonLines(lines: readonly Line[], label: string) {
  const result = readNdjson(lines.map((l) => l.text).join('\n'));
  const bad: LineDiagnostic[] = result.bad.map((b) => {
    const l = lines[b.line - 1];
    return { ...b, detail: `${label} line ${l.lineNo}: ${b.detail}`, line: l.lineNo };
  });
  return { events: result.events, bad };
}

export class NdjsonSource implements Source {
  private readonly counters: SourceCounters;
  private readonly feedClock = new FeedClock();
  private follower: FileFollower | undefined;
  private stdinListener: ((chunk: Buffer | string) => void) | undefined;

  constructor(
    private readonly file: string,
    private readonly options: { pollMs: number; stdin?: NodeJS.ReadableStream },
  ) {
    this.counters = new SourceCounters('ndjson', file === '-' ? 'stdin' : file);
  }

  get status(): SourceStatus {
    const s = this.counters.status;
    if (this.follower?.problem) return { ...s, alive: false, ended: this.follower.problem };
    return s;
  }

  clock(): number {
    return this.feedClock.now();
  }

  async start(sink: EventSink, onEnd?: () => void): Promise<void> {
    this.counters.onEnd = onEnd;
    const name = this.counters.status.name;
    const take = (lines: Line[]) => {
      this.counters.status.lines += lines.length;
      const { events, bad } = decodeNdjsonLines(lines, name);
      this.counters.bad(bad);
      this.counters.status.events += events.length;
      this.feedClock.observe(events);
      if (events.length > 0) sink(events);
    };
    this.counters.status.alive = true;
    if (this.file === '-') {
      const input = this.options.stdin ?? process.stdin;
      const splitter = new LineSplitter();
      this.stdinListener = (chunk) => take(splitter.push(chunk.toString()));
      input.on('data', this.stdinListener);
      input.on('end', () => {
        take(splitter.end());
        this.counters.end('stdin closed');
      });
      return;
    }
    this.follower = new FileFollower(this.file, take, { pollMs: this.options.pollMs });
    await this.follower.start();
  }

  async stop(): Promise<void> {
    if (this.stdinListener) (this.options.stdin ?? process.stdin).off('data', this.stdinListener);
    await this.follower?.stop();
    this.counters.end('stopped');
  }
}
