import { boardMatchesEvents, scenarioStories } from '../support/scenario-stories.js';

const { meta, live, moment } = scenarioStories('floor-1000', '10:10');
export default { title: 'Scenarios/Floor of 1000 agents', ...meta };

export const Live = { ...live, tags: ['!test'] };
export const At1010 = { ...moment, name: 'At 10:10' };
/**
 * The live clock after skipping to 09:50 at once, then paused: the skipped ten hours (some 66,000
 * events) reach the engine before it first reads the simulator's clock, so none is rejected as out of
 * order. Paused, so it is a test: nothing moves after the fast-forward.
 */
export const FastForwardPaused = {
  name: 'Fast-forward, paused',
  args: { ...live.args, paused: true },
  play: boardMatchesEvents,
};
