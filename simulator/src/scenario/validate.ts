/**
 * Hand-written scenario validation: walks the whole document and lists every problem by its path
 * (`queues[0].handle.meanSec must be > 0`), never stopping at the first, never throwing. A valid document
 * is returned typed as ScenarioInput for compile.ts.
 */
import { Checker, isObj, join } from './checker.js';
import {
  DEFAULT_DURATION_SEC,
  DEFAULT_START,
  isTimeZone,
  offsetFromStart,
  parseLocalDateTime,
  type TimeOfDayValue,
} from './time.js';
import type { ScenarioInput } from './types.js';

export type ScenarioValidation = { ok: true; scenario: ScenarioInput } | { ok: false; problems: string[] };

const DIST_KEYS: Record<string, readonly string[]> = {
  fixed: ['meanSec'],
  exponential: ['meanSec'],
  lognormal: ['meanSec', 'cv', 'mu', 'sigma'],
  gamma: ['meanSec', 'cv'],
  empirical: ['values', 'weights'],
};
const DIST_ALL = ['dist', 'meanSec', 'cv', 'mu', 'sigma', 'values', 'weights'];
const INCIDENT_KINDS = ['surge', 'outage', 'agents-leave', 'aht-spike'];

function checkDist(c: Checker, v: unknown, path: string, extraKeys: readonly string[] = []): void {
  const o = c.object(v, path, [...DIST_ALL, ...extraKeys], 'a distribution {"dist": ..., "meanSec": ...}');
  if (!o) return;
  const dist = c.str(o, 'dist', path, true, Object.keys(DIST_KEYS));
  if (dist === undefined) return;
  for (const k of DIST_ALL) {
    if (k !== 'dist' && o[k] !== undefined && !DIST_KEYS[dist].includes(k)) {
      c.add(join(path, k), `is not used by the ${dist} distribution`);
    }
  }
  switch (dist) {
    case 'fixed':
      c.num(o, 'meanSec', path, { required: true, min: 0 });
      break;
    case 'exponential':
      c.num(o, 'meanSec', path, { required: true, gt: 0 });
      break;
    case 'gamma':
      c.num(o, 'meanSec', path, { required: true, gt: 0 });
      c.num(o, 'cv', path, { required: true, gt: 0 });
      break;
    case 'lognormal':
      if (o.mu !== undefined || o.sigma !== undefined) {
        if (o.meanSec !== undefined || o.cv !== undefined)
          c.add(path, 'must give either meanSec and cv, or mu and sigma');
        c.num(o, 'mu', path, { required: true });
        c.num(o, 'sigma', path, { required: true, gt: 0, max: 5 });
      } else {
        c.num(o, 'meanSec', path, { required: true, gt: 0 });
        c.num(o, 'cv', path, { required: true, gt: 0, max: 20 });
      }
      break;
    case 'empirical': {
      const values = c.array(o, 'values', path, true, true);
      values?.forEach((x, i) => {
        if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
          c.add(join(join(path, 'values'), i), 'must be a number >= 0');
      });
      const weights = c.array(o, 'weights', path);
      if (weights && values && weights.length !== values.length) {
        c.add(join(path, 'weights'), `must have one weight per value (${values.length})`);
      }
      weights?.forEach((x, i) => {
        if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
          c.add(join(join(path, 'weights'), i), 'must be a number >= 0');
      });
      if (weights?.every((x) => x === 0) && weights.length > 0)
        c.add(join(path, 'weights'), 'must not all be 0');
      break;
    }
  }
}

const QUEUE_KEYS = [
  'id',
  'name',
  'partner',
  'priority',
  'sl',
  'arrivals',
  'handle',
  'acw',
  'patience',
  'hold',
  'overflow',
  'survey',
];

