/**
 * `wallboard-server` flags -> ServerConfig (DESIGN.md "Server"). Every problem is one line naming the
 * flag or file; nothing here starts anything.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCdrMap } from '@wallboard/metrics';
import { parseDuration } from '@wallboard/simulator';
import { CorsError, normalizeOrigin } from '../access/cors.js';
import { parseTokens, TokenFileError } from '../access/tokens.js';
import { DEFAULTS, type ServerConfig, type SourceSpec } from '../app.js';
import { redactUrl } from '../stream/redis.js';
import { CliError, METRIC_FLAGS, metricFlags, numberFlag, parseFlags } from './args.js';
import { parseQueues, QueueFileError } from './queues.js';

export const USAGE = `Usage: wallboard-server [source] [options]

Runs the metrics engine once on a source and serves its snapshots to every board:
  GET /health  GET /snapshot  GET /stream (Server-Sent Events)  GET /ws (WebSocket)  and the built console.

Source (one; none with --redis follows another instance's stream):
  --scenario NAME|FILE --speed N [--seed N] [--skip DURATION]
                          a simulator scenario paced at N x wall clock (--skip runs the first hours at once)
  --ndjson FILE|-         NDJSON events from a file (followed as it grows) or stdin
  --queue-log FILE        an Asterisk queue_log (followed as it grows and across rotation)
  --cdr FILE --map M --speed N
                          call-detail records replayed at N x wall clock, with a column map

Serving:
  --port 8080  --host 127.0.0.1
  --tokens FILE           JSON {"token": ["partner:acme"], "other": ["*"]}: every data endpoint needs a token
  --queues FILE           JSON {"billing-en": {"partner": "acme", "name": "Billing"}}: queue owners (for
                          partner tokens, whatever the events say) and per-queue slThresholdSec/slTarget
  --origins URL,...       browser origins allowed to read the feeds (CORS and WebSocket), or *
  --redis URL             redis://127.0.0.1:6379: share the stream between instances
  --redis-namespace NAME  key prefix in Redis (default wallboard)
  --console DIR           the built console to serve (default packages/console/dist)
  --publish-ms 500        at most one snapshot per this many ms
  --max-clients N         clients per instance (default 20000; more get 503)
  --client-buffer BYTES   unsent bytes a client may have before it skips to the latest state (4 MiB)
  --client-stall-sec N    a client that stays behind this long is disconnected (default 60)
  --max-message-bytes N   largest WebSocket message a client may send (default 1024; it only pings and resumes)
  --ws-rate N  --ws-burst N
                          WebSocket client messages a second on average, and in a burst (default 5, 20)

Metrics (as in wallboard-metrics report):
  --time-zone Z  --interval 15|30|60  --sl-threshold 20  --sl-target 0.8  --sl-formula F  --short-abandon 5
`;

const FLAGS = {
  scenario: { type: 'string' },
  speed: { type: 'string' },
  seed: { type: 'string' },
  skip: { type: 'string' },
  ndjson: { type: 'string' },
  'queue-log': { type: 'string' },
  cdr: { type: 'string' },
  map: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  tokens: { type: 'string' },
  queues: { type: 'string' },
  origins: { type: 'string' },
  redis: { type: 'string' },
  'redis-namespace': { type: 'string' },
  console: { type: 'string' },
  'publish-ms': { type: 'string' },
  'poll-ms': { type: 'string' },
  'max-clients': { type: 'string' },
  'client-buffer': { type: 'string' },
  'client-stall-sec': { type: 'string' },
  'max-message-bytes': { type: 'string' },
  'ws-rate': { type: 'string' },
  'ws-burst': { type: 'string' },
  ring: { type: 'string' },
  ...METRIC_FLAGS,
  help: { type: 'boolean', short: 'h' },
} as const;

const DEFAULT_CONSOLE = fileURLToPath(new URL('../../console/dist', import.meta.url));

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot read ${what} "${file}": ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

/** Parses argv; `help` when --help was asked. */
export async function configFromArgs(
  argv: string[],
  log: (line: string) => void,
): Promise<ServerConfig | 'help'> {
  const { values: v, positionals } = parseFlags(argv, FLAGS);
  if (v.help) return 'help';
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}" (see --help)`);

  const sources = (['scenario', 'ndjson', 'queue-log', 'cdr'] as const).filter((k) => v[k] !== undefined);
  if (sources.length > 1)
    throw new CliError(`give one source, not ${sources.map((s) => `--${s}`).join(' and ')}`);
  const speed = numberFlag(v, 'speed', { min: 0.001, max: 100_000 });
  if (speed !== undefined && sources[0] !== 'scenario' && sources[0] !== 'cdr')
    throw new CliError('--speed goes with --scenario or --cdr');
  if (v.map !== undefined && sources[0] !== 'cdr') throw new CliError('--map goes with --cdr');

  let source: SourceSpec | undefined;
  switch (sources[0]) {
    case 'scenario': {
      const skip = v.skip as string | undefined;
      let skipMs: number | undefined;
      if (skip !== undefined) {
        const sec = parseDuration(skip);
        if (sec === null)
          throw new CliError(`--skip must be a duration such as 9h, 30m or 45s, got "${skip}"`);
        skipMs = sec * 1000;
      }
      source = {
        kind: 'scenario',
        scenario: v.scenario as string,
        speed: speed ?? 1,
        seed: numberFlag(v, 'seed', { integer: true }),
        skipMs,
      };
      break;
    }
    case 'ndjson': {
      const file = v.ndjson as string;
      if (file !== '-' && !existsSync(file))
        log(`wallboard-server: ${file} does not exist yet; waiting for it`);
      source = { kind: 'ndjson', file };
      break;
    }
    case 'queue-log': {
      const file = v['queue-log'] as string;
      if (!existsSync(file)) log(`wallboard-server: ${file} does not exist yet; waiting for it`);
      source = { kind: 'queue_log', file };
      break;
    }
    case 'cdr': {
      const file = v.cdr as string;
      if (!existsSync(file)) throw new CliError(`cannot read CDR file "${file}": no such file`);
      if (v.map === undefined) throw new CliError('--cdr needs a column map: --map FILE');
      const mapText = await readText(v.map as string, 'column map');
      let map: unknown;
      try {
        map = parseCdrMap(JSON.parse(mapText));
      } catch (err) {
        throw new CliError(`${v.map}: ${(err as Error).message}`);
      }
      source = { kind: 'cdr', file, map, speed: speed ?? 1 };
      break;
    }
    default:
      if (v.skip !== undefined || v.seed !== undefined)
        throw new CliError('--seed and --skip go with --scenario');
  }

  let tokens: ServerConfig['tokens'];
  if (v.tokens !== undefined) {
    try {
      tokens = parseTokens(await readText(v.tokens as string, 'tokens file'), v.tokens as string);
    } catch (err) {
      if (err instanceof TokenFileError) throw new CliError(err.message);
      throw err;
    }
  }
  let queues: ServerConfig['queues'];
  if (v.queues !== undefined) {
    try {
      queues = parseQueues(await readText(v.queues as string, 'queues file'), v.queues as string);
    } catch (err) {
      if (err instanceof QueueFileError) throw new CliError(err.message);
      throw err;
    }
  }
  let origins: string[] = [];
  if (v.origins !== undefined) {
    try {
      origins = (v.origins as string)
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o !== '')
        .map((o) => (o === '*' ? o : normalizeOrigin(o)));
    } catch (err) {
      if (err instanceof CorsError) throw new CliError(err.message);
      throw err;
    }
  }
  const redis = v.redis as string | undefined;
  if (redis !== undefined) {
    if (!/^rediss?:\/\//.test(redis))
      throw new CliError(
        `--redis must be a redis:// URL such as redis://127.0.0.1:6379, got "${redactUrl(redis)}"`,
      );
    let host = '';
    try {
      host = new URL(redis).hostname;
    } catch {
      // reported below
    }
    if (host === '') {
      // An unescaped / ? # in the user or password part cuts the URL before its "@host".
      const userInfo = /^rediss?:\/\/[^@]*[/?#][^@]*@/.test(redis);
      throw new CliError(
        userInfo
          ? `--redis: the user name or password holds a / ? or # that must be percent-encoded (%2F, %3F, %23), got "${redactUrl(redis)}"`
          : `--redis must name a host, such as redis://127.0.0.1:6379, got "${redactUrl(redis)}"`,
      );
    }
  }

  // As in wallboard-metrics report, in the same words.
  const engine = metricFlags(v);
  const timeZone = engine.timeZone;
  if (timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new CliError(`--time-zone: "${timeZone}" is not an IANA time zone such as Europe/Berlin`);
    }
  }

  return {
    source,
    host: (v.host as string | undefined) ?? DEFAULTS.host,
    port: numberFlag(v, 'port', {
      integer: true,
      min: 0,
      max: 65535,
      range: 'from 1 to 65535 (or 0 for any free port)',
      default: DEFAULTS.port,
    }),
    tokens,
    queues,
    origins,
    redis,
    redisNamespace: (v['redis-namespace'] as string | undefined) ?? DEFAULTS.redisNamespace,
    engine,
    publishMs: numberFlag(v, 'publish-ms', { min: 20, max: 60_000, default: DEFAULTS.publishMs }),
    pollMs: numberFlag(v, 'poll-ms', { min: 10, max: 60_000, default: DEFAULTS.pollMs }),
    ringSize: numberFlag(v, 'ring', {
      integer: true,
      min: 10,
      max: 100_000,
      default: DEFAULTS.ringSize,
    }),
    consoleDir: (v.console as string | undefined) ?? DEFAULT_CONSOLE,
    maxBufferBytes: numberFlag(v, 'client-buffer', {
      integer: true,
      min: 64 * 1024,
      default: DEFAULTS.maxBufferBytes,
    }),
    stallTimeoutMs:
      numberFlag(v, 'client-stall-sec', { min: 1, max: 86_400, default: DEFAULTS.stallTimeoutMs / 1000 }) *
      1000,
    heartbeatMs: DEFAULTS.heartbeatMs,
    maxClients: numberFlag(v, 'max-clients', {
      integer: true,
      min: 1,
      default: DEFAULTS.maxClients,
    }),
    wsMaxMessageBytes: numberFlag(v, 'max-message-bytes', {
      integer: true,
      min: 64,
      max: 1024 * 1024,
      default: DEFAULTS.wsMaxMessageBytes,
    }),
    wsRatePerSec: numberFlag(v, 'ws-rate', { min: 0.1, max: 1000, default: DEFAULTS.wsRatePerSec }),
    wsBurst: numberFlag(v, 'ws-burst', { integer: true, min: 1, max: 10_000, default: DEFAULTS.wsBurst }),
    log,
  };
}
