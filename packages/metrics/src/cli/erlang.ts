/**
 * `erlang`, `erlang-b` and `staff`: the queueing math on the command line (DESIGN.md "Commands").
 * With --json each prints one JSON object with exactly the documented keys; otherwise a small table.
 */
import { erlangA } from '../erlang/erlang-a.js';
import { erlangB as blocking } from '../erlang/erlang-b.js';
import { erlangC } from '../erlang/erlang-c.js';
import { DEFAULT_THRESHOLD_SEC, type QueueFigures } from '../erlang/model.js';
import { MAX_STAFFING_LOAD, staff as staffFor } from '../erlang/staffing.js';
import { type FlagOptions, numberFlag, parseFlags, table } from './args.js';
import { CliError, type CliIo, type Command } from './io.js';

/** Keeps a mistyped huge --agents from running the O(n) recurrences for minutes. */
const MAX_AGENTS = 1_000_000;

const ERLANG_USAGE =
  'Usage: wallboard-metrics erlang --calls-per-hour R --aht-sec H --agents N [--patience-sec P] [--threshold-sec T] [--json]\n';
const ERLANG_B_USAGE = 'Usage: wallboard-metrics erlang-b --erlangs A --agents N [--json]\n';
const STAFF_USAGE =
  'Usage: wallboard-metrics staff --calls-per-hour R --aht-sec H --target 0.8 [--threshold-sec T] [--patience-sec P] [--max-occupancy O] [--json]\n';

const json = { type: 'boolean' } as const;
const str = { type: 'string' } as const;
const help = { type: 'boolean', short: 'h' } as const;

/** parseFlags without positionals (every input of these commands is a flag). */
const flags = (argv: string[], options: FlagOptions) => parseFlags(argv, options, false);

/** A numeric flag that must be strictly positive (numberFlag's bounds are inclusive). */
function positiveFlag(values: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const n = numberFlag(values, name, { required, min: 0 });
  if (n === 0) throw new CliError(`--${name} must be > 0, got ${String(values[name])}`);
  return n;
}

/** The documented JSON keys, in the documented order; pAbandon only for Erlang A. Infinity becomes null. */
function figureJson(f: QueueFigures, withAbandon: boolean): Record<string, number | null> {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    pWait: f.pWait,
    ...(withAbandon ? { pAbandon: f.pAbandon } : {}),
    meanWaitSec: finite(f.meanWaitSec),
    slAnsweredWithinOverOffered: f.slAnsweredWithinOverOffered,
    slAnsweredWithinOverAnswered: f.slAnsweredWithinOverAnswered,
    occupancy: f.occupancy,
  };
}

const pct = (p: number) => `${(p * 100).toFixed(2)}%`;
const sec = (s: number) => (Number.isFinite(s) ? `${s.toFixed(2)} s` : 'unbounded');
const num = (v: number) => String(Number(v.toPrecision(6)));

function figureRows(f: QueueFigures, withAbandon: boolean, thresholdSec: number): Array<[string, string]> {
  return [
    ['waits (all agents busy)', pct(f.pWait)],
    ...(withAbandon ? [['abandons', pct(f.pAbandon)] as [string, string]] : []),
    ['mean wait, all calls', sec(f.meanWaitSec)],
    [`answered within ${thresholdSec} s / offered`, pct(f.slAnsweredWithinOverOffered)],
    [`answered within ${thresholdSec} s / answered`, pct(f.slAnsweredWithinOverAnswered)],
    ['occupancy', pct(f.occupancy)],
  ];
}

/** Reads the traffic flags shared by `erlang` and `staff`. */
function traffic(values: Record<string, unknown>) {
  const callsPerHour = numberFlag(values, 'calls-per-hour', { required: true, min: 0 });
  const ahtSec = positiveFlag(values, 'aht-sec', true) as number; // required: never undefined
  const thresholdSec = numberFlag(values, 'threshold-sec', { min: 0, default: DEFAULT_THRESHOLD_SEC });
  const patienceSec = positiveFlag(values, 'patience-sec', false);
  return { callsPerHour, ahtSec, thresholdSec, patienceSec, load: (callsPerHour * ahtSec) / 3600 };
}

