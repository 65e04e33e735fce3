import { type Thresholds, thresholdLevel } from '@wallboard/widgets';
import { describe, expect, it } from 'vitest';
import { figureThresholds, slTermsOf, thresholdsOf } from '../src/shared/thresholds.js';
import { SL_INFO as info } from './support/sl-info.js';

/** The level of each value, as the widgets decide it. */
const levels = (t: Thresholds, values: number[]) => values.map((v) => thresholdLevel(v, t));

describe('figure thresholds (one definition for the console, the what-if and the floor board)', () => {
  const t = figureThresholds({ slTarget: 0.8, slThresholdSec: 20 });

  it('service level: warning below the target, critical 15 points under it', () => {
    expect(levels(t.serviceLevel, [0.85, 0.8, 0.7, 0.65, 0.27, 0.06])).toEqual([
      'ok',
      'ok',
      'warning',
      'warning',
      'critical',
      'critical',
    ]);
    expect(thresholdsOf('interval.serviceLevel', info.settings)).toEqual(t.serviceLevel);
  });

  it('abandon rate warns over 5% and is critical over 10%; ASA at T and 3T', () => {
    expect(levels(t.abandonRate, [0.03, 0.07, 0.2])).toEqual(['ok', 'warning', 'critical']);
    expect(levels(t.asaSec, [15, 20, 30, 60, 122])).toEqual(['ok', 'ok', 'warning', 'warning', 'critical']);
  });

  it('counts have no threshold (no "OK" they cannot know)', () => {
    for (const k of ['offered', 'abandoned', 'staffedAgents', 'interval.offered', 'constructor'])
      expect(thresholdsOf(k, info.settings)).toBeNull();
  });

  it("takes a queue's own target and T, else the run's", () => {
    expect(slTermsOf('queue:vip', info)).toEqual({ slTarget: 0.9, slThresholdSec: 10 });
    expect(slTermsOf('all', info)).toEqual({ slTarget: 0.8, slThresholdSec: 20 });
    const vip = figureThresholds(slTermsOf('queue:vip', info));
    expect(vip.serviceLevel.critical).toBe(0.75);
    expect(vip.asaSec).toEqual({ warn: 10, critical: 30, direction: 'above' });
    expect(thresholdsOf('rolling.asaSec', slTermsOf('queue:vip', info))).toEqual(vip.asaSec);
  });
});

describe('neutral trends', () => {
  it('occupancy (day, interval or rolling) has a neutral trend, judged figures keep theirs', async () => {
    const { neutralTrend } = await import('../src/shared/thresholds.js');
    expect(['occupancy', 'interval.occupancy', 'rolling.occupancy'].map(neutralTrend)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['serviceLevel', 'abandonRate', 'asaSec'].map(neutralTrend)).toEqual([false, false, false]);
  });
});
