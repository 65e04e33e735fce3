/** A one-line progress bar on stderr, drawn only on a terminal and only for runs that take a while. */
import type { CliIo } from './io.js';

const WIDTH = 24;
const FIRST_DRAW_MS = 300;
const EVERY_MS = 150;

export class Progress {
  private readonly enabled: boolean;
  private readonly startWall: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly io: CliIo,
    private readonly totalMs: number,
  ) {
    this.enabled = io.stderrIsTty && totalMs > 0;
    this.startWall = io.now();
  }

  update(simMs: number, calls: number, events: number): void {
    if (!this.enabled) return;
    const now = this.io.now();
    if (now - this.startWall < FIRST_DRAW_MS || now - this.lastDraw < EVERY_MS) return;
    this.lastDraw = now;
    const share = Math.min(1, simMs / this.totalMs);
    const full = Math.round(share * WIDTH);
    const bar = `${'#'.repeat(full)}${'-'.repeat(WIDTH - full)}`;
    const h = Math.floor(simMs / 3_600_000);
    const m = Math.floor((simMs % 3_600_000) / 60_000);
    this.io.stderr(
      `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${h}h${String(m).padStart(2, '0')} simulated  ${calls.toLocaleString('en-US')} calls  ${events.toLocaleString('en-US')} events`,
    );
    this.drawn = true;
  }

  /** Clears the line (if anything was drawn). */
  done(): void {
    if (this.drawn) this.io.stderr('\r\x1b[2K');
    this.drawn = false;
  }
}
