/**
 * Live staffing advice per queue: the arrival rate of the rolling window, handle time and a patience
 * estimate (abandons / total waiting time, the maximum-likelihood estimate for exponential patience),
 * then the agents Erlang A (or C, while no abandon has been seen) needs for the queue's target, and the
 * SL it projects with the agents staffed now. Recomputed at most every ADVICE_EVERY_MS of engine time.
 */
import { erlangA, erlangC, staff } from '../erlang/index.js';
import type { SlSettings, StaffingAdvice } from '../types.js';
import { type Acc, F, patienceSec } from './accumulator.js';
import type { Scope } from './scope.js';

const ADVICE_EVERY_MS = 15_000;
/** Fewer handled calls than this in the rolling window: use today's handle time instead. */
const MIN_HANDLED_ROLLING = 20;
/** Fewer abandons than this today: patience is not known well enough, plan with Erlang C. */
const MIN_ABANDONS_FOR_PATIENCE = 5;

interface Entry {
  at: number;
  advice: StaffingAdvice | undefined;
}

export class AdviceCache {
  private readonly entries = new WeakMap<Scope, Entry>();

  get(s: Scope, now: number, rolling: Acc, sl: SlSettings): StaffingAdvice | undefined {
    const e = this.entries.get(s);
    if (e && now - e.at < ADVICE_EVERY_MS && now >= e.at) return e.advice;
    const advice = computeAdvice(s, rolling, sl);
    this.entries.set(s, { at: now, advice });
    return advice;
  }
}

export function computeAdvice(s: Scope, rolling: Acc, sl: SlSettings): StaffingAdvice | undefined {
  const coveredMin = rolling[F.covered] / 60_000;
  if (coveredMin < 1) return undefined;
  const arrivals = rolling[F.offered] + rolling[F.shortAbandoned];
  const callsPerHour = (arrivals / coveredMin) * 60;
  const aht = handleTimeSec(rolling[F.handled] >= MIN_HANDLED_ROLLING ? rolling : s.view(s.today));
  const today = s.view(s.today);
  const abandons = today[F.abandoned] + today[F.shortAbandoned];
  const patience = abandons >= MIN_ABANDONS_FOR_PATIENCE ? patienceSec(today) : null;
  const agentsStaffed = s.agentCounts[1] + s.agentCounts[2] + s.agentCounts[3];
  const base = {
    model: patience === null ? ('C' as const) : ('A' as const),
    callsPerHour,
    ahtSec: aht ?? 0,
    patienceSec: patience,
    agentsStaffed,
    target: sl.slTarget,
    thresholdSec: sl.slThresholdSec,
  };
  if (aht === null || !(aht > 0) || !(callsPerHour > 0)) {
    return { ...base, agentsNeeded: aht === null || !(aht > 0) ? null : 0, projectedServiceLevel: null };
  }
  try {
    return { ...base, ...erlangAdvice(callsPerHour, aht, patience, agentsStaffed, sl) };
  } catch {
    // Beyond what the queueing math takes (over a million Erlangs): no advice rather than a wrong one.
    return { ...base, agentsNeeded: null, projectedServiceLevel: null };
  }
}

function erlangAdvice(
  callsPerHour: number,
  ahtSec: number,
  patience: number | null,
  agentsStaffed: number,
  sl: SlSettings,
): Pick<StaffingAdvice, 'agentsNeeded' | 'projectedServiceLevel'> {
  const model = { callsPerHour, ahtSec, thresholdSec: sl.slThresholdSec };
  const needed = staff({
    ...model,
    target: sl.slTarget,
    ...(patience === null ? {} : { patienceSec: patience }),
  }).agents;
  if (agentsStaffed === 0) return { agentsNeeded: needed, projectedServiceLevel: 0 };
  const q =
    patience === null
      ? erlangC({ ...model, agents: agentsStaffed })
      : erlangA({ ...model, agents: agentsStaffed, patienceSec: patience });
  const projected = Number.isFinite(q.slAnsweredWithinOverOffered) ? q.slAnsweredWithinOverOffered : null;
  return { agentsNeeded: needed, projectedServiceLevel: projected };
}

function handleTimeSec(acc: Acc): number | null {
  if (acc[F.handled] === 0) return null;
  const talk = acc[F.talk] / acc[F.handled];
  const acw = acc[F.acwCount] > 0 ? acc[F.acw] / acc[F.acwCount] : 0;
  return (talk + acw) / 1000;
}