function describe(t: ReturnType<typeof traffic>, model: 'A' | 'C'): string {
  const name = model === 'A' ? `Erlang A (mean patience ${num(t.patienceSec as number)} s)` : 'Erlang C';
  return `${name}: ${num(t.callsPerHour)} calls/h x ${num(t.ahtSec)} s = ${num(t.load)} Erlangs`;
}

export const erlang: Command = async (argv: string[], io: CliIo) => {
  const { values } = flags(argv, {
    'calls-per-hour': str,
    'aht-sec': str,
    agents: str,
    'patience-sec': str,
    'threshold-sec': str,
    json,
    help,
  });
  if (values.help) {
    io.stdout(ERLANG_USAGE);
    return 0;
  }
  const t = traffic(values);
  const agents = numberFlag(values, 'agents', { required: true, integer: true, min: 0, max: MAX_AGENTS });
  const model = t.patienceSec === undefined ? 'C' : 'A';
  const m = { callsPerHour: t.callsPerHour, ahtSec: t.ahtSec, agents, thresholdSec: t.thresholdSec };
  const f = model === 'A' ? erlangA({ ...m, patienceSec: t.patienceSec as number }) : erlangC(m);
  if (values.json) {
    io.stdout(`${JSON.stringify(figureJson(f, model === 'A'))}\n`);
    return 0;
  }
  let text = `${describe(t, model)} on ${agents} agents\n${table(figureRows(f, model === 'A', t.thresholdSec))}`;
  if (model === 'C' && t.load > 0 && t.load >= agents) {
    text += `unstable: ${num(t.load)} Erlangs need more than ${agents} agents; without abandons the queue grows without bound\n`;
  }
  io.stdout(text);
  return 0;
};

export const erlangB: Command = async (argv: string[], io: CliIo) => {
  const { values } = flags(argv, { erlangs: str, agents: str, json, help });
  if (values.help) {
    io.stdout(ERLANG_B_USAGE);
    return 0;
  }
  const erlangs = numberFlag(values, 'erlangs', { required: true, min: 0 });
  const agents = numberFlag(values, 'agents', { required: true, integer: true, min: 0, max: MAX_AGENTS });
  const b = blocking(erlangs, agents);
  if (values.json) {
    io.stdout(`${JSON.stringify({ blocking: b })}\n`);
    return 0;
  }
  io.stdout(
    `Erlang B: ${num(erlangs)} Erlangs offered to ${agents} lines\n${table([['blocking', `${num(b)} (${pct(b)})`]])}`,
  );
  return 0;
};

export const staff: Command = async (argv: string[], io: CliIo) => {
  const { values } = flags(argv, {
    'calls-per-hour': str,
    'aht-sec': str,
    target: str,
    'threshold-sec': str,
    'patience-sec': str,
    'max-occupancy': str,
    json,
    help,
  });
  if (values.help) {
    io.stdout(STAFF_USAGE);
    return 0;
  }
  const t = traffic(values);
  const target = numberFlag(values, 'target', { required: true });
  if (!(target > 0 && target < 1)) {
    throw new CliError(
      `--target must be a fraction between 0 and 1 (0.8 for 80%), got ${String(values.target)}`,
    );
  }
  const maxOccupancy = numberFlag(values, 'max-occupancy');
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new CliError(
      `--max-occupancy must be a fraction in (0, 1], got ${String(values['max-occupancy'])}`,
    );
  }
  if (t.load > MAX_STAFFING_LOAD) {
    throw new CliError(
      `--calls-per-hour x --aht-sec is ${num(t.load)} Erlangs, more than the supported ${MAX_STAFFING_LOAD}`,
    );
  }
  const { agents, model, ...f } = staffFor({
    callsPerHour: t.callsPerHour,
    ahtSec: t.ahtSec,
    target,
    thresholdSec: t.thresholdSec,
    patienceSec: t.patienceSec,
    maxOccupancy,
  });
  if (values.json) {
    io.stdout(`${JSON.stringify({ agents, ...figureJson(f, model === 'A') })}\n`);
    return 0;
  }
  const goal = `SL target ${pct(target)} within ${num(t.thresholdSec)} s${
    maxOccupancy === undefined ? '' : `, occupancy at most ${pct(maxOccupancy)}`
  }`;
  io.stdout(
    `${describe(t, model)}; ${goal}\n${table([['agents needed', String(agents)], ...figureRows(f, model === 'A', t.thresholdSec)])}`,
  );
  return 0;
};