function checkQueue(c: Checker, v: unknown, path: string): void {
  const q = c.object(v, path, QUEUE_KEYS);
  if (!q) return;
  c.id(q, 'id', path, true);
  c.str(q, 'name', path);
  c.id(q, 'partner', path);
  c.num(q, 'priority', path, { min: -1000, max: 1000 });
  if (q.sl !== undefined) {
    const sl = c.object(q.sl, join(path, 'sl'), ['thresholdSec', 'target']);
    if (sl) {
      c.num(sl, 'thresholdSec', join(path, 'sl'), { min: 0, max: 3600 });
      c.num(sl, 'target', join(path, 'sl'), { min: 0, max: 1 });
    }
  }
  const ap = join(path, 'arrivals');
  if (q.arrivals === undefined) c.add(ap, 'is required');
  else {
    const a = c.object(
      q.arrivals,
      ap,
      ['perHour', 'intervalMin', 'calls'],
      '{"perHour": n} or {"intervalMin": 30, "calls": [...]}',
    );
    if (a) {
      if (a.perHour !== undefined) {
        if (a.calls !== undefined || a.intervalMin !== undefined)
          c.add(ap, 'must give either perHour, or intervalMin and calls');
        c.num(a, 'perHour', ap, { min: 0, max: 1_000_000 });
      } else {
        const im = c.num(a, 'intervalMin', ap, { required: true });
        if (im !== undefined && ![15, 30, 60].includes(im))
          c.add(join(ap, 'intervalMin'), 'must be 15, 30 or 60');
        c.array(a, 'calls', ap, true, true)?.forEach((x, i) => {
          if (typeof x !== 'number' || !Number.isFinite(x) || x < 0)
            c.add(join(join(ap, 'calls'), i), 'must be a number >= 0');
        });
      }
    }
  }
  if (q.handle === undefined) c.add(join(path, 'handle'), 'is required');
  else checkDist(c, q.handle, join(path, 'handle'));
  if (q.acw !== undefined) checkDist(c, q.acw, join(path, 'acw'));
  if (q.patience !== undefined) checkDist(c, q.patience, join(path, 'patience'));
  if (q.hold !== undefined) {
    checkDist(c, q.hold, join(path, 'hold'), ['probability']);
    if (isObj(q.hold)) c.num(q.hold, 'probability', join(path, 'hold'), { required: true, min: 0, max: 1 });
  }
  if (q.overflow !== undefined) {
    const op = join(path, 'overflow');
    const o = c.object(q.overflow, op, ['afterSec', 'maxWaiting', 'to']);
    if (o) {
      c.id(o, 'to', op, true);
      c.num(o, 'afterSec', op, { min: 0 });
      c.num(o, 'maxWaiting', op, { integer: true, min: 0 });
      if (o.afterSec === undefined && o.maxWaiting === undefined)
        c.add(op, 'must give afterSec, maxWaiting or both');
    }
  }
  if (q.survey !== undefined) {
    const sp = join(path, 'survey');
    const s = c.object(q.survey, sp, ['responseRate', 'meanScore', 'dropPerMinute']);
    if (s) {
      c.num(s, 'responseRate', sp, { required: true, min: 0, max: 1 });
      c.num(s, 'meanScore', sp, { min: 1, max: 5 });
      c.num(s, 'dropPerMinute', sp, { min: 0 });
    }
  }
}

function checkAgents(c: Checker, v: unknown, path: string, queueIds: Set<string>): void {
  const g = c.object(v, path, [
    'count',
    'skills',
    'team',
    'teamSize',
    'partner',
    'shift',
    'breaks',
    'absenteeism',
  ]);
  if (!g) return;
  c.num(g, 'count', path, { required: true, integer: true, min: 0, max: 100_000 });
  const skills = c.array(g, 'skills', path, true, true);
  const seen = new Set<string>();
  skills?.forEach((s, i) => {
    const p = join(join(path, 'skills'), i);
    if (typeof s !== 'string') c.add(p, 'must be a queue id');
    else if (!queueIds.has(s)) c.add(p, `names unknown queue "${s}"`);
    else if (seen.has(s)) c.add(p, `repeats queue "${s}"`);
    seen.add(String(s));
  });
  c.str(g, 'team', path);
  c.num(g, 'teamSize', path, { integer: true, min: 1 });
  c.id(g, 'partner', path);
  c.num(g, 'absenteeism', path, { min: 0, max: 1 });
  if (g.shift !== undefined) {
    const sp = join(path, 'shift');
    const s = c.object(g.shift, sp, ['start', 'end']);
    if (s) {
      const a = c.timeOfDay(s, 'start', sp);
      const b = c.timeOfDay(s, 'end', sp);
      if (a && b && a.clock === b.clock && b.sec <= a.sec)
        c.add(join(sp, 'end'), 'must be after shift.start');
    }
  }
  c.array(g, 'breaks', path)?.forEach((b, i) => {
    const bp = join(join(path, 'breaks'), i);
    const o = c.object(b, bp, ['at', 'duration', 'reason', 'spread']);
    if (!o) return;
    c.timeOfDay(o, 'at', bp);
    c.duration(o, 'duration', bp, true, true);
    c.str(o, 'reason', bp);
    c.duration(o, 'spread', bp);
  });
}

