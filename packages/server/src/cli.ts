/**
 * `wallboard-server` (bin of @wallboard/server): parses flags, starts one instance, stops cleanly on
 * SIGINT/SIGTERM. Bad flags and files are one line on stderr and exit 2; never a stack trace.
 */
import { ConfigError, startServer } from './app.js';
import { CliError } from './cli/args.js';
import { configFromArgs, USAGE } from './cli/config.js';
import { ScenarioError } from './sources/scenario.js';
import { RedisNamespaceBusyError, RedisUnavailableError, redactUrl } from './stream/redis.js';

export async function main(argv: string[]): Promise<number> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  let config: Awaited<ReturnType<typeof configFromArgs>>;
  try {
    config = await configFromArgs(argv, log);
  } catch (err) {
    if (err instanceof CliError) {
      log(`wallboard-server: ${err.message}`);
      return err.code;
    }
    throw err;
  }
  if (config === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (
      err instanceof ConfigError ||
      err instanceof ScenarioError ||
      e.name === 'FormatError' ||
      e.name === 'CdrMapError'
    ) {
      log(`wallboard-server: ${e.message}`);
      return 2;
    }
    if (e.code === 'EADDRINUSE') {
      log(`wallboard-server: port ${config.port} on ${config.host} is in use (choose another with --port)`);
      return 1;
    }
    if (err instanceof RedisUnavailableError || err instanceof RedisNamespaceBusyError) {
      log(`wallboard-server: ${e.message}`);
      return 1;
    }
    if (e.syscall === 'getaddrinfo' || e.code === 'EADDRNOTAVAIL') {
      log(`wallboard-server: --host ${config.host} is not an address of this machine (${e.code})`);
      return 2;
    }
    if (e.code === 'EACCES' && e.syscall === 'listen') {
      log(
        `wallboard-server: not allowed to listen on port ${config.port} (ports below 1024 need privileges)`,
      );
      return 1;
    }
    throw err;
  }
  const what = config.source
    ? `${config.source.kind} ${'file' in config.source ? config.source.file : config.source.scenario}`
    : `the stream in Redis (${redactUrl(config.redis as string)})`;
  // The first stdout line says where to connect (tests and scripts read it).
  process.stdout.write(`wallboard-server listening on ${server.url} (${server.role}; serving ${what})\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** Runs on this process (bin/wallboard-server.js). */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Redis clients and timers are closed, but do not let a straggler keep the process alive.
      if (code !== 0) process.exit(code);
      setTimeout(() => process.exit(code), 1000).unref();
    },
    (err: unknown) => {
      process.stderr.write(`wallboard-server: internal error: ${(err as Error)?.message ?? String(err)}\n`);
      process.exit(70);
    },
  );
}
