import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbQueueTile } from '@wallboard/widgets';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, LONG_WORD, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbQueueTile>;
const TAG = 'wb-queue-tile';

const meta = {
  title: 'Widgets/Queue tile',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context), '22em'),
  args: {
    label: 'Billing',
    waiting: 4,
    longestWaitSec: 75,
    serviceLevel: 0.88,
    slTarget: 0.8,
    agentsAvailable: 2,
    abandonRate: 0.034,
    critical: 0.6,
    waitWarnSec: 120,
    waitCriticalSec: 300,
  },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { play: statusIs(TAG, 'ok') };
/** SL under target. */
export const Warning: Story = { args: { serviceLevel: 0.76 }, play: statusIs(TAG, 'warning') };
/** SL under `critical`. */
export const Critical: Story = { args: { serviceLevel: 0.41 }, play: statusIs(TAG, 'critical') };
/** The worse figure wins: SL is fine, but a caller has waited past `wait-critical-sec`. */
export const CriticalByWait: Story = {
  args: { longestWaitSec: 412, waiting: 11, agentsAvailable: 0 },
  play: statusIs(TAG, 'critical'),
};
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const Empty: Story = {
  args: { serviceLevel: null, waiting: null, longestWaitSec: null, agentsAvailable: null, abandonRate: null },
  play: statusIs(TAG, 'empty'),
};
/** A quiet queue: nobody waiting is a real zero, not missing data. */
export const NobodyWaiting: Story = {
  args: { waiting: 0, longestWaitSec: 0, agentsAvailable: 6 },
  play: statusIs(TAG, 'ok'),
};

export const LongName: Story = { args: { label: `${LONG_NAME} ${LONG_WORD}` }, play: statusIs(TAG, 'ok') };
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };
export const RightToLeft: Story = {
  args: { label: 'الفواتير', locale: RTL.ar.locale, serviceLevel: 0.76 },
  render: (args, context) => rtl(column(renderWidget(args, context), '22em'), RTL.ar.lang),
  play: statusIs(TAG, 'warning'),
};

export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid(
      [
        createWidget(TAG, { ...args, label: 'Ok' }),
        createWidget(TAG, { ...args, label: 'Warning', serviceLevel: 0.76 }),
        createWidget(TAG, { ...args, label: 'Critical', serviceLevel: 0.41 }),
        createWidget(TAG, { ...args, label: 'Stale', stale: true }),
        createWidget(TAG, {
          ...args,
          label: 'Empty',
          serviceLevel: null,
          waiting: null,
          longestWaitSec: null,
          agentsAvailable: null,
          abandonRate: null,
        }),
      ],
      '20em',
    ),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