/** Seconds from the run's start of a time of day, or null when the start or zone is bad. */
type OffsetOf = (t: TimeOfDayValue) => number | null;

function checkIncident(
  c: Checker,
  v: unknown,
  path: string,
  queueIds: Set<string>,
  offsetOf: OffsetOf,
  durationSec: number | undefined,
): void {
  const o = c.object(v, path, [
    'at',
    'kind',
    'duration',
    'queue',
    'queues',
    'factor',
    'count',
    'team',
    'partner',
  ]);
  if (!o) return;
  const at = c.timeOfDay(o, 'at', path);
  // An incident outside the run would be silently skipped: say so.
  const atSec = at === undefined ? null : offsetOf(at);
  if (atSec !== null && durationSec !== undefined) {
    if (atSec < 0) c.add(join(path, 'at'), `is before the start of the run (${fmtSec(-atSec)} before it)`);
    else if (atSec >= durationSec)
      c.add(
        join(path, 'at'),
        `is after the end of the run (${fmtSec(atSec)} from the start; the run lasts ${fmtSec(durationSec)})`,
      );
  }
  const kind = c.str(o, 'kind', path, true, INCIDENT_KINDS);
  c.duration(o, 'duration', path, false, true);
  const q = c.str(o, 'queue', path);
  if (q !== undefined && !queueIds.has(q)) c.add(join(path, 'queue'), `names unknown queue "${q}"`);
  c.array(o, 'queues', path)?.forEach((x, i) => {
    if (typeof x !== 'string' || !queueIds.has(x))
      c.add(join(join(path, 'queues'), i), `names unknown queue "${String(x)}"`);
  });
  c.str(o, 'team', path);
  c.str(o, 'partner', path);
  if (kind === 'surge' || kind === 'aht-spike') {
    c.num(o, 'factor', path, { required: true, min: 0, max: 100 });
    for (const k of ['count', 'team', 'partner'])
      if (o[k] !== undefined) c.add(join(path, k), `is not used by ${kind}`);
  } else if (kind === 'agents-leave' || kind === 'outage') {
    if (kind === 'agents-leave') c.num(o, 'count', path, { required: true, integer: true, min: 1 });
    else if (o.count !== undefined)
      c.add(join(path, 'count'), 'is not used by outage (every matching agent drops)');
    if (o.factor !== undefined) c.add(join(path, 'factor'), `is not used by ${kind}`);
    if (o.queues !== undefined)
      c.add(join(path, 'queues'), `is not used by ${kind} (use queue, team or partner)`);
    if (kind === 'agents-leave' && o.duration !== undefined)
      c.add(join(path, 'duration'), 'is not used by agents-leave (they leave for good)');
  }
}

