import type { RunInfo } from '../../src/sim/protocol.js';

/**
 * A run of two queues with their own SL terms (care 80/20, vip 90/10) and the run's defaults (80/20):
 * what the thresholds are read from (`slTermsOf`). Cast to RunInfo for the code that takes a whole one.
 */
export const SL_INFO = {
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
} satisfies Pick<RunInfo, 'queues' | 'settings'> as unknown as RunInfo;
