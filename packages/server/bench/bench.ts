/**
 * Load benchmark of the live feeds (`pnpm bench` in packages/server): 2,000 SSE and 500 WebSocket clients
 * on one instance fed by the simulator's floor-1000 scenario at 60x (started at 09:00 so the floor is
 * busy), then the same clients split over two instances sharing the stream through Redis. Everything on
 * loopback, bounded in time, stopping by itself.
 *
 * Reported per run: delivery latency (wall time from the publisher making a state to a client having it,
 * p50/p99/max), messages and bytes, sequence gaps (a patch whose base is not the client's state: must be
 * 0), resyncs (whole states after the first), each server's CPU (share of one core) and heap, and the
 * client process's own CPU (the clients share the machine's two cores with the servers).
 *
 * Clients ask for what real screens ask for: 10% are supervisor walls with every scope, 40% floor
 * boards (the center, one language's six queues and its night team), 50% CRM embeds (one queue).
 * Environment: BENCH_SSE, BENCH_WS (client counts), BENCH_SECONDS (measured window), BENCH_MIX=all
 * (every client takes every scope), BENCH_PHASES=single,redis.
 */
import { readFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { type ChildServer, spawnServer, startRedis } from '../test/support/processes.js';

const SSE = Number(process.env.BENCH_SSE ?? 2000);
const WS = Number(process.env.BENCH_WS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const MIX = process.env.BENCH_MIX ?? 'realistic';
const PHASES = (process.env.BENCH_PHASES ?? 'single,redis').split(',');
const LANGS = ['en', 'de', 'fr', 'es', 'it'];
const KINDS = ['billing', 'tech', 'sales', 'retention', 'moves', 'claims'];

/** The scopes a client asks for (undefined = all). */
function scopesFor(i: number): string | undefined {
  if (MIX === 'all') return undefined;
  const r = i % 10;
  const lang = LANGS[i % LANGS.length];
  if (r === 0) return undefined;
  if (r <= 4) {
    return ['all', ...KINDS.map((k) => `queue:${k}-${lang}`), `team:Night ${lang.toUpperCase()}`].join(',');
  }
  return `queue:${KINDS[i % KINDS.length]}-${LANGS[Math.floor(i / 7) % LANGS.length]}`;
}

interface ClientStats {
  messages: number;
  bytes: number;
  gaps: number;
  resyncs: number;
  snapshots: number;
  disconnects: number;
}

const total: ClientStats = { messages: 0, bytes: 0, gaps: 0, resyncs: 0, snapshots: 0, disconnects: 0 };
let latencies = new Float64Array(1 << 20);
let nLat = 0;
let measuring = false;
/** Worst latency per state (seq): tells one stalled publication from a general slowness. */
const worstBySeq = new Map<number, number>();

const HEAD =
  /"type":"(snapshot|delta)","stream":"([^"]+)","seq":(\d+)(?:,"base":(\d+))?,"t":-?\d+,"at":(\d+)/;

class BenchClient {
  private seq = 0;
  private stream = '';
  private started = false;

  /** One message: checks the sequence, records the latency. Reads only the head of the JSON. */
  take(head: string, size: number, now: number): void {
    const m = HEAD.exec(head);
    if (!m) return;
    const [, type, stream, seqS, baseS, atS] = m;
    const seq = Number(seqS);
    if (type === 'snapshot') {
      if (this.started && measuring) total.resyncs++;
      if (measuring) total.snapshots++;
      this.started = true;
    } else if (stream !== this.stream || Number(baseS) !== this.seq) {
      if (measuring) total.gaps++;
    }
    this.seq = seq;
    this.stream = stream;
    if (!measuring) return;
    total.messages++;
    total.bytes += size;
    if (nLat === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    const lat = now - Number(atS);
    latencies[nLat++] = lat;
    if (!(lat <= (worstBySeq.get(seq) ?? -1))) worstBySeq.set(seq, lat);
  }

  /** Where to resume after a disconnect. */
  resumeQuery(): string {
    return this.started ? `&since=${this.seq}&stream=${encodeURIComponent(this.stream)}` : '';
  }
}

const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

function openSse(base: string, i: number, client: BenchClient, closers: Array<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const scopes = scopesFor(i);
    const url = `${base}/stream?delta=1${scopes ? `&scopes=${encodeURIComponent(scopes)}` : ''}${client.resumeQuery()}`;
    const req = get(url, { agent }, (res) => {
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        const now = Date.now();
        buf += chunk;
        let end = buf.indexOf('\n\n');
        while (end >= 0) {
          const d = buf.indexOf('data: ');
          if (d >= 0 && d < end) client.take(buf.slice(d + 6, d + 300), end - d, now);
          buf = buf.slice(end + 2);
          end = buf.indexOf('\n\n');
        }
      });
      res.on('close', () => total.disconnects++);
      resolve();
    });
    req.on('error', () => resolve());
    closers.push(() => req.destroy());
  });
}

function openWs(base: string, i: number, client: BenchClient, closers: Array<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const scopes = scopesFor(i);
    const url = `${base.replace('http', 'ws')}/ws?delta=1${scopes ? `&scopes=${encodeURIComponent(scopes)}` : ''}`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.on('message', (data: Buffer) =>
      client.take(data.subarray(0, 300).toString(), data.length, Date.now()),
    );
    ws.on('open', () => resolve());
    ws.on('error', () => resolve());
    ws.on('close', () => total.disconnects++);
    closers.push(() => ws.terminate());
  });
}

