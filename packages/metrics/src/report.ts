/**
 * Whole-stream report: every event through the engine, then totals per scope and per interval. The JSON
 * shape is the contract of `wallboard-metrics report --json` and `wallboard-sim run --summary --json`.
 */
import { figures } from './engine/accumulator.js';
import { MetricsEngine } from './engine/engine.js';
import type { EngineOptions } from './engine/options.js';
import type { IntervalMinutes, LiveFigures, SlSettings, WindowFigures } from './types.js';

export type ReportScope = WindowFigures & LiveFigures & { sl: SlSettings };

export interface ReportInterval {
  start: number;
  end: number;
  label: string;
  scopes: Record<string, WindowFigures>;
}

export interface Report {
  settings: SlSettings & { timeZone: string; intervalMin: IntervalMinutes };
  /** Stream time of the first and last accepted event (epoch ms), null when none was accepted. */
  from: number | null;
  to: number | null;
  scopes: Record<string, ReportScope>;
  intervals: ReportInterval[];
  diagnostics: { accepted: number; rejected: number; reasons: Record<string, number> };
}

export type ReportOptions = Omit<EngineOptions, 'clock' | 'scheduler' | 'tickMs' | 'keepIntervals'>;

/** An incremental report: push events (decoded objects), then `result()`. */
export class ReportBuilder {
  private readonly engine: MetricsEngine;

  constructor(options: ReportOptions = {}) {
    this.engine = new MetricsEngine({ ...options, keepIntervals: 'all', advice: false });
  }

  /**
   * Pushes one event; `line` (its source line) is handed to `onRejected` if the engine rejects it, now
   * or later (an event can be rejected after the fact, e.g. a first event retracted for an absurd time).
   */
  push(event: unknown, line = 0): boolean {
    return this.engine.internals.core.push(event, line);
  }

  /** Calls `f` for every event the engine rejects, with the line given to `push` (for --strict). */
  onRejected(f: (line: number, reason: string, detail: string) => void): void {
    this.engine.internals.core.onReject = f;
  }

  /** Counts a line that never became an event object (unparseable JSON, a bad CSV row) as rejected. */
  rejectLine(reason: string): void {
    const d = this.engine.internals.core.diagnostics;
    d.rejected++;
    d.reasons[reason] = (d.reasons[reason] ?? 0) + 1;
  }

  result(): Report {
    const { core, builder } = this.engine.internals;
    // The stream is over: an event held against the first one is rejected, and an overflow not
    // re-queued by now never will be.
    core.settleStart();
    core.settleOverflows(Number.POSITIVE_INFINITY);
    const snap = this.engine.snapshot();
    const scopes: Record<string, ReportScope> = {};
    const byInterval = new Map<number, ReportInterval>();
    const addInterval = (start: number, end: number, label: string, key: string, f: WindowFigures) => {
      let row = byInterval.get(start);
      if (!row) byInterval.set(start, (row = { start, end, label, scopes: {} }));
      row.scopes[key] = f;
    };
    for (const s of core.scopes.values()) {
      const live = snap.scopes[s.key];
      const sl = builder.settingsOf(s.key);
      scopes[s.key] = {
        ...figures(s.view(s.total), sl.slFormula),
        staffedAgents: live.staffedAgents,
        waiting: live.waiting,
        longestWaitSec: live.longestWaitSec,
        agentsByState: live.agentsByState,
        sl,
      };
      for (const i of live.intervals) addInterval(i.start, i.end, i.label, s.key, stripInterval(i));
      if (
        core.now !== Number.NEGATIVE_INFINITY &&
        live.interval.offered + live.interval.handled + live.interval.shortAbandoned > 0
      ) {
        addInterval(
          live.interval.start,
          live.interval.end,
          live.interval.label,
          s.key,
          stripInterval(live.interval),
        );
      }
    }
    const d = this.engine.diagnostics();
    return {
      settings: this.engine.settings,
      from: core.startedAt,
      to: core.startedAt === null ? null : core.now,
      scopes,
      intervals: [...byInterval.values()].sort((a, b) => a.start - b.start),
      diagnostics: { accepted: d.accepted, rejected: d.rejected, reasons: d.reasons },
    };
  }
}

function stripInterval<T extends WindowFigures & { start: number; end: number; label: string }>(
  i: T,
): WindowFigures {
  const { start: _s, end: _e, label: _l, ...rest } = i;
  return rest;
}

/** Runs a whole stream through the engine and returns the report. Never throws on bad events. */
export function buildReport(events: Iterable<unknown>, options: ReportOptions = {}): Report {
  const r = new ReportBuilder(options);
  for (const e of events) r.push(e);
  return r.result();
}
