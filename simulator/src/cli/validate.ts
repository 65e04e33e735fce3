/** `wallboard-sim validate SCENARIO`: checks a scenario and lists every problem (exit 2), or says it is fine. */
import { parseFlags } from './args.js';
import type { Command } from './io.js';
import { loadOrFail, readScenarioArg } from './scenario-arg.js';

export const validate: Command = async (argv, io) => {
  const { positionals } = parseFlags(argv, {});
  const { doc, label } = await readScenarioArg(positionals[0], io);
  const loaded = loadOrFail(doc, label, undefined);
  const agents = loaded.model.agents.length;
  io.stdout(`${label}: valid (${loaded.model.queues.length} queues, ${agents} agents)\n`);
  return 0;
};
