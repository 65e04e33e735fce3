import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { MetricsEngine } from '@wallboard/metrics';
import type { WbBoard, WbSlGauge, WidgetStatus } from '@wallboard/widgets';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { expectedServiceLevel, floorEngine, MORNING, type QueueSpec } from '../support/floor.js';
import { rtl } from '../support/layout.js';
import { LONG_NAME, LONG_WORD, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

interface Args {
  label: string;
  staleAfter: number;
  queues: readonly QueueSpec[];
}

const MESSAGES = [
  { text: 'Billing backlog: two agents from Sales help out until 11:00', level: 'warning' as const },
  { text: 'Team huddle at 14:00 in room 2' },
];

/** A board as a supervisor would lay it out: one gauge and one tile per queue, figures, clock and ticker. */
function board(args: Args, store: MetricsEngine | undefined, locale?: string) {
  return html`
    <wb-board .store=${store} label=${args.label} stale-after=${args.staleAfter} locale=${locale ?? ''}>
      ${args.queues.map((q) => html`<wb-sl-gauge queue=${q.id} label=${q.name} critical="0.6"></wb-sl-gauge>`)}
      ${args.queues.map((q) => html`<wb-queue-tile queue=${q.id} label=${q.name} critical="0.6" wait-warn-sec="60" wait-critical-sec="120"></wb-queue-tile>`)}
      <wb-metric metric="waiting" label="Calls waiting" unit="calls" warn="3" critical="6"></wb-metric>
      <wb-metric metric="asaSec" label="ASA today" warn="20" critical="40"></wb-metric>
      <wb-metric metric="abandonRate" label="Abandon rate today" direction="above" warn="0.05" critical="0.1"></wb-metric>
      <wb-clock label="Center time" date></wb-clock>
      <wb-ticker data-span="2" static .messages=${MESSAGES}></wb-ticker>
    </wb-board>
  `;
}

const meta = {
  title: 'Widgets/Board',
  component: 'wb-board',
  parameters: SHOW_STORY_SOURCE,
  // A fixed morning never sends another snapshot, so the stale timer is set out of the way (a day).
  args: { label: 'Floor 1, Monday morning', staleAfter: 86_400, queues: MORNING },
  argTypes: { queues: { control: false, table: { disable: true } } },
  render: (args) => board(args, floorEngine(args.queues)),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

const gaugesOf = (canvas: HTMLElement) => [...canvas.querySelectorAll<WbSlGauge>('wb-sl-gauge[queue]')];

/**
 * Bound to a metrics engine that has seen a fixed morning: Sales is ok (18 of 20 within 20 s), Support
 * warns (15 of 20), Billing is critical (8 of 16, with 5 callers waiting).
 */
export const Floor: Story = {
  tags: ['themes'],
  play: async ({ canvasElement, args }) => {
    const expected: WidgetStatus[] = ['ok', 'warning', 'critical'];
    await waitFor(() => expect(gaugesOf(canvasElement).map((g) => g.status)).toEqual(expected));
    for (const [i, gauge] of gaugesOf(canvasElement).entries()) {
      await expect(gauge.value).toBeCloseTo(expectedServiceLevel(args.queues[i])!, 9);
    }
    await expect(canvasElement.querySelector<WbBoard>('wb-board')!.stale).toBe(false);
  },
};

/** No snapshot for `stale-after` seconds: the banner shows and every widget inside is marked stale. */
export const Stale: Story = {
  args: { staleAfter: 0.3 },
  play: async ({ canvasElement }) => {
    const boardEl = canvasElement.querySelector<WbBoard>('wb-board')!;
    await waitFor(() => expect(boardEl.stale).toBe(true), { timeout: 3000 });
    await waitFor(() => expect(gaugesOf(canvasElement).every((g) => g.status === 'stale')).toBe(true));
    await expect(boardEl.shadowRoot!.querySelector('[part~="banner"]')?.textContent).toContain(
      'Data is stale',
    );
  },
};

/** The first minutes of the day: an engine with no events. Every figure is "No data", none is 0. */
export const Empty: Story = {
  render: (args) => board(args, new MetricsEngine({ timeZone: 'Europe/Berlin' })),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(gaugesOf(canvasElement).map((g) => g.status)).toEqual(['empty', 'empty', 'empty']),
    );
  },
};

export const LongNames: Story = {
  args: {
    label: LONG_NAME,
    queues: MORNING.map((q, i) => ({ ...q, name: i === 0 ? LONG_WORD : `${q.name}: ${LONG_NAME}` })),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(gaugesOf(canvasElement).map((g) => g.status)).toEqual(['ok', 'warning', 'critical']),
    );
  },
};

export const RightToLeft: Story = {
  args: {
    label: 'الطابق الأول',
    queues: MORNING.map((q, i) => ({ ...q, name: ['المبيعات', 'الدعم', 'الفواتير'][i] })),
  },
  render: (args) => rtl(board(args, floorEngine(args.queues), RTL.ar.locale), RTL.ar.lang),
};
