/**
 * Applies a live control to a Simulation. The simulator checks every parameter and throws a
 * ControlError with a message naming what is wrong; callers turn it into a reply, never a crash.
 */
import type { Simulation } from '@wallboard/simulator';
import type { SimControl } from './protocol.js';

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
  }
}

/** Clock controls are logged by the simulator too; they change the pace, never the model. */
export const CLOCK_CONTROLS: ReadonlySet<string> = new Set(['speed', 'pause', 'resume', 'step', 'jump']);