function fmtSec(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  const s = Math.round(sec % 60);
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 || sec < 60 ? `${s}s` : ''}`;
}

const TOP_KEYS = [
  '$schema',
  'name',
  'description',
  'seed',
  'start',
  'timeZone',
  'duration',
  'warmup',
  'absenteeism',
  'queues',
  'agents',
  'incidents',
  'partners',
];

const CONTRACTS = ['per-call', 'per-fte'];

/** partners[]: contracts of partners that exist (a queue's or agent group's partner), each once. */
function checkPartners(c: Checker, list: unknown[], known: Set<string>): void {
  const seen = new Set<string>();
  list.forEach((v, i) => {
    const path = `partners[${i}]`;
    const o = c.object(v, path, ['id', 'name', 'contract', 'ratePerCall', 'ratePerFteHour']);
    if (!o) return;
    const id = c.id(o, 'id', path, true);
    if (id !== undefined) {
      if (seen.has(id)) c.add(join(path, 'id'), `"${id}" is listed twice`);
      else if (!known.has(id))
        c.add(
          join(path, 'id'),
          `names partner "${id}" that no queue or agent group has${known.size > 0 ? ` (partners: ${[...known].join(', ')})` : ''}`,
        );
      seen.add(id);
    }
    c.str(o, 'name', path);
    const contract = c.str(o, 'contract', path, true, CONTRACTS);
    c.num(o, 'ratePerCall', path, { min: 0 });
    c.num(o, 'ratePerFteHour', path, { min: 0 });
    if (contract === 'per-call' && o.ratePerFteHour !== undefined)
      c.add(join(path, 'ratePerFteHour'), 'is not used by a per-call contract (give ratePerCall)');
    if (contract === 'per-fte' && o.ratePerCall !== undefined)
      c.add(join(path, 'ratePerCall'), 'is not used by a per-fte contract (give ratePerFteHour)');
  });
}

export function validateScenario(value: unknown): ScenarioValidation {
  const c = new Checker();
  const s = c.object(value, '', TOP_KEYS, 'a JSON object');
  if (!s) return { ok: false, problems: c.problems };
  c.str(s, 'name', '');
  c.str(s, 'description', '');
  c.num(s, 'seed', '', { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER });
  if (s.start !== undefined && parseLocalDateTime(s.start) === null) {
    c.add('start', 'must be a local date-time "YYYY-MM-DDTHH:MM" (read in timeZone)');
  }
  if (s.timeZone !== undefined && !isTimeZone(s.timeZone))
    c.add('timeZone', 'must be an IANA time zone such as "Europe/Paris"');
  const duration = c.duration(s, 'duration', '', false, true);
  const warmup = c.duration(s, 'warmup', '');
  if (warmup !== undefined && warmup >= (duration ?? DEFAULT_DURATION_SEC))
    c.add('warmup', 'must be shorter than duration');
  c.num(s, 'absenteeism', '', { min: 0, max: 1 });

  const queues = c.array(s, 'queues', '', true, true) ?? [];
  const queueIds = new Set<string>();
  queues.forEach((q, i) => {
    checkQueue(c, q, `queues[${i}]`);
    if (isObj(q) && typeof q.id === 'string') {
      if (queueIds.has(q.id)) c.add(`queues[${i}].id`, `"${q.id}" is used by another queue`);
      queueIds.add(q.id);
    }
  });
  // Overflow targets exist, are not the queue itself, and chains end (no cycle).
  const next = new Map<string, string>();
  queues.forEach((q, i) => {
    if (!isObj(q) || !isObj(q.overflow) || typeof q.overflow.to !== 'string' || typeof q.id !== 'string')
      return;
    const to = q.overflow.to;
    if (!queueIds.has(to)) c.add(`queues[${i}].overflow.to`, `names unknown queue "${to}"`);
    else if (to === q.id) c.add(`queues[${i}].overflow.to`, 'must name another queue');
    else next.set(q.id, to);
  });
  queues.forEach((q, i) => {
    if (!isObj(q) || typeof q.id !== 'string' || !next.has(q.id) || !isObj(q.overflow)) return;
    const chain = [q.id];
    for (let at = next.get(q.id); at !== undefined; at = next.get(at)) {
      chain.push(at);
      if (at === q.id) {
        c.add(`queues[${i}].overflow.to`, `makes an overflow cycle (${chain.join(' -> ')})`);
        break;
      }
      if (chain.length > queues.length + 1) break;
    }
  });

  (c.array(s, 'agents', '', true) ?? []).forEach((g, i) => {
    checkAgents(c, g, `agents[${i}]`, queueIds);
  });
  // Offsets from the start need a valid start and zone; without them only the other checks run.
  const start = parseLocalDateTime(s.start ?? DEFAULT_START);
  const zone = s.timeZone === undefined ? 'UTC' : isTimeZone(s.timeZone) ? s.timeZone : null;
  const offset = start === null || zone === null ? null : offsetFromStart(zone, start);
  const offsetOf: OffsetOf = (t) => {
    if (!t.clock) return t.sec;
    return offset === null ? null : offset(t) / 1000;
  };
  const runSec = s.duration === undefined ? DEFAULT_DURATION_SEC : duration;
  (c.array(s, 'incidents', '') ?? []).forEach((inc, i) => {
    checkIncident(c, inc, `incidents[${i}]`, queueIds, offsetOf, runSec);
  });
  const partnerList = c.array(s, 'partners', '');
  if (partnerList) {
    const known = new Set<string>();
    for (const x of [...queues, ...(Array.isArray(s.agents) ? s.agents : [])]) {
      if (isObj(x) && typeof x.partner === 'string') known.add(x.partner);
    }
    checkPartners(c, partnerList, known);
  }
  return c.problems.length > 0
    ? { ok: false, problems: c.problems }
    : { ok: true, scenario: s as unknown as ScenarioInput };
}
