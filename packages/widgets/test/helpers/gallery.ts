import type { IntervalFigures } from '@wallboard/metrics';
import { html, type TemplateResult } from 'lit';
import type { WidgetStatus } from '../../src/internal/thresholds.js';

export type GalleryState = Exclude<WidgetStatus, never>;
export const STATES: readonly GalleryState[] = ['ok', 'warning', 'critical', 'stale', 'empty'];
export const FIXED_TIME = Date.UTC(2026, 2, 2, 9, 41, 0);

const DAY_START = Date.UTC(2026, 2, 2, 6, 0); // 07:00 in Berlin

/** A morning of half-hour intervals whose last (open) one has service level `lastSl` and abandon rate `lastRate`. */
export function morning(
  lastSl: number,
  lastRate: number,
): { intervals: IntervalFigures[]; open: IntervalFigures } {
  const offered = [18, 34, 52, 71, 88, 94, 90, 41];
  const sl = [0.95, 0.91, 0.86, 0.78, 0.72, 0.81, 0.84, lastSl];
  const rate = [0.01, 0.02, 0.03, 0.05, 0.07, 0.04, 0.03, lastRate];
  const all = offered.map((o, i): IntervalFigures => {
    const abandoned = Math.round(o * rate[i]);
    const answered = o - abandoned;
    return {
      start: DAY_START + i * 1_800_000,
      end: DAY_START + (i + 1) * 1_800_000,
      label: '',
      offered: o,
      answered,
      abandoned,
      shortAbandoned: i % 3,
      overflowed: 0,
      answeredWithin: Math.round(o * sl[i]),
      abandonedWithin: 0,
      handled: answered,
      surveys: 0,
      serviceLevel: sl[i],
      asaSec: 12,
      ataSec: 40,
      attSec: 200,
      acwSec: 20,
      ahtSec: 220,
      abandonRate: rate[i],
      occupancy: 0.8,
      csat: null,
      avgStaffed: 20,
    };
  });
  return { intervals: all.slice(0, -1), open: all[all.length - 1] };
}

const NAMES = [
  'Ana Silva',
  'Ben Okafor',
  'Chen Wei',
  'Dana Levi',
  'Emil Novak',
  'Farah Haddad',
  'Gus Berg',
  'Hana Sato',
  'Ivo Petrov',
  'Jill Moss',
  'Kai Lund',
  'Lea Roth',
];
const OTHERS = ['on-call', 'on-call', 'acw', 'on-call', 'break', 'on-call', 'other', 'offline'] as const;

/** A team of agents, `available` of them ready, with times in state counted back from FIXED_TIME. */
export function floorAgents(available: number) {
  return NAMES.map((name, i) => ({
    id: `a${i}`,
    name,
    team: i % 2 ? 'Billing' : 'Sales',
    state: i < available ? ('available' as const) : OTHERS[i % OTHERS.length],
    since: FIXED_TIME - ((i * 97) % 900) * 1000 - 15_000,
  }));
}

/**
 * Every widget in a given status, rendered from plain properties only: shared by the accessibility
 * matrix and the screenshots. Values are chosen against the thresholds so the status is the one named.
 */
