/**
 * `wallboard-sim`: run, scenarios, validate (DESIGN.md "Commands"). bin/wallboard-sim.js imports the
 * bundled dist/cli.js and calls runCli().
 */

import { CliError, type CliIo, type Command } from './cli/io.js';
import { run } from './cli/run.js';
import { scenarios } from './cli/scenarios.js';
import { validate } from './cli/validate.js';
import { nodeIo } from './node/io.js';

const USAGE = `Usage: wallboard-sim <command> [options]

Commands:
  run SCENARIO [--seed N] [--until DURATION] [--events FILE|-] [--summary] [--json] [--speed N]
               [--sl-threshold 20] [--sl-target 0.8] [--sl-formula F] [--short-abandon 5]
               [--interval 15|30|60] [--time-zone Z]
      runs a scenario (a JSON file or a built-in name) as fast as possible, or paced at N x wall
      clock with --speed (the stream then goes to stdout). --events writes the NDJSON event stream;
      --summary prints the metrics engine's report over the post-warm-up events (--json: the same
      JSON as wallboard-metrics report --json, plus "run": {calls, events, wallMs, partners}, where
      partners splits each partner's own calls from the overflow it received, with FTE held and bill).
  scenarios [--json]
      lists the built-in scenarios and what each one teaches
  validate SCENARIO
      checks a scenario file and lists every problem by path

Bad scenarios and flags exit with code 2.
`;

const commands: Record<string, Command> = { run, scenarios, validate };

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    // No command is a usage error: usage on stderr, exit 2 (asked for with --help, it is output).
    io.stderr(USAGE);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`wallboard-sim: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`wallboard-sim ${name}: ${err.message}\n`);
      return err.code;
    }
    throw err;
  }
}

/** Runs the CLI on this process (called by bin/wallboard-sim.js). */
export function runCli(): void {
  main(process.argv.slice(2), nodeIo).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // A bug, not bad input: still one line rather than a raw stack.
      process.stderr.write(`wallboard-sim: internal error: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
