import { describe, expect, it } from 'vitest';
import { figureThresholds, slTermsOf } from '../src/shared/thresholds.js';
import { widgetThresholds } from '../src/tv/board.js';
import { DEFAULT_LAYOUT, type Layout, validateLayout, type WidgetSpec } from '../src/tv/layout.js';
import { SL_INFO as info } from './support/sl-info.js';

const metric = (m: string, extra: Partial<WidgetSpec> = {}): WidgetSpec => ({
  type: 'metric',
  metric: m,
  ...extra,
});
/** What the console shows for the same figure of the same scope. */
const consoleOf = (scope: string, figure: keyof ReturnType<typeof figureThresholds>) =>
  figureThresholds(slTermsOf(scope, info))[figure];

describe('floor board thresholds', () => {
  it("are the console's for the same scope: ASA at T and 3T of the queue, SL critical 15 points under target", () => {
    const asaAll = widgetThresholds(metric('asaSec'), DEFAULT_LAYOUT, info, 'asaSec');
    expect(asaAll).toEqual({ warn: 20, critical: 60, direction: 'above' });
    expect(asaAll).toEqual(consoleOf('all', 'asaSec'));
    const asaVip = widgetThresholds(
      metric('interval.asaSec', { queue: 'vip' }),
      DEFAULT_LAYOUT,
      info,
      'interval.asaSec',
    );
    expect(asaVip).toEqual({ warn: 10, critical: 30, direction: 'above' });
    const sl = widgetThresholds({ type: 'sl-gauge', queue: 'vip' }, DEFAULT_LAYOUT, info, 'serviceLevel');
    expect(sl).toEqual(consoleOf('queue:vip', 'serviceLevel'));
    expect(sl).toEqual({ warn: 0.9, critical: 0.75, direction: 'below' });
    for (const f of ['waiting', 'longestWaitSec', 'abandonRate', 'occupancy'] as const)
      expect(widgetThresholds(metric(f), DEFAULT_LAYOUT, info, f)).toEqual(consoleOf('all', f));
  });

  it('a count has none', () => {
    expect(widgetThresholds(metric('offered'), DEFAULT_LAYOUT, info, 'offered')).toEqual({
      warn: undefined,
      critical: undefined,
      direction: undefined,
    });
  });

  it("a layout file's thresholds override field by field, and a widget's own override both", () => {
    const r = validateLayout({ thresholds: { asaSec: { warn: 45 } } });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const layout: Layout = r.value;
    expect(widgetThresholds(metric('asaSec'), layout, info, 'asaSec')).toEqual({
      warn: 45,
      critical: 60,
      direction: 'above',
    });
    expect(widgetThresholds(metric('asaSec', { critical: 90 }), layout, info, 'asaSec')).toEqual({
      warn: 45,
      critical: 90,
      direction: 'above',
    });
  });
});

describe('floor board thresholds never invert', () => {
  it('drops a borrowed level that lands on the wrong side of a given one', () => {
    const r = validateLayout({ thresholds: { asaSec: { warn: 45 } } });
    if (!r.ok) throw new Error(r.problems.join('\n'));
    // vip's shared ASA critical is 3T = 30 s, under the file's warn of 45 s: 35 s would show Critical
    // and Warning could never appear. The file's warn stands alone.
    expect(widgetThresholds(metric('asaSec', { queue: 'vip' }), r.value, info, 'asaSec')).toEqual({
      warn: 45,
      critical: undefined,
      direction: 'above',
    });
    // SL warn at 0.6 on a 0.8 target: the shared critical 0.65 is above it, so it goes.
    expect(widgetThresholds({ type: 'sl-gauge', warn: 0.6 }, DEFAULT_LAYOUT, info, 'serviceLevel')).toEqual({
      warn: 0.6,
      critical: undefined,
      direction: 'below',
    });
    // A borrowed level on the right side stays: SL critical 0.5 with the shared warn at the 0.8 target.
    expect(
      widgetThresholds({ type: 'sl-gauge', critical: 0.5 }, DEFAULT_LAYOUT, info, 'serviceLevel'),
    ).toEqual({ warn: 0.8, critical: 0.5, direction: 'below' });
    // The queue tile's wait levels: its own warn 200 s over the shared critical 120 s.
    expect(
      widgetThresholds({ type: 'queue-tile', warn: 200 }, DEFAULT_LAYOUT, info, 'longestWaitSec'),
    ).toEqual({ warn: 200, critical: undefined, direction: 'above' });
  });

  it('a layout that gives both levels the wrong way round is refused, naming where', () => {
    const problems = (doc: unknown) => {
      const r = validateLayout(doc);
      return r.ok ? [] : r.problems;
    };
    expect(problems({ thresholds: { asaSec: { warn: 60, critical: 30 } } })).toEqual([
      'thresholds.asaSec.critical: must be at or above warn (60) when above is bad, got 30',
    ]);
    expect(
      problems({ pages: [{ title: 'A', widgets: [{ type: 'sl-gauge', warn: 0.8, critical: 0.9 }] }] }).join(
        '\n',
      ),
    ).toMatch(
      /pages\[0\]\.widgets\[0\]\.critical: must be at or below warn \(0\.8\) when below is bad, got 0\.9/,
    );
    expect(
      problems({
        pages: [
          {
            title: 'A',
            widgets: [{ type: 'metric', metric: 'interval.serviceLevel', warn: 0.8, critical: 0.6 }],
          },
        ],
      }),
    ).toEqual([]);
    expect(problems({ thresholds: { waiting: { warn: 10, critical: 5, direction: 'below' } } })).toEqual([]);
  });
});

describe('a feed board', () => {
  it("judges each queue by the SL terms the server sends for it, not the feed's defaults", async () => {
    const { feedInfo } = await import('../src/tv/tv.js');
    const sl = (slTarget: number, slThresholdSec: number) => ({
      sl: { slTarget, slThresholdSec, slFormula: 'abandons-count-against', shortAbandonSec: 5 },
    });
    const snapshot = {
      t: Date.UTC(2025, 2, 3, 9, 0, 0),
      timeZone: 'UTC',
      scopes: { all: sl(0.8, 20), 'queue:care': sl(0.8, 20), 'queue:vip': sl(0.9, 10) },
    } as unknown as Parameters<typeof feedInfo>[1];
    const fed = feedInfo({ settings: info.settings }, snapshot);
    expect(fed.queues).toEqual([
      { id: 'care', name: 'care', slTarget: 0.8, slThresholdSec: 20 },
      { id: 'vip', name: 'vip', slTarget: 0.9, slThresholdSec: 10 },
    ]);
    const asa = widgetThresholds(metric('asaSec', { queue: 'vip' }), DEFAULT_LAYOUT, fed, 'asaSec');
    expect(asa).toEqual({ warn: 10, critical: 30, direction: 'above' });
  });
});
