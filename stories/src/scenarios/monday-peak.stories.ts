import { scenarioStories } from '../support/scenario-stories.js';

const { meta, live, moment } = scenarioStories('monday-peak', '10:40');
export default { title: 'Scenarios/Monday peak', ...meta };

export const Live = { ...live, tags: ['!test'] };
export const At1040 = { ...moment, name: 'At 10:40' };