export const WIDGETS: Record<string, (state: GalleryState) => TemplateResult> = {
  'wb-sl-gauge': (state) => {
    const value = { ok: 0.86, warning: 0.74, critical: 0.52, stale: 0.86, empty: null }[state];
    return html`<wb-sl-gauge label="Sales service level" .value=${value} .target=${0.8} critical="0.6" silent ?stale=${state === 'stale'}></wb-sl-gauge>`;
  },
  'wb-metric': (state) => {
    const value = { ok: 3, warning: 7, critical: 14, stale: 3, empty: null }[state];
    return html`<wb-metric label="Calls waiting" unit="calls" warn="5" critical="10" .value=${value} .previous=${5} silent ?stale=${state === 'stale'}></wb-metric>`;
  },
  'wb-queue-tile': (state) => {
    const sl = { ok: 0.88, warning: 0.76, critical: 0.41, stale: 0.88, empty: null }[state];
    const figures =
      state === 'empty' ? {} : { waiting: 4, longestWaitSec: 75, agentsAvailable: 2, abandonRate: 0.034 };
    return html`<wb-queue-tile label="Billing" critical="0.6" .serviceLevel=${sl} .waiting=${figures.waiting ?? null}
      .longestWaitSec=${figures.longestWaitSec ?? null} .agentsAvailable=${figures.agentsAvailable ?? null}
      .abandonRate=${figures.abandonRate ?? null} silent ?stale=${state === 'stale'}></wb-queue-tile>`;
  },
  'wb-clock': (state) =>
    html`<wb-clock label="Center time" time-zone="Europe/Berlin" locale="en-GB" .time=${FIXED_TIME} ?stale=${state === 'stale'}></wb-clock>`,
  'wb-ticker': (state) =>
    html`<wb-ticker label="Floor news" static ?stale=${state === 'stale'} .messages=${
      state === 'empty'
        ? []
        : [
            'Team huddle at 14:00 in room 2',
            { text: 'Line 3 outage: callers hear silence', level: 'critical' },
            { text: 'Overflow to partner on', level: 'warning' },
          ]
    }></wb-ticker>`,
  'wb-interval-chart': (state) => {
    const day = morning({ ok: 0.86, warning: 0.74, critical: 0.52, stale: 0.86, empty: 0 }[state], 0.03);
    return html`<wb-interval-chart label="Sales by interval" time-zone="Europe/Berlin" locale="en-GB" critical="0.6" silent
      .intervals=${state === 'empty' ? [] : day.intervals} .interval=${state === 'empty' ? null : day.open} ?stale=${state === 'stale'}></wb-interval-chart>`;
  },
  'wb-abandon-chart': (state) => {
    const day = morning(0.8, { ok: 0.03, warning: 0.06, critical: 0.12, stale: 0.03, empty: 0 }[state]);
    return html`<wb-abandon-chart label="Sales abandons" time-zone="Europe/Berlin" locale="en-GB" critical="0.1" silent
      .intervals=${state === 'empty' ? [] : day.intervals} .interval=${state === 'empty' ? null : day.open} ?stale=${state === 'stale'}></wb-abandon-chart>`;
  },
  'wb-agent-board': (state) => {
    const available = { ok: 5, warning: 2, critical: 0, stale: 5, empty: 0 }[state];
    const agents = state === 'empty' ? [] : floorAgents(available);
    return html`<wb-agent-board label="Team Blue" warn="3" critical="1" silent .time=${FIXED_TIME} .agents=${agents}
      ?stale=${state === 'stale'}></wb-agent-board>`;
  },
  'wb-staffing': (state) => {
    const staffed = { ok: 24, warning: 21, critical: 17, stale: 24, empty: null }[state];
    const projected = { ok: 0.86, warning: 0.71, critical: 0.42, stale: 0.86, empty: null }[state];
    return html`<wb-staffing label="Sales staffing" critical="-3" silent model="A" .callsPerHour=${state === 'empty' ? null : 310}
      .ahtSec=${state === 'empty' ? null : 245} .patienceSec=${state === 'empty' ? null : 180}
      .agentsNeeded=${state === 'empty' ? null : 22} .agentsStaffed=${staffed} .projectedServiceLevel=${projected}
      ?stale=${state === 'stale'}></wb-staffing>`;
  },
};

/** The states a widget can actually show (a clock has no thresholds, so no warning or critical). */
export function statesOf(tag: string): readonly GalleryState[] {
  if (tag === 'wb-clock') return ['ok', 'stale'];
  if (tag === 'wb-ticker') return ['ok', 'stale', 'empty'];
  return STATES;
}
