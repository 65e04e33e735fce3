/**
 * From a scenario source to a runnable model plus what the page needs to know about it, and the engine
 * options that match it (zone, per-queue SL settings). Never throws on bad input: problems are listed.
 */
import type { EngineOptions, QueueConfig } from '@wallboard/metrics';
import {
  builtInScenario,
  type CompiledScenario,
  loadScenario,
  type Model,
  type ScenarioInput,
} from '@wallboard/simulator';
import type { EngineSettings, RunInfo, ScenarioSource } from './protocol.js';

export type Resolved = { ok: true; doc: unknown; label: string } | { ok: false; problems: string[] };

export function resolveSource(source: ScenarioSource): Resolved {
  if (source.kind === 'builtin') {
    const doc = builtInScenario(source.name);
    if (doc === undefined) return { ok: false, problems: [`unknown built-in scenario "${source.name}"`] };
    return { ok: true, doc, label: source.name };
  }
  return { ok: true, doc: structuredClone(source.doc), label: source.label };
}

const DEFAULT_START = '2025-01-06T08:00';

/** The same scenario `days` later (its local start date moved; the time of day kept). */
export function shiftDays(doc: unknown, days: number): unknown {
  if (days === 0 || typeof doc !== 'object' || doc === null) return doc;
  const copy = { ...(doc as Record<string, unknown>) };
  const start = typeof copy.start === 'string' ? copy.start : DEFAULT_START;
  const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)$/.exec(start);
  if (!m) return doc; // validation reports the bad start
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  copy.start = `${d.toISOString().slice(0, 10)}${m[4]}`;
  return copy;
}

export type Compiled =
  | ({ ok: true; scenario: ScenarioInput; label: string } & CompiledScenario)
  | { ok: false; problems: string[] };

export function compile(source: ScenarioSource, seed?: number, day = 0): Compiled {
  const resolved = resolveSource(source);
  if (!resolved.ok) return resolved;
  const baseSeed = seed ?? seedOf(resolved.doc);
  const loaded = loadScenario(shiftDays(resolved.doc, day), { seed: baseSeed + day });
  if (!loaded.ok) return loaded;
  return { ...loaded, label: resolved.label };
}

function seedOf(doc: unknown): number {
  const s = (doc as { seed?: unknown } | null)?.seed;
  return typeof s === 'number' && Number.isFinite(s) ? s : 1;
}

/** Engine options for a model: its zone, and each queue's own SL settings and partner. */
export function engineOptions(model: Model, settings: Partial<EngineSettings> = {}): EngineOptions {
  const queues: Record<string, QueueConfig> = {};
  for (const q of model.queues) {
    queues[q.id] = {
      name: q.name,
      partner: q.partner,
      slThresholdSec: q.slThresholdSec,
      slTarget: q.slTarget,
    };
  }
  // Group scopes (all, partners) show one target: the queues' own when they agree, else the default.
  const same = <T>(pick: (q: Model['queues'][number]) => T): T | undefined => {
    const first = model.queues[0] ? pick(model.queues[0]) : undefined;
    return model.queues.every((q) => pick(q) === first) ? first : undefined;
  };
  return {
    timeZone: model.timeZone,
    intervalMin: settings.intervalMin ?? 30,
    keepIntervals: settings.keepIntervals ?? 'today',
    slThresholdSec: same((q) => q.slThresholdSec),
    slTarget: same((q) => q.slTarget),
    queues,
  };
}

export function runInfo(
  compiled: Extract<Compiled, { ok: true }>,
  day: number,
  settings: RunInfo['settings'],
): RunInfo {
  const { model, scenario } = compiled;
  const teams = new Set<string>();
  const partners = new Set<string>();
  for (const a of model.agents) {
    teams.add(a.team);
    if (a.partner !== undefined) partners.add(a.partner);
  }
  for (const q of model.queues) if (q.partner !== undefined) partners.add(q.partner);
  return {
    name: scenario.name ?? compiled.label,
    description: scenario.description ?? '',
    seed: model.seed,
    day,
    timeZone: model.timeZone,
    startEpochMs: model.startEpochMs,
    endEpochMs: model.startEpochMs + model.durationMs,
    queues: model.queues.map((q) => ({
      id: q.id,
      name: q.name,
      ...(q.partner === undefined ? {} : { partner: q.partner }),
      slThresholdSec: q.slThresholdSec,
      slTarget: q.slTarget,
    })),
    teams: [...teams].sort(),
    partners: [...partners].sort(),
    agents: model.agents.length,
    shiftEnds: model.agents.some((a) => a.shiftEndMs < model.durationMs),
    settings,
  };
}
