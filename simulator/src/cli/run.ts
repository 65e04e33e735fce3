/**
 * `wallboard-sim run SCENARIO [--seed N] [--until DURATION] [--events FILE|-] [--summary] [--json]
 * [--speed N] [report metric flags]`: runs a scenario as fast as possible (or paced with --speed), writes
 * the NDJSON stream and/or prints the summary computed by the metrics engine over post-warm-up events.
 */
import { type QueueConfig, ReportBuilder } from '@wallboard/metrics';
import { PacedClock, realTimer } from '../clock.js';
import { Simulation } from '../engine/simulation.js';
import { NdjsonBuffer } from '../node/ndjson-buffer.js';
import { durationFlag, METRIC_FLAGS, metricFlags, numberFlag, parseFlags } from './args.js';
import { CliError, type CliIo, type Command, type OutputStream } from './io.js';
import { PartnerSplit } from './partner-split.js';
import { Progress } from './progress.js';
import { loadOrFail, readScenarioArg } from './scenario-arg.js';
import { formatReportSummary, type PartnerSummary } from './summary-text.js';

const FLAGS = {
  seed: { type: 'string' },
  until: { type: 'string' },
  events: { type: 'string' },
  summary: { type: 'boolean' },
  json: { type: 'boolean' },
  speed: { type: 'string' },
  ...METRIC_FLAGS,
} as const;

const CHUNK = 1 << 20;

