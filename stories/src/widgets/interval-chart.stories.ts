import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbIntervalChart } from '@wallboard/widgets';
import { morning } from '../support/day.js';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbIntervalChart>;
const TAG = 'wb-interval-chart';
const day = (sl?: number) => {
  const { intervals, open } = morning({ sl });
  return { intervals, interval: open };
};

// Its status follows the open interval's SL: the stories set that one and keep the morning's shape.
const meta = {
  title: 'Widgets/Interval chart',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context), '36em'),
  args: {
    label: 'Sales by interval',
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
    critical: 0.6,
    ...day(0.86),
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { play: statusIs(TAG, 'ok') };
export const Warning: Story = { args: day(0.74), play: statusIs(TAG, 'warning') };
export const Critical: Story = { args: day(0.52), play: statusIs(TAG, 'critical') };
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
/** Before the first call of the day. */
export const Empty: Story = { args: { intervals: [], interval: null }, play: statusIs(TAG, 'empty') };
/** Only closed intervals (between intervals, or a board that only sends closed ones): the last closed SL counts. */
export const ClosedOnly: Story = { args: { interval: null }, play: statusIs(TAG, 'ok') };
/** A 90/10 target with the formula that ignores early abandons, as the legend says. */
export const OtherTarget: Story = {
  args: { target: 0.9, thresholdSec: 10, formula: 'ignore-early-abandons' },
  play: statusIs(TAG, 'warning'),
};
export const LongName: Story = { args: { label: LONG_NAME }, play: statusIs(TAG, 'ok') };
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };
/** Time runs right to left: the first interval is on the right. */
export const RightToLeft: Story = {
  args: { label: 'المبيعات حسب الفترة', locale: RTL.ar.locale },
  render: (args, context) => rtl(column(renderWidget(args, context), '36em'), RTL.ar.lang),
  play: statusIs(TAG, 'ok'),
};

export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid(
      [
        createWidget(TAG, { ...args, ...day(0.86), label: 'Ok' }),
        createWidget(TAG, { ...args, ...day(0.74), label: 'Warning' }),
        createWidget(TAG, { ...args, ...day(0.52), label: 'Critical' }),
        createWidget(TAG, { ...args, ...day(0.86), label: 'Stale', stale: true }),
        createWidget(TAG, { ...args, label: 'Empty', intervals: [], interval: null }),
      ],
      '28em',
    ),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
