import { html, type TemplateResult } from 'lit';
import type { WidgetStatus } from '../../src/internal/thresholds.js';

export type GalleryState = Exclude<WidgetStatus, never>;
export const STATES: readonly GalleryState[] = ['ok', 'warning', 'critical', 'stale', 'empty'];
export const FIXED_TIME = Date.UTC(2026, 2, 2, 9, 41, 0);

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
    html`<wb-ticker static ?stale=${state === 'stale'} .messages=${
      state === 'empty'
        ? []
        : [
            'Team huddle at 14:00 in room 2',
            { text: 'Line 3 outage: callers hear silence', level: 'critical' },
            { text: 'Overflow to partner on', level: 'warning' },
          ]
    }></wb-ticker>`,
};

/** The states a widget can actually show (a clock has no thresholds, so no warning or critical). */
export function statesOf(tag: string): readonly GalleryState[] {
  if (tag === 'wb-clock') return ['ok', 'stale'];
  if (tag === 'wb-ticker') return ['ok', 'stale', 'empty'];
  return STATES;
}
