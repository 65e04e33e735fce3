import type { WallboardEvent } from '../events.js';

/** One problem with one input line (1-based physical line number), reported, never thrown. */
export interface LineDiagnostic {
  line: number;
  /** Short machine-readable reason, e.g. `malformed`, `bad-time`, `unknown-verb`, `missing-field`. */
  reason: string;
  /** Human explanation naming what was wrong. */
  detail: string;
}

export type InputFormat = 'ndjson' | 'queue_log' | 'cdr';

export const INPUT_FORMATS: readonly InputFormat[] = ['ndjson', 'queue_log', 'cdr'];

/** What a reader makes of one file. */
export interface ReadResult {
  events: WallboardEvent[];
  /** `lines[i]` is the 1-based source line of `events[i]` (a CDR row's line, even after sorting by time). */
  lines: number[];
  /** Lines that were dropped whole, each with its reason. */
  bad: LineDiagnostic[];
  /** Lines understood and deliberately left out (e.g. QUEUESTART, PHANTOM rows, calls that never queued). */
  ignored: number;
  /** `ignored` broken down by why. */
  ignoredReasons: Record<string, number>;
  /** Lines kept but inconsistent with themselves (e.g. a queue_log holdtime that disagrees with the clock). */
  warnings: LineDiagnostic[];
}

/** A whole-input problem (a bad column map, a header missing a mapped column): thrown, with a clear message. */
export class FormatError extends Error {
  override name = 'FormatError';
}

/** Builds a ReadResult step by step. */
export class ResultBuilder {
  readonly events: WallboardEvent[] = [];
  readonly lines: number[] = [];
  readonly bad: LineDiagnostic[] = [];
  readonly warnings: LineDiagnostic[] = [];
  readonly ignoredReasons: Record<string, number> = {};
  ignored = 0;

  add(event: WallboardEvent, line: number): void {
    this.events.push(event);
    this.lines.push(line);
  }

  /** Sorts the events by time, stably (a row's own events keep their order), lines along with them. */
  sortByTime(): void {
    const order = this.events.map((_, i) => i);
    order.sort((a, b) => this.events[a].t - this.events[b].t || a - b);
    const events = order.map((i) => this.events[i]);
    const lines = order.map((i) => this.lines[i]);
    for (let i = 0; i < order.length; i++) {
      this.events[i] = events[i];
      this.lines[i] = lines[i];
    }
  }

  reject(line: number, reason: string, detail: string): void {
    this.bad.push({ line, reason, detail });
  }

  warn(line: number, reason: string, detail: string): void {
    this.warnings.push({ line, reason, detail });
  }

  ignore(why: string): void {
    this.ignored++;
    this.ignoredReasons[why] = (this.ignoredReasons[why] ?? 0) + 1;
  }

  result(): ReadResult {
    return {
      events: this.events,
      lines: this.lines,
      bad: this.bad,
      ignored: this.ignored,
      ignoredReasons: this.ignoredReasons,
      warnings: this.warnings,
    };
  }
}

/**
 * Splits text into physical lines (LF or CRLF), dropping a leading byte-order mark. Line i of the
 * result is line i + 1 of the file.
 */
export function splitLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Quotes a fragment of a bad line for a detail message, bounded so a huge line cannot flood a report. */
export function excerpt(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
