import type { Meta } from '@storybook/web-components-vite';
import {
  momentStory,
  type ScenarioArgs,
  type ScenarioStory,
  scenarioMeta,
} from '../support/scenario-stories.js';

const meta = { title: 'Scenarios/Lunch gap', ...scenarioMeta('lunch-gap') } satisfies Meta<ScenarioArgs>;
export default meta;

/**
 * The simulator paced at `speed` x wall clock, from 14:20 less 20 minutes. Not a test: what it shows
 * depends on timing.
 */
export const Live: ScenarioStory = { args: { fromMin: 420 }, tags: ['!test'] };
/** 14:20, with the scenario's seed: the same board every time. */
export const At1420: ScenarioStory = { ...momentStory(440), name: 'At 14:20' };
