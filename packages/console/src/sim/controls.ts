/**
 * Applies a live control to a Simulation. The simulator checks every parameter and throws a
 * ControlError with a message naming what is wrong; callers turn it into a reply, never a crash.
 */
import { ControlError, type ControlRecord, type Simulation } from '@wallboard/simulator';
import type { SimControl } from './protocol.js';

/**
 * Handle-time factors set from the console, per simulation and queue. The simulator has no live control
 * for them (only scenario `aht-spike` incidents), so the console multiplies its factor into the
 * simulator's per-queue `qAhtFactor` (read when a call is answered), and puts it back after each
 * scenario aht-spike start or end, which recomputes that factor from the incidents alone.
 */
const handleFactors = new WeakMap<Simulation, Float64Array>();

function liveHandleFactors(sim: Simulation): Float64Array {
  let f = handleFactors.get(sim);
  if (!f) {
    f = new Float64Array(sim.queueCount).fill(1);
    handleFactors.set(sim, f);
  }
  return f;
}

/** The console's handle-time factor now in force on a queue (1 when none). */
export function handleFactorOf(sim: Simulation, queue: string | undefined): number {
  const f = handleFactors.get(sim);
  if (!f) return 1;
  const q = queue === undefined ? 0 : sim.queueIds.indexOf(queue);
  return q < 0 ? 1 : f[q];
}

function setHandleFactor(sim: Simulation, factor: number, queue: string | undefined): void {
  if (!(Number.isFinite(factor) && factor >= 0.1 && factor <= 10))
    throw new ControlError(`aht-spike: factor must be a number from 0.1 to 10, got ${factor}`);
  const q = queue === undefined ? -1 : sim.queueIds.indexOf(queue);
  if (queue !== undefined && q < 0)
    throw new ControlError(`aht-spike: unknown queue "${queue}" (queues: ${sim.queueIds.join(', ')})`);
  const live = liveHandleFactors(sim);
  for (let i = 0; i < sim.queueCount; i++) {
    if (q >= 0 && i !== q) continue;
    sim.qAhtFactor[i] = (sim.qAhtFactor[i] / live[i]) * factor;
    live[i] = factor;
  }
}

/**
 * Call with every control-log record of a simulation the console sets handle factors on: after a
 * scenario aht-spike starts or ends (the simulator has just set its queues' factor from the incidents),
 * the console's own factor is multiplied back in, at the same instant.
 */
export function followIncident(sim: Simulation, r: ControlRecord): void {
  if (r.source !== 'incident' || (r.control !== 'aht-spike' && r.control !== 'aht-spike-end')) return;
  const live = handleFactors.get(sim);
  if (!live) return;
  const queues = Array.isArray(r.params.queues) ? (r.params.queues as number[]) : [];
  for (let q = 0; q < sim.queueCount; q++)
    if (queues.length === 0 || queues.includes(q)) sim.qAhtFactor[q] *= live[q];
}

export function applyControl(sim: Simulation, c: SimControl): string[] {
  switch (c.kind) {
    case 'set-arrival-factor':
      sim.setArrivalFactor(c.factor, c.queue);
      return [];
    case 'add-agents':
      return sim.addAgents({
        count: c.count,
        skills: c.skills,
        team: c.team,
        partner: c.partner,
        forMin: c.forMin,
      });
    case 'remove-agents':
      return sim.removeAgents({ count: c.count, queue: c.queue, team: c.team, partner: c.partner });
    case 'send-on-break':
      return sim.sendOnBreak({
        minutes: c.minutes,
        count: c.count,
        agent: c.agent,
        queue: c.queue,
        team: c.team,
        partner: c.partner,
        reason: c.reason,
      });
    case 'set-overflow':
      sim.setOverflow(c.queue, c.rule);
      return [];
    case 'extend-shifts':
      return sim.extendShifts({ minutes: c.minutes, queue: c.queue, team: c.team, partner: c.partner });
    case 'set-handle-factor':
      setHandleFactor(sim, c.factor, c.queue);
      return [];
  }
}

/** Clock controls are logged by the simulator too; they change the pace, never the model. */
export const CLOCK_CONTROLS: ReadonlySet<string> = new Set(['speed', 'pause', 'resume', 'step', 'jump']);