export const run: Command = async (argv, io) => {
  const { values, positionals } = parseFlags(argv, FLAGS);
  if (positionals.length > 1)
    throw new CliError(`run takes one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  const seed = numberFlag(values, 'seed', { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  const untilMs = durationFlag(values, 'until');
  const speed = numberFlag(values, 'speed', { gt: 0, max: 1_000_000 });
  const builderOptions = reportOptions(values);
  const { doc, label } = await readScenarioArg(positionals[0], io);
  const loaded = loadOrFail(doc, label, seed);
  const { model } = loaded;

  const eventsTarget = (values.events as string | undefined) ?? (speed !== undefined ? '-' : undefined);
  const wantSummary = Boolean(values.summary || values.json) || eventsTarget === undefined;
  // With the stream on stdout, the summary goes to stderr so the stream stays clean NDJSON.
  const printSummary = eventsTarget === '-' ? (s: string) => io.stderr(s) : (s: string) => io.stdout(s);

  let builder: ReportBuilder | null = null;
  if (wantSummary) {
    const queues: Record<string, QueueConfig> = {};
    for (const q of model.queues) {
      queues[q.id] = {
        name: q.name,
        partner: q.partner,
        // An explicit flag applies to every queue; otherwise each queue keeps the scenario's SL settings.
        slThresholdSec: builderOptions.slThresholdSec === undefined ? q.slThresholdSec : undefined,
        slTarget: builderOptions.slTarget === undefined ? q.slTarget : undefined,
      };
    }
    try {
      builder = new ReportBuilder({ timeZone: model.timeZone, ...builderOptions, queues });
    } catch (err) {
      if (err instanceof RangeError) throw new CliError(err.message);
      throw err;
    }
  }

  // Each partner's own calls and the overflow it received, under the same SL settings as the report.
  const split =
    builder === null
      ? null
      : new PartnerSplit({
          queuePartner: Object.fromEntries(model.queues.map((q) => [q.id, q.partner])),
          thresholdSec: Object.fromEntries(
            model.queues.map((q) => [q.id, builderOptions.slThresholdSec ?? q.slThresholdSec]),
          ),
          // The metrics engine's default (DESIGN.md "Metrics": S = 5).
          shortAbandonSec: builderOptions.shortAbandonSec ?? 5,
          slFormula: builderOptions.slFormula,
        });

  const out: OutputStream | null = eventsTarget === undefined ? null : io.openOutput(eventsTarget);
  const pending = new NdjsonBuffer();
  const report = builder;
  const sim = new Simulation(model, {
    untilMs,
    names: loaded.names,
    sink:
      out === null && report === null
        ? null
        : (e, measured) => {
            if (out !== null) pending.add(e);
            if (report !== null && measured) {
              report.push(e);
              split?.push(e);
            }
          },
  });

  const progress = new Progress(io, speed === undefined ? sim.endMs : 0);
  let interrupted = false;
  const removeInterrupt = io.onInterrupt(() => {
    interrupted = true;
  });
  // Ctrl-C, or the reader of the stream went away.
  const stop = () => interrupted || (out?.gone ?? false);
  let wallMs = 0;
  try {
    if (speed === undefined) {
      wallMs = await runVirtual(sim, io, out, pending, progress, stop);
    } else {
      wallMs = await runPaced(sim, speed, io, out, pending, stop);
    }
  } finally {
    removeInterrupt();
    progress.done();
  }
  if (out !== null) {
    if (pending.size > 0) await out.write(pending.take());
    await out.close();
  }

  if (report !== null && split !== null) {
    const result = report.result();
    const partners = partnerSummaries(sim, split);
    const runInfo = { calls: sim.callCount, events: sim.eventCount, wallMs: Math.round(wallMs), partners };
    if (values.json) {
      printSummary(`${JSON.stringify({ ...result, run: runInfo }, null, 2)}\n`);
    } else {
      const start = localDateTime(model.startEpochMs, model.timeZone);
      const title = `${label} (seed ${model.seed}): ${formatDuration(sim.now)} from ${start} ${model.timeZone}${model.warmupMs > 0 ? `, measured after a ${formatDuration(model.warmupMs)} warm-up` : ''}${interrupted ? ' (interrupted)' : ''}`;
      printSummary(formatReportSummary(title, result, runInfo));
    }
  }
  return interrupted ? 130 : 0;
};

/**
 * `run.partners` of the summary: per partner (queue owners, agents' partners and contracts), its own calls
 * and the overflow it received (event stream, report settings), the FTE its agents held (simulator's
 * staffed time after the warm-up, rounded to 3 decimals for reading) and the bill of `sim.summary()`,
 * as it is: the one place a bill is computed.
 */
function partnerSummaries(sim: Simulation, split: PartnerSplit): PartnerSummary[] {
  const round3 = (x: number) => Math.round(x * 1000) / 1000;
  return sim.summary().partners.map((p) => {
    const { direct, overflowIn } = split.of(p.partner);
    return {
      partner: p.partner,
      name: p.name,
      contract: p.contract,
      queues: p.queues,
      direct,
      overflowIn,
      answered: direct.answered + overflowIn.answered,
      avgStaffed: p.avgStaffed === null ? null : round3(p.avgStaffed),
      staffedHours: round3(p.staffedHours),
      billed: p.billed,
    };
  });
}

/** As fast as possible, in short slices: write what is pending (honouring backpressure), draw progress. */
async function runVirtual(
  sim: Simulation,
  io: CliIo,
  out: OutputStream | null,
  pending: NdjsonBuffer,
  progress: Progress,
  stop: () => boolean,
): Promise<number> {
  let chunkMs = 60_000;
  let wall = 0;
  let lastYield = io.now();
  while (!sim.finished && !stop()) {
    const t = io.now();
    const n = sim.runUntil(sim.now + chunkMs);
    wall += io.now() - t;
    // Aim for a few thousand calendar events per step: enough to amortise, small enough to stay responsive.
    if (n < 2_000) chunkMs *= 2;
    else if (n > 20_000 && chunkMs > 1_000) chunkMs /= 2;
    if (out !== null && pending.size >= CHUNK) await out.write(pending.take());
    progress.update(sim.now, sim.callCount, sim.eventCount);
    if (io.now() - lastYield > 100) {
      // Let Ctrl-C and stream callbacks in.
      await new Promise((r) => setTimeout(r, 0));
      lastYield = io.now();
    }
  }
  return wall;
}

/** Paced at `speed` x wall clock: events are written as their simulated time comes. */
function runPaced(
  sim: Simulation,
  speed: number,
  io: CliIo,
  out: OutputStream | null,
  pending: NdjsonBuffer,
  stop: () => boolean,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let wall = 0;
    let writing: Promise<void> = Promise.resolve();
    const flush = () => {
      if (out !== null && pending.size > 0) {
        const text = pending.take();
        writing = writing.then(() => out.write(text)).catch(reject);
      }
    };
    const start = io.now();
    const clock = new PacedClock(
      sim,
      speed,
      {
        onAdvance: () => {
          flush();
          if (stop()) {
            clock.stop();
            finish();
          }
        },
        onDone: () => finish(),
      },
      { timer: realTimer },
    );
    const poll = setInterval(() => {
      if (stop()) {
        clock.stop();
        finish();
      }
    }, 100);
    let finished = false;
    function finish() {
      if (finished) return;
      finished = true;
      clearInterval(poll);
      flush();
      wall = io.now() - start;
      writing.then(() => resolve(wall), reject);
    }
    clock.start();
  });
}

function reportOptions(values: Record<string, unknown>) {
  const flags = metricFlags(values);
  // The simulator's summary counts abandons against the SL unless told otherwise (DESIGN.md "Metrics").
  return { ...flags, slFormula: flags.slFormula ?? 'abandons-count-against' };
}

function localDateTime(epochMs: number, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return f.format(new Date(epochMs)).replace(',', '');
}

function formatDuration(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m % 60 === 0 ? `${m / 60}h` : m >= 60 ? `${Math.floor(m / 60)}h${m % 60}m` : `${m}m`;
}
