import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbSlGauge } from '@wallboard/widgets';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbSlGauge>;
const TAG = 'wb-sl-gauge';

// The docs page's description is the element's own doc block (custom-elements.json).
const meta = {
  title: 'Widgets/SL gauge',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context), '18em'),
  args: { label: 'Sales service level', value: 0.86, target: 0.8, thresholdSec: 20, critical: 0.6 },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { play: statusIs(TAG, 'ok') };
/** Below the target (the default `warn` level of an SL gauge). */
export const Warning: Story = { args: { value: 0.74 }, play: statusIs(TAG, 'warning') };
/** Below the `critical` level. */
export const Critical: Story = { args: { value: 0.52 }, play: statusIs(TAG, 'critical') };
/** The board marks its widgets stale when snapshots stop; the last figure stays, greyed and labelled. */
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
/** No calls yet in the window: the engine gives `null`, shown as "No data", never 0%. */
export const Empty: Story = { args: { value: null }, play: statusIs(TAG, 'empty') };

/** 0% is still drawn, with a visible track, and is critical. */
export const Zero: Story = { args: { value: 0 }, play: statusIs(TAG, 'critical') };
/** The target exactly met is ok: only a value strictly below the target warns. */
export const OnTarget: Story = { args: { value: 0.8 }, play: statusIs(TAG, 'ok') };
export const NinetyTen: Story = {
  name: '90/10 target, one decimal',
  args: { target: 0.9, thresholdSec: 10, value: 0.874, digits: 1 },
  play: statusIs(TAG, 'warning'),
};

/** Each SL formula names itself under the ring. */
export const Formulas: Story = {
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid(
      (
        [
          'abandons-count-against',
          'answered-only',
          'ignore-early-abandons',
          'early-abandons-count-for',
        ] as const
      ).map((formula) => createWidget(TAG, { ...args, formula, label: formula })),
    ),
};

export const LongName: Story = { args: { label: LONG_NAME }, play: statusIs(TAG, 'ok') };
/** Markup in a label is text: nothing in it runs or renders as an element. */
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };

export const RightToLeft: Story = {
  args: { label: 'مستوى الخدمة – المبيعات', locale: RTL.ar.locale, value: 0.74 },
  render: (args, context) => rtl(column(renderWidget(args, context), '18em'), RTL.ar.lang),
  play: statusIs(TAG, 'warning'),
};

/** Every state at once, in the toolbar's theme and scale. */
export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid([
      createWidget(TAG, { ...args, label: 'Ok', value: 0.86 }),
      createWidget(TAG, { ...args, label: 'Warning', value: 0.74 }),
      createWidget(TAG, { ...args, label: 'Critical', value: 0.52 }),
      createWidget(TAG, { ...args, label: 'Stale', value: 0.86, stale: true }),
      createWidget(TAG, { ...args, label: 'Empty', value: null }),
    ]),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
