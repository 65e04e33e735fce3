/**
 * `tail -F` for a log file: reads it from the start, then polls for what is appended, and follows it
 * across rotation. When the name points to a new file (Asterisk's logrotate renames queue_log and opens a
 * new one), the rest of the old file is read first, then the new one from its start; a file truncated in
 * place (copytruncate) is read again from its start. Complete lines only: a line still being written is
 * kept until its newline arrives (or the file is rotated away, which completes it).
 * Polling rather than fs.watch: it works the same on every file system, and costs one stat per poll.
 */
import { type FileHandle, open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

export interface Line {
  text: string;
  /** 1-based line number within its file generation. */
  lineNo: number;
  /** How many rotations happened before this line's file (0 = the file found at start). */
  generation: number;
}

export interface FollowOptions {
  pollMs: number;
  /** Bytes read per call at most (bounds memory on a large existing file). */
  chunkBytes?: number;
}

export class FileFollower {
  private handle: FileHandle | undefined;
  private ino = -1;
  private pos = 0;
  private partial = '';
  private decoder = new StringDecoder('utf8');
  private lineNo = 0;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private polling: Promise<void> | undefined;
  /** Why the file cannot be read right now (missing, permission), for /health; undefined when fine. */
  problem: string | undefined;
  rotations = 0;

  constructor(
    readonly path: string,
    private readonly onLines: (lines: Line[]) => void,
    private readonly options: FollowOptions,
  ) {}

  /** Reads what is there now, then keeps polling. */
  async start(): Promise<void> {
    await this.pollOnce();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    await this.handle?.close().catch(() => {});
    this.handle = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.pollOnce().finally(() => this.schedule());
    }, this.options.pollMs);
  }

  /** One poll: open if needed, read to the end, check for rotation or truncation. */
  async pollOnce(): Promise<void> {
    try {
      if (!this.handle) {
        if (!(await this.openCurrent())) return;
      }
      await this.readToEnd();
      let st: Awaited<ReturnType<typeof stat>> | undefined;
      try {
        st = await stat(this.path);
      } catch {
        st = undefined;
      }
      if (!st || st.ino !== this.ino) {
        // Rotated (or removed): the old file is fully read; complete its last line and move on.
        if (st) {
          await this.readToEnd();
          this.finishFile();
          await this.handle?.close().catch(() => {});
          this.handle = undefined;
          this.generation++;
          this.rotations++;
          if (await this.openCurrent()) await this.readToEnd();
        }
      } else if (st.size < this.pos) {
        // Truncated in place: start over from the beginning of the same file.
        this.finishFile();
        this.pos = 0;
        this.generation++;
        this.rotations++;
        await this.readToEnd();
      }
      this.problem = undefined;
    } catch (err) {
      this.problem = (err as Error).message;
    }
  }

  private async openCurrent(): Promise<boolean> {
    try {
      this.handle = await open(this.path, 'r');
      this.ino = (await this.handle.stat()).ino;
      this.pos = 0;
      this.lineNo = 0;
      this.partial = '';
      this.decoder = new StringDecoder('utf8');
      this.problem = undefined;
      return true;
    } catch (err) {
      this.problem = `cannot open ${this.path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
      return false;
    }
  }

  private async readToEnd(): Promise<void> {
    const h = this.handle;
    if (!h) return;
    const size = this.options.chunkBytes ?? 1 << 20;
    const buf = Buffer.allocUnsafe(size);
    for (;;) {
      const { bytesRead } = await h.read(buf, 0, size, this.pos);
      if (bytesRead === 0) return;
      this.pos += bytesRead;
      this.take(this.decoder.write(buf.subarray(0, bytesRead)));
      if (this.stopped) return;
    }
  }

  private take(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    if (parts.length === 0) return;
    const lines: Line[] = parts.map((p) => ({
      text: p.endsWith('\r') ? p.slice(0, -1) : p,
      lineNo: ++this.lineNo,
      generation: this.generation,
    }));
    this.onLines(lines);
  }

  private finishFile(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    this.decoder = new StringDecoder('utf8');
    if (rest !== '') this.onLines([{ text: rest, lineNo: ++this.lineNo, generation: this.generation }]);
    this.lineNo = 0;
  }
}

/** Splits a stream of text chunks (stdin) into numbered lines. */
export class LineSplitter {
  private partial = '';
  private lineNo = 0;

  push(text: string): Line[] {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    return parts.map((p) => ({
      text: p.endsWith('\r') ? p.slice(0, -1) : p,
      lineNo: ++this.lineNo,
      generation: 0,
    }));
  }

  end(): Line[] {
    const rest = this.partial;
    this.partial = '';
    return rest === '' ? [] : [{ text: rest, lineNo: ++this.lineNo, generation: 0 }];
  }
}
