import { MetricsEngine, type WallboardEvent } from '@wallboard/metrics';
import { builtInScenario, simulate } from '@wallboard/simulator';
import { toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { FIGURE_NAMES, METRIC_NAMES } from '../src/tv/figures.js';

/** The numeric (or empty: null) leaves of a scope snapshot, as the dotted paths a widget reads. */
function leaves(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => {
    const path = `${prefix}${k}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      return leaves(v as Record<string, unknown>, `${path}.`);
    return typeof v === 'number' || v === null ? [path] : [];
  });
}

describe('the floor board’s metric names', () => {
  it('are exactly the figures of a real snapshot (today, interval, rolling, agent states, advice)', async () => {
    const events = await new Promise<WallboardEvent[]>((resolve) =>
      simulate(builtInScenario('absenteeism-overflow'), { sliceMs: 0 }).pipe(toArray()).subscribe(resolve),
    );
    const engine = new MetricsEngine({ queues: { care: {} } });
    engine.pushMany(events.slice(0, Math.floor(events.length / 2)));
    const snapshot = engine.snapshot();
    const queue = snapshot.scopes['queue:care'];
    expect(queue?.advice).toBeDefined();
    const { sl: _sl, intervals: _intervals, interval, ...rest } = queue!;
    const { start: _s, end: _e, label: _l, ...intervalFigures } = interval;
    const real = leaves({ ...rest, interval: intervalFigures });
    expect([...METRIC_NAMES].sort()).toEqual([...new Set(real)].sort());
    // Every scope has the same figures (advice only on queues).
    const all = leaves(snapshot.scopes.all as unknown as Record<string, unknown>);
    for (const path of METRIC_NAMES.filter((m) => !m.startsWith('advice.')))
      expect(all, path).toContain(path);
  });

  it('name thresholds by the last part of a path', () => {
    expect(FIGURE_NAMES).toContain('serviceLevel');
    expect(FIGURE_NAMES).toContain('available');
    expect(FIGURE_NAMES).not.toContain('interval');
  });
});
