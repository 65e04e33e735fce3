import type { Timer } from '../../src/clock.js';

/** A manual wall clock: callbacks run only when the test advances time. */
export class FakeTimer implements Timer {
  t = 0;
  private seq = 0;
  private pending: Array<{ at: number; seq: number; fn: () => void }> = [];

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const entry = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.pending.push(entry);
    return entry;
  }

  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p !== handle);
  }

  /** Moves the clock forward by ms, running every callback that falls due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.pending[0];
      if (!next || next.at > end) break;
      this.pending.shift();
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = Math.max(this.t, end);
  }

  get queued(): number {
    return this.pending.length;
  }
}
