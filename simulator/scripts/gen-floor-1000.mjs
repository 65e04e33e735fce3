// Writes scenarios/floor-1000.json: 30 queues (6 lines of business x 5 languages), a 24-hour day with
// the bank log's weekday shape, and ~1,000 agents on five shifts sized per queue by Erlang C for 80/20
// plus break shrinkage. Run `node scripts/gen-floor-1000.mjs` after changing it; the JSON is committed.
import { writeFileSync } from 'node:fs';

// Weekday calls per 30 minutes from 07:00 in the bank log (../shared/data), night filled in low.
const day = [
  16.0, 23.3, 35.8, 57.5, 48.2, 58.1, 61.5, 60.0, 56.1, 52.8, 45.5, 45.7, 47.5, 54.1, 56.5, 56.9, 54.7, 56.0,
  58.0, 56.2, 44.5, 39.8, 39.8, 36.8, 33.1, 31.5, 27.1, 30.4, 27.4, 32.9, 28.2, 22.6, 23.4, 15.9,
];
const night = [5, 4, 3, 2, 2, 2, 2, 2, 2, 3, 4, 6, 9, 12];
const shape = [...night, ...day]; // 48 half-hours from 00:00
const shapeSum = shape.reduce((s, x) => s + x, 0);

const lobs = [
  { id: 'billing', name: 'Billing', share: 0.26, aht: 240, acw: 20, priority: 0 },
  { id: 'tech', name: 'Technical support', share: 0.24, aht: 390, acw: 40, priority: 0 },
  { id: 'sales', name: 'Sales', share: 0.18, aht: 300, acw: 30, priority: 1 },
  { id: 'retention', name: 'Retention', share: 0.1, aht: 420, acw: 45, priority: 2 },
  { id: 'moves', name: 'Moves and changes', share: 0.12, aht: 270, acw: 25, priority: 0 },
  { id: 'claims', name: 'Claims', share: 0.1, aht: 360, acw: 60, priority: 0 },
];
const langs = [
  { id: 'en', share: 0.4 },
  { id: 'de', share: 0.2 },
  { id: 'fr', share: 0.15 },
  { id: 'es', share: 0.15 },
  { id: 'it', share: 0.1 },
];
// Secondary skills: each line also answers one neighbour in the same language.
const backup = {
  billing: 'moves',
  tech: 'billing',
  sales: 'retention',
  retention: 'sales',
  moves: 'billing',
  claims: 'tech',
};

// Day shifts per queue (half-hour indices from 00:00); the night is covered by a pooled team per language.
const shifts = [
  { start: '06:30', end: '15:00', from: 13, to: 30 },
  { start: '08:00', end: '16:30', from: 16, to: 33 },
  { start: '10:00', end: '18:30', from: 20, to: 37 },
  { start: '13:00', end: '21:30', from: 26, to: 43 },
  { start: '15:30', end: '24:00', from: 31, to: 48 },
];
const NIGHT_TO = 14; // the night team works 00:00-07:00
const BREAK_SHRINK = 0.12;
// Sizing each queue alone ignores the backup skills and the pooled night team, which add a lot of
// capacity; the scenario's arrivals are this much above the volume the rota was sized for, so the floor
// runs busy (occupancy near 80%) rather than idle.
const LOAD_FACTOR = Number(process.env.LOAD_FACTOR ?? 1.7);

function erlangC(n, a) {
  if (n <= a) return 1;
  // Stable recurrence on Erlang B, then C from B.
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return (n * b) / (n - a * (1 - b));
}

function agentsFor(callsPer30, aht) {
  const a = (callsPer30 / 1800) * aht;
  if (a === 0) return 1;
  for (let n = Math.max(1, Math.ceil(a)); ; n++) {
    const sl = 1 - erlangC(n, a) * Math.exp((-(n - a) * 20) / aht);
    if (sl >= 0.8) return n;
  }
}

/** Fewest shift heads covering need[i] / (1 - shrink) in every day half-hour: greedy, most uncovered demand. */
function cover(need) {
  need = need.map((n, i) => (i < NIGHT_TO ? 0 : n));
  const counts = shifts.map(() => 0);
  const have = () =>
    need.map(
      (_, i) =>
        shifts.reduce((s, sh, k) => s + (i >= sh.from && i < sh.to ? counts[k] : 0), 0) * (1 - BREAK_SHRINK),
    );
  for (;;) {
    const h = have();
    const gap = need.map((n, i) => n - h[i]);
    if (gap.every((g) => g <= 0)) return counts;
    let best = 0;
    let bestScore = -1;
    shifts.forEach((sh, k) => {
      let score = 0;
      for (let i = sh.from; i < sh.to; i++) score += Math.max(0, gap[i]);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    });
    counts[best]++;
  }
}

