import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbStaffing } from '@wallboard/widgets';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbStaffing>;
const TAG = 'wb-staffing';

// The gap (staffed - needed) drives the status: one short warns, `critical` at 3 short here.
const meta = {
  title: 'Widgets/Staffing',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context), '24em'),
  args: {
    label: 'Sales staffing',
    critical: -3,
    model: 'A',
    callsPerHour: 310,
    ahtSec: 245,
    patienceSec: 180,
    agentsNeeded: 22,
    agentsStaffed: 24,
    projectedServiceLevel: 0.86,
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { play: statusIs(TAG, 'ok') };
export const Warning: Story = {
  args: { agentsStaffed: 21, projectedServiceLevel: 0.71 },
  play: statusIs(TAG, 'warning'),
};
export const Critical: Story = {
  args: { agentsStaffed: 17, projectedServiceLevel: 0.42 },
  play: statusIs(TAG, 'critical'),
};
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const Empty: Story = {
  args: {
    agentsNeeded: null,
    agentsStaffed: null,
    projectedServiceLevel: null,
    callsPerHour: null,
    ahtSec: null,
    patienceSec: null,
  },
  play: statusIs(TAG, 'empty'),
};
/** Erlang C: no patience, so no abandons in the model. */
export const ErlangC: Story = {
  args: { model: 'C', patienceSec: null, agentsNeeded: 23, projectedServiceLevel: 0.83 },
  play: statusIs(TAG, 'ok'),
};
export const LongName: Story = { args: { label: LONG_NAME }, play: statusIs(TAG, 'ok') };
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };
export const RightToLeft: Story = {
  args: {
    label: 'التوظيف – المبيعات',
    locale: RTL.ar.locale,
    agentsStaffed: 21,
    projectedServiceLevel: 0.71,
  },
  render: (args, context) => rtl(column(renderWidget(args, context), '24em'), RTL.ar.lang),
  play: statusIs(TAG, 'warning'),
};

export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid([
      createWidget(TAG, { ...args, label: 'Ok' }),
      createWidget(TAG, { ...args, label: 'Warning', agentsStaffed: 21, projectedServiceLevel: 0.71 }),
      createWidget(TAG, { ...args, label: 'Critical', agentsStaffed: 17, projectedServiceLevel: 0.42 }),
      createWidget(TAG, { ...args, label: 'Stale', stale: true }),
      createWidget(TAG, {
        ...args,
        label: 'Empty',
        agentsNeeded: null,
        agentsStaffed: null,
        projectedServiceLevel: null,
      }),
    ]),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
