/**
 * Derives published snapshots from the engine core: figures per scope and window, live counts, today's
 * intervals and staffing advice. Closed intervals are derived once and reused until they change, so a
 * snapshot costs O(scopes) plus the intervals that closed since the last one.
 */
import { AGENT_STATES, type AgentStateName } from '../events.js';
import type { IntervalFigures, ScopeSnapshot, SlSettings, Snapshot } from '../types.js';
import { type Acc, figures } from './accumulator.js';
import { AdviceCache } from './advice.js';
import type { EngineCore } from './core.js';
import type { ClosedInterval, Scope } from './scope.js';

interface IntervalListCache {
  version: number;
  list: IntervalFigures[];
}

export class SnapshotBuilder {
  private readonly lists = new WeakMap<Scope, IntervalListCache>();
  private readonly defaultSl: SlSettings;
  private readonly queueSl = new Map<string, SlSettings>();
  private readonly advice = new AdviceCache();

  constructor(private readonly core: EngineCore) {
    const o = core.options;
    this.defaultSl = {
      slThresholdSec: o.slThresholdSec,
      slTarget: o.slTarget,
      slFormula: o.slFormula,
      shortAbandonSec: o.shortAbandonSec,
    };
    for (const [q, cfg] of Object.entries(o.queues)) {
      if (cfg.slThresholdSec === undefined && cfg.slTarget === undefined) continue;
      this.queueSl.set(`queue:${q}`, {
        ...this.defaultSl,
        slThresholdSec: cfg.slThresholdSec ?? o.slThresholdSec,
        slTarget: cfg.slTarget ?? o.slTarget,
      });
    }
  }

  /** The SL settings a scope's figures use (a queue may override threshold and target). */
  settingsOf(scopeKey: string): SlSettings {
    return this.queueSl.get(scopeKey) ?? this.defaultSl;
  }

  build(seq: number): Snapshot {
    const core = this.core;
    const now = core.now === Number.NEGATIVE_INFINITY ? 0 : core.now;
    if (core.now !== Number.NEGATIVE_INFINITY) core.integrateAll(now);
    const scopes: Record<string, ScopeSnapshot> = {};
    for (const s of core.scopes.values()) scopes[s.key] = this.scopeSnapshot(s, now);
    return { seq, t: now, timeZone: core.calendar.timeZone, scopes };
  }

  private scopeSnapshot(s: Scope, now: number): ScopeSnapshot {
    const core = this.core;
    const sl = this.settingsOf(s.key);
    const formula = sl.slFormula;
    const agentsByState = {} as Record<AgentStateName, number>;
    AGENT_STATES.forEach((name, i) => {
      agentsByState[name] = s.agentCounts[i];
    });
    const rollingAcc = s.rolling(core.minute);
    const snap: ScopeSnapshot = {
      scope: s.key,
      sl,
      ...figures(s.view(s.today), formula),
      staffedAgents: s.staffed(),
      waiting: s.waiting.size,
      longestWaitSec: s.longestWaitMs(now) / 1000,
      agentsByState,
      interval: this.intervalFigures(s.view(s.interval), core.intervalStart, core.nextInterval, formula),
      rolling: figures(rollingAcc, formula),
      intervals: this.closedList(s, formula),
    };
    if (core.options.advice && s.key.startsWith('queue:')) {
      const advice = this.advice.get(s, now, rollingAcc, sl);
      if (advice) snap.advice = advice;
    }
    return snap;
  }

  intervalFigures(acc: Acc, start: number, end: number, formula: SlSettings['slFormula']): IntervalFigures {
    return { start, end, label: this.core.calendar.label(start), ...figures(acc, formula) };
  }

  private closedList(s: Scope, formula: SlSettings['slFormula']): IntervalFigures[] {
    const cached = this.lists.get(s);
    if (cached && cached.version === s.closedVersion) return cached.list;
    const list = s.closed.map((rec) => this.closedFigures(rec, formula));
    this.lists.set(s, { version: s.closedVersion, list });
    return list;
  }

  private closedFigures(rec: ClosedInterval, formula: SlSettings['slFormula']): IntervalFigures {
    rec.figures ??= this.intervalFigures(rec.acc, rec.start, rec.end, formula);
    return rec.figures;
  }
}

/** Reads a dotted metric path (`serviceLevel`, `interval.asaSec`, `agentsByState.break`) from a scope. */
export function readMetric(scope: ScopeSnapshot | undefined, path: readonly string[]): unknown {
  let v: unknown = scope;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[k];
  }
  return v === undefined ? null : v;
}
