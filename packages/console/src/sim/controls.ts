/**
 * Applies a live control to a Simulation. The simulator checks every parameter and throws a
 * ControlError with a message naming what is wrong; callers turn it into a reply, never a crash.
 */
import type { Simulation } from '@wallboard/simulator';
import type { SimControl } from './protocol.js';

/** The live handle-time factor on a queue (of the first queue when none is named; 1 when unknown). */
export function handleFactorOf(sim: Simulation, queue: string | undefined): number {
  if (queue !== undefined && !sim.queueIds.includes(queue)) return 1;
  return sim.handleFactor(queue);
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
      sim.setHandleFactor(c.factor, c.queue);
      return [];
  }
}

/** Clock controls are logged by the simulator too; they change the pace, never the model. */
export const CLOCK_CONTROLS: ReadonlySet<string> = new Set(['speed', 'pause', 'resume', 'step', 'jump']);