/** CPU seconds (user + system) of a process, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function health(url: string): Promise<{
  memory?: { rssMb: number; heapUsedMb: number };
  publishCosts?: Record<string, { p50: number; max: number }>;
}> {
  try {
    return (await (await fetch(`${url}/health`)).json()) as never;
  } catch {
    return {};
  }
}

const pct = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function phase(name: string, servers: ChildServer[], feedUrls: string[]): Promise<void> {
  Object.assign(total, { messages: 0, bytes: 0, gaps: 0, resyncs: 0, snapshots: 0, disconnects: 0 });
  nLat = 0;
  worstBySeq.clear();
  measuring = false;
  const closers: Array<() => void> = [];
  const t0 = Date.now();
  // Ramp: a hundred connections at a time.
  const n = SSE + WS;
  for (let i = 0; i < n; i += 100) {
    const batch: Array<Promise<void>> = [];
    for (let j = i; j < Math.min(n, i + 100); j++) {
      const base = feedUrls[j % feedUrls.length];
      const c = new BenchClient();
      batch.push(j < SSE ? openSse(base, j, c, closers) : openWs(base, j, c, closers));
    }
    await Promise.all(batch);
  }
  const rampSec = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 5000)); // settle
  const cpu0 = servers.map((s) => cpuSeconds(s.proc.pid as number));
  const self0 = process.cpuUsage();
  const load0 = loadavg()[0];
  const w0 = Date.now();
  measuring = true;
  const heaps: number[][] = servers.map(() => []);
  const sampler = setInterval(async () => {
    for (let k = 0; k < servers.length; k++) {
      const h = await health(servers[k].url);
      if (h.memory) heaps[k].push(h.memory.heapUsedMb);
    }
  }, 2000);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  clearInterval(sampler);
  const wall = (Date.now() - w0) / 1000;
  const cpu = servers.map((s, k) => (cpuSeconds(s.proc.pid as number) - cpu0[k]) / wall);
  const self = process.cpuUsage(self0);
  const finals = await Promise.all(servers.map((s) => health(s.url)));
  for (const close of closers) close();

  const sorted = latencies.slice(0, nLat).sort();
  const line = (k: string, v: string) => console.log(`  ${k.padEnd(28)} ${v}`);
  console.log(
    `\n== ${name}: ${SSE} SSE + ${WS} WebSocket clients, ${MIX} scopes, ${wall.toFixed(0)} s measured`,
  );
  line('connect ramp', `${rampSec.toFixed(1)} s`);
  line('messages delivered', `${total.messages} (${(total.messages / wall).toFixed(0)}/s)`);
  line('bytes delivered', `${(total.bytes / wall / 2 ** 20).toFixed(1)} MiB/s`);
  line(
    'latency p50 / p99 / max',
    `${pct(sorted, 0.5)} / ${pct(sorted, 0.99)} / ${sorted[sorted.length - 1] ?? NaN} ms`,
  );
  const late = [...worstBySeq.values()].filter((v) => v > 250).length;
  line('states later than 250 ms', `${late} of ${worstBySeq.size} (worst client of each state)`);
  line('sequence gaps', String(total.gaps));
  line('resyncs (slow-client drops)', String(total.resyncs));
  line('disconnects', String(total.disconnects));
  servers.forEach((_s, k) => {
    const h = finals[k];
    line(
      `server ${k + 1} CPU / heap / rss`,
      `${(cpu[k] * 100).toFixed(0)}% of a core / ${Math.max(...heaps[k], h.memory?.heapUsedMb ?? 0)} MiB peak heap / ${h.memory?.rssMb ?? '?'} MiB rss` +
        (h.publishCosts
          ? `; publish p50/max ms: build ${h.publishCosts.buildMs.p50}/${h.publishCosts.buildMs.max}, diff ${h.publishCosts.diffMs.p50}/${h.publishCosts.diffMs.max}, fan-out ${h.publishCosts.fanoutMs.p50}/${h.publishCosts.fanoutMs.max}`
          : ''),
    );
  });
  line(
    'machine load (1 min avg)',
    `${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (2 cores)`,
  );
  line('client process CPU', `${(((self.user + self.system) / 1e6 / wall) * 100).toFixed(0)}% of a core`);
  await new Promise((r) => setTimeout(r, 1000));
}

async function main(): Promise<void> {
  const source = ['--scenario', 'floor-1000', '--speed', '60', '--skip', '9h'];
  const common = ['--publish-ms', '500', '--max-clients', '10000'];
  // The scenario's first 9 hours are simulated before the server listens: give it time.
  const startServer = (args: string[]) => spawnServer(args, 30_000);
  if (PHASES.includes('single')) {
    const s = await startServer([...source, '--port', '0', ...common]);
    try {
      await phase('one instance', [s], [s.url]);
    } finally {
      await s.kill('SIGTERM');
    }
  }
  if (PHASES.includes('redis')) {
    const redis = await startRedis().catch(() => null);
    if (!redis) {
      console.log(
        '\n== two instances over Redis: skipped (redis-server not found; scripts/ensure-redis.sh installs it)',
      );
      return;
    }
    const r = ['--redis', redis.url, '--redis-namespace', 'bench'];
    const a = await startServer([...source, '--port', '0', ...common, ...r]);
    const b = await startServer(['--port', '0', ...common, ...r]);
    try {
      await phase(
        'two instances over Redis (1 publishes and serves, 1 subscribes and serves)',
        [a, b],
        [a.url, b.url],
      );
    } finally {
      await b.kill('SIGTERM');
      await a.kill('SIGTERM');
      await redis.stop();
    }
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench: ${(err as Error).message}`);
    process.exit(1);
  },
);
