/**
 * `wallboard-metrics`: report, erlang, erlang-b, staff (DESIGN.md "Commands"). Each command lives in its
 * own module under cli/ and is loaded on demand.
 */
import { CliError, type CliIo, type Command } from './cli/io.js';

const USAGE = `Usage: wallboard-metrics <command> [options]

Commands:
  report [FILE|-] [--format ndjson|queue_log|cdr] [--map FILE] [--time-zone Z] [--interval 15|30|60]
         [--sl-threshold 20] [--sl-target 0.8] [--sl-formula F] [--short-abandon 5] [--json] [--strict]
         totals per scope and per interval of an event stream, an Asterisk queue_log or call records
         (FILE "sample" is the shipped month of a bank's call center)
  erlang --calls-per-hour R --aht-sec H --agents N [--patience-sec P] [--threshold-sec T] [--json]
         Erlang C, or Erlang A (M/M/n+M) with --patience-sec
  erlang-b --erlangs A --agents N [--json]
         Erlang B blocking probability
  staff --calls-per-hour R --aht-sec H --target 0.8 [--threshold-sec T] [--patience-sec P]
        [--max-occupancy O] [--json]
         the fewest agents that meet the SL target
`;

const commands: Record<string, () => Promise<Command>> = {
  report: async () => (await import('./cli/report.js')).report,
  erlang: async () => (await import('./cli/erlang.js')).erlang,
  'erlang-b': async () => (await import('./cli/erlang.js')).erlangB,
  staff: async () => (await import('./cli/erlang.js')).staff,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`wallboard-metrics: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`wallboard-metrics ${name}: ${err.message}\n`);
      return err.code;
    }
    throw err;
  }
}

/** Runs the CLI on this process (called by bin/wallboard-metrics.js). */
export function runCli(): void {
  // A reader that goes away early (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // A bug, not bad input: still one line rather than a raw stack.
      process.stderr.write(`wallboard-metrics: internal error: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
