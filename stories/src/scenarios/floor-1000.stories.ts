import type { Meta } from '@storybook/web-components-vite';
import {
  boardMatchesEvents,
  momentStory,
  type ScenarioArgs,
  type ScenarioStory,
  scenarioMeta,
} from '../support/scenario-stories.js';

const meta = {
  title: 'Scenarios/Floor of 1000 agents',
  ...scenarioMeta('floor-1000'),
} satisfies Meta<ScenarioArgs>;
export default meta;

/**
 * The simulator paced at `speed` x wall clock, from 10:10 less 20 minutes. Not a test: what it shows
 * depends on timing.
 */
export const Live: ScenarioStory = { args: { fromMin: 590 }, tags: ['!test'] };
/** 10:10, with the scenario's seed: the same board every time. */
export const At1010: ScenarioStory = { ...momentStory(610), name: 'At 10:10' };
/**
 * The live clock after skipping to 09:50 at once, then paused: the skipped ten hours (some 66,000
 * events) reach the engine before it first reads the simulator's clock, so none is rejected as out of
 * order. Paused, so it is a test: nothing moves after the fast-forward.
 */
export const FastForwardPaused: ScenarioStory = {
  name: 'Fast-forward, paused',
  args: { fromMin: 590, paused: true },
  play: boardMatchesEvents,
};
