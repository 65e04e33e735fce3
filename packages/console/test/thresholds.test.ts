import { describe, expect, it } from 'vitest';
import { figureThresholds, levelOf, slTermsOf } from '../src/console/thresholds.js';
import type { RunInfo } from '../src/sim/protocol.js';

const info = {
  queues: [
    { id: 'care', name: 'Care', slTarget: 0.8, slThresholdSec: 20 },
    { id: 'vip', name: 'VIP', slTarget: 0.9, slThresholdSec: 10 },
  ],
  settings: {
    slTarget: 0.8,
    slThresholdSec: 20,
    slFormula: 'abandons-count-against',
    shortAbandonSec: 5,
    timeZone: 'UTC',
    intervalMin: 30,
  },
} satisfies Pick<RunInfo, 'queues' | 'settings'>;

describe('figure thresholds (one definition for the live board and the what-if)', () => {
  const t = figureThresholds({ slTarget: 0.8, slThresholdSec: 20 });

  it('service level: warning below the target, critical 15 points under it', () => {
    expect(levelOf(0.85, t.serviceLevel)).toBe('ok');
    expect(levelOf(0.8, t.serviceLevel)).toBe('ok');
    expect(levelOf(0.7, t.serviceLevel)).toBe('warning');
    expect(levelOf(0.65, t.serviceLevel)).toBe('warning');
    expect(levelOf(0.27, t.serviceLevel)).toBe('critical');
    expect(levelOf(0.06, t.serviceLevel)).toBe('critical');
    expect(t['interval.serviceLevel']).toEqual(t.serviceLevel);
  });

  it('abandon rate warns over 5% and is critical over 10%; ASA at T and 3T', () => {
    expect(levelOf(0.03, t.abandonRate)).toBe('ok');
    expect(levelOf(0.07, t.abandonRate)).toBe('warning');
    expect(levelOf(0.2, t.abandonRate)).toBe('critical');
    expect(levelOf(15, t.asaSec)).toBe('ok');
    expect(levelOf(30, t.asaSec)).toBe('warning');
    expect(levelOf(122, t.asaSec)).toBe('critical');
  });

  it('counts have no threshold (no "OK" they cannot know)', () => {
    for (const k of ['offered', 'abandoned', 'staffedAgents']) expect(k in t).toBe(false);
  });

  it("takes a queue's own target and T, else the run's", () => {
    expect(slTermsOf('queue:vip', info)).toEqual({ slTarget: 0.9, slThresholdSec: 10 });
    expect(slTermsOf('all', info)).toEqual({ slTarget: 0.8, slThresholdSec: 20 });
    const vip = figureThresholds(slTermsOf('queue:vip', info));
    expect(vip.serviceLevel.critical).toBe(0.75);
    expect(vip.asaSec).toEqual({ warn: 10, critical: 30, direction: 'above' });
  });
});
