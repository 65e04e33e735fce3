import type { Meta } from '@storybook/web-components-vite';
import {
  momentStory,
  type ScenarioArgs,
  type ScenarioStory,
  scenarioMeta,
} from '../support/scenario-stories.js';

const meta = {
  title: 'Scenarios/Outage surge',
  ...scenarioMeta('outage-surge'),
} satisfies Meta<ScenarioArgs>;
export default meta;

/**
 * The simulator paced at `speed` x wall clock, from 11:10 less 20 minutes. Not a test: what it shows
 * depends on timing.
 */
export const Live: ScenarioStory = { args: { fromMin: 170 }, tags: ['!test'] };
/** 11:10, with the scenario's seed: the same board every time. */
export const At1110: ScenarioStory = { ...momentStory(190), name: 'At 11:10', tags: ['themes'] };
