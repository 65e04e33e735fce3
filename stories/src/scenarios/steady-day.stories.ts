import { scenarioStories } from '../support/scenario-stories.js';

const { meta, live, moment } = scenarioStories('steady-day', '10:10');
export default { title: 'Scenarios/Steady day (Erlang A)', ...meta };

export const Live = { ...live, tags: ['!test'] };
export const At1010 = { ...moment, name: 'At 10:10' };
