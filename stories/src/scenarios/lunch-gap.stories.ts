import { scenarioStories } from '../support/scenario-stories.js';

const { meta, live, moment } = scenarioStories('lunch-gap', '14:20');
export default { title: 'Scenarios/Lunch gap', ...meta };

export const Live = { ...live, tags: ['!test'] };
export const At1420 = { ...moment, name: 'At 14:20' };
