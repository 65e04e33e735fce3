import { scenarioStories } from '../support/scenario-stories.js';

const { meta, live, moment } = scenarioStories('outsourcer-fte', '12:10');
export default { title: 'Scenarios/Outsourcer paid per FTE', ...meta };

export const Live = { ...live, tags: ['!test'] };
export const At1210 = { ...moment, name: 'At 12:10' };
