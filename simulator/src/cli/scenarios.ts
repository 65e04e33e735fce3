/** `wallboard-sim scenarios [--json]`: the built-in library, with what each scenario teaches. */
import { listScenarios } from '../scenario/library.js';
import { parseFlags } from './args.js';
import { CliError, type Command } from './io.js';

/** Wraps a paragraph at `width` columns with an indent. */
function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      out.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(indent + line);
  return out.join('\n');
}

export const scenarios: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' } });
  if (positionals.length > 0)
    throw new CliError(`scenarios takes no arguments, got: ${positionals.join(' ')}`);
  const list = listScenarios();
  if (values.json) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  io.stdout(
    `${list.map((s) => `${s.name}\n${wrap(s.description, 100, '    ')}`).join('\n\n')}\n\nRun one with: wallboard-sim run NAME --summary\n`,
  );
  return 0;
};
