import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbMetric } from '@wallboard/widgets';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, LONG_WORD, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbMetric>;
const TAG = 'wb-metric';

const meta = {
  title: 'Widgets/Metric',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context)),
  args: { label: 'Calls waiting', value: 3, previous: 5, unit: 'calls', warn: 5, critical: 10 },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { play: statusIs(TAG, 'ok') };
/** Above `warn` (a count is bad upwards: `direction="above"` is the default). */
export const Warning: Story = { args: { value: 7 }, play: statusIs(TAG, 'warning') };
export const Critical: Story = { args: { value: 14 }, play: statusIs(TAG, 'critical') };
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const Empty: Story = { args: { value: null }, play: statusIs(TAG, 'empty') };

/** Average speed of answer: seconds shown as a duration, with the trend against the last interval. */
export const Duration: Story = {
  args: {
    label: 'ASA this interval',
    format: 'duration',
    value: 47,
    previous: 32,
    unit: '',
    warn: 30,
    critical: 60,
  },
  play: statusIs(TAG, 'warning'),
};
/** A percent is bounded, so it is a meter. Occupancy is bad upwards here; CSAT would be `below`. */
export const Percent: Story = {
  args: {
    label: 'Occupancy',
    format: 'percent',
    value: 0.873,
    previous: 0.91,
    digits: 1,
    unit: '',
    warn: 0.9,
    critical: 0.95,
  },
  play: statusIs(TAG, 'ok'),
};
export const BelowIsBad: Story = {
  name: 'Direction below (CSAT)',
  args: {
    label: 'Customer satisfaction',
    format: 'percent',
    value: 0.71,
    previous: 0.78,
    unit: '',
    direction: 'below',
    warn: 0.8,
    critical: 0.7,
  },
  play: statusIs(TAG, 'warning'),
};
export const NoTrend: Story = { args: { previous: null }, play: statusIs(TAG, 'ok') };
export const LargeCount: Story = {
  args: {
    label: 'Calls offered today',
    value: 1234567,
    previous: 1200000,
    unit: 'calls',
    warn: null,
    critical: null,
  },
};

export const LongName: Story = { args: { label: LONG_NAME, unit: LONG_WORD }, play: statusIs(TAG, 'ok') };
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };
export const RightToLeft: Story = {
  args: { label: 'שיחות ממתינות', unit: 'שיחות', locale: RTL.he.locale, value: 7 },
  render: (args, context) => rtl(column(renderWidget(args, context)), RTL.he.lang),
  play: statusIs(TAG, 'warning'),
};
export const German: Story = {
  args: {
    label: 'Durchschnittliche Bearbeitungszeit',
    format: 'duration',
    value: 754,
    previous: 802,
    unit: '',
    locale: 'de-DE',
    warn: 900,
    critical: 1200,
  },
  play: statusIs(TAG, 'ok'),
};

export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid([
      createWidget(TAG, { ...args, label: 'Ok', value: 3 }),
      createWidget(TAG, { ...args, label: 'Warning', value: 7 }),
      createWidget(TAG, { ...args, label: 'Critical', value: 14 }),
      createWidget(TAG, { ...args, label: 'Stale', value: 3, stale: true }),
      createWidget(TAG, { ...args, label: 'Empty', value: null }),
    ]),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
