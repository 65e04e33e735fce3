import type { Meta } from '@storybook/web-components-vite';
import {
  momentStory,
  type ScenarioArgs,
  type ScenarioStory,
  scenarioMeta,
} from '../support/scenario-stories.js';

const meta = { title: 'Scenarios/Monday peak', ...scenarioMeta('monday-peak') } satisfies Meta<ScenarioArgs>;
export default meta;

/**
 * The simulator paced at `speed` x wall clock, from 10:40 less 20 minutes. Not a test: what it shows
 * depends on timing.
 */
export const Live: ScenarioStory = { args: { fromMin: 200 }, tags: ['!test'] };
/** 10:40, with the scenario's seed: the same board every time. */
export const At1040: ScenarioStory = { ...momentStory(220), name: 'At 10:40' };