function build(dailyCalls) {
  const queues = [];
  const groups = [];
  // Per language, the night's load in 300-second call equivalents (the pooled night team takes every line).
  const nightCalls = Object.fromEntries(langs.map((l) => [l.id, shape.map(() => 0)]));
  for (const lob of lobs) {
    for (const lang of langs) {
      const id = `${lob.id}-${lang.id}`;
      const daily = dailyCalls * lob.share * lang.share;
      const calls = shape.map((s) => Math.round((daily * s) / shapeSum));
      const offered = calls.map((c) => Math.round(c * LOAD_FACTOR));
      queues.push({
        id,
        name: `${lob.name} (${lang.id.toUpperCase()})`,
        priority: lob.priority,
        sl: { thresholdSec: 20, target: 0.8 },
        arrivals: { intervalMin: 30, calls: offered },
        handle: { dist: 'lognormal', meanSec: lob.aht, cv: 0.9 },
        acw: { dist: 'exponential', meanSec: lob.acw },
        patience: { dist: 'exponential', meanSec: 200 },
        survey: { responseRate: 0.1, meanScore: 4.3, dropPerMinute: 0.5 },
      });
      const counts = cover(calls.map((c) => agentsFor(c, lob.aht + lob.acw)));
      nightCalls[lang.id] = nightCalls[lang.id].map((n, i) => n + (calls[i] * (lob.aht + lob.acw)) / 300);
      shifts.forEach((sh, k) => {
        if (counts[k] === 0) return;
        const len = sh.to - sh.from;
        const breaks = [{ at: halfHour(sh.from + 4), duration: '15m', spread: '1h' }];
        if (len >= 16)
          breaks.push({ at: halfHour(sh.from + 8), duration: '30m', reason: 'lunch', spread: '1h30m' });
        groups.push({
          count: counts[k],
          skills: [id, `${backup[lob.id]}-${lang.id}`],
          shift: { start: sh.start, end: sh.end },
          breaks,
        });
      });
    }
  }
  for (const lang of langs) {
    let need = 0;
    for (let i = 0; i < NIGHT_TO; i++) need = Math.max(need, agentsFor(nightCalls[lang.id][i], 300));
    groups.push({
      count: need,
      skills: lobs.map((l) => `${l.id}-${lang.id}`),
      team: `Night ${lang.id.toUpperCase()}`,
      shift: { start: '00:00', end: '07:00' },
      breaks: [{ at: '03:00', duration: '20m', spread: '1h' }],
    });
  }
  return { queues, groups };
}

function halfHour(i) {
  return `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
}

// Find the daily volume that needs about 1,000 agents.
let lo = 10_000;
let hi = 400_000;
while (hi - lo > 100) {
  const mid = (lo + hi) / 2;
  const total = build(mid).groups.reduce((s, g) => s + g.count, 0);
  if (total > 1000) hi = mid;
  else lo = mid;
}
const { queues, groups } = build(lo);
const agents = groups.reduce((s, g) => s + g.count, 0);
const scenario = {
  $schema: '../scenario.schema.json',
  name: 'floor-1000',
  description:
    "A large multi-language contact centre for load tests and big-board demos: 30 queues (billing, technical support, sales, retention, moves and claims in English, German, French, Spanish and Italian), the bank log's two-peak weekday shape over a whole 24-hour day, and about 1,000 agents: five day shifts, each agent skilled in its own queue and one neighbour in the same language, and a pooled night team per language that takes every line, with staggered breaks and lunches and 5% absenteeism. Staffing was sized per queue and half-hour by Erlang C for 80/20 and the calls then raised to what the backup skills can absorb, so the floor is busy but healthy: use it to drive a wall of queue tiles, to test how a board copes with tens of thousands of events a minute at high speed, or to measure throughput (`pnpm bench`).",
  seed: 1000,
  start: '2025-03-03T00:00',
  timeZone: 'Europe/Berlin',
  duration: '24h',
  absenteeism: 0.05,
  queues,
  agents: groups,
};
writeFileSync(
  new URL('../scenarios/floor-1000.json', import.meta.url),
  `${JSON.stringify(scenario, null, 1)}\n`,
);
console.log(
  `floor-1000: ${queues.length} queues, ${agents} agents, ${Math.round(lo)} calls planned, x${LOAD_FACTOR} offered`,
);
