import type { Meta } from '@storybook/web-components-vite';
import {
  momentStory,
  type ScenarioArgs,
  type ScenarioStory,
  scenarioMeta,
} from '../support/scenario-stories.js';

const meta = {
  title: 'Scenarios/Steady day (Erlang A)',
  ...scenarioMeta('steady-day'),
} satisfies Meta<ScenarioArgs>;
export default meta;

/**
 * The simulator paced at `speed` x wall clock, from 10:10 less 20 minutes. Not a test: what it shows
 * depends on timing.
 */
export const Live: ScenarioStory = { args: { fromMin: 110 }, tags: ['!test'] };
/** 10:10, with the scenario's seed: the same board every time. */
export const At1010: ScenarioStory = { ...momentStory(130), name: 'At 10:10' };
