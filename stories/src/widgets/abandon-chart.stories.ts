import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbAbandonChart } from '@wallboard/widgets';
import { morning } from '../support/day.js';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbAbandonChart>;
const TAG = 'wb-abandon-chart';
const day = (abandonRate?: number) => {
  const { intervals, open } = morning({ abandonRate });
  return { intervals, interval: open };
};

// Its status follows the open interval's abandon rate (bad upwards; `warn` at the 5% target).
const meta = {
  title: 'Widgets/Abandon chart',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context), '36em'),
  args: { label: 'Sales abandons', timeZone: 'Europe/Berlin', locale: 'en-GB', critical: 0.1, ...day(0.03) },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { play: statusIs(TAG, 'ok') };
export const Warning: Story = { args: day(0.06), play: statusIs(TAG, 'warning') };
export const Critical: Story = { args: day(0.12), play: statusIs(TAG, 'critical') };
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const Empty: Story = { args: { intervals: [], interval: null }, play: statusIs(TAG, 'empty') };
/** Short abandons (under 10 s here) are stacked on their own and left out of the rate. */
export const LongerShortAbandons: Story = { args: { shortAbandonSec: 10 }, play: statusIs(TAG, 'ok') };
export const LongName: Story = { args: { label: LONG_NAME }, play: statusIs(TAG, 'ok') };
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };
export const RightToLeft: Story = {
  args: { label: 'המתקשרים שניתקו', locale: RTL.he.locale, ...day(0.06) },
  render: (args, context) => rtl(column(renderWidget(args, context), '36em'), RTL.he.lang),
  play: statusIs(TAG, 'warning'),
};

export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid(
      [
        createWidget(TAG, { ...args, ...day(0.03), label: 'Ok' }),
        createWidget(TAG, { ...args, ...day(0.06), label: 'Warning' }),
        createWidget(TAG, { ...args, ...day(0.12), label: 'Critical' }),
        createWidget(TAG, { ...args, ...day(0.03), label: 'Stale', stale: true }),
        createWidget(TAG, { ...args, label: 'Empty', intervals: [], interval: null }),
      ],
      '28em',
    ),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
