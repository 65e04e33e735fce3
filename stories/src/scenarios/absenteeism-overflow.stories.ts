import { scenarioStories } from '../support/scenario-stories.js';

const { meta, live, moment } = scenarioStories('absenteeism-overflow', '11:10');
export default { title: 'Scenarios/Absenteeism and overflow', ...meta };

export const Live = { ...live, tags: ['!test'] };
export const At1110 = { ...moment, name: 'At 11:10', tags: ['themes'] };
