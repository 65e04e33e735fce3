import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AgentRow, WbAgentBoard } from '@wallboard/widgets';
import { team } from '../support/day.js';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { FIXED_TIME, HOSTILE_LABEL, LONG_NAME, LONG_WORD, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbAgentBoard>;
const TAG = 'wb-agent-board';

// A fixed `time` keeps times in state still (a board would tick them with the engine's time).
const meta = {
  title: 'Widgets/Agent board',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context), '40em'),
  args: { label: 'Team Blue', warn: 3, critical: 1, time: FIXED_TIME, locale: 'en-GB', agents: team(5) },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** Five agents available: ok (it warns under 3 available, and is critical under 1). */
export const Ok: Story = { tags: ['themes'], play: statusIs(TAG, 'ok') };
export const Warning: Story = { args: { agents: team(2) }, play: statusIs(TAG, 'warning') };
export const Critical: Story = { args: { agents: team(0) }, play: statusIs(TAG, 'critical') };
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const Empty: Story = { args: { agents: [] }, play: statusIs(TAG, 'empty') };
export const ShowOffline: Story = { args: { showOffline: true }, play: statusIs(TAG, 'ok') };
/** Counts only, as a board binds them from the engine (`agentsByState`), without per-agent rows. */
export const CountsOnly: Story = {
  args: { agents: [], counts: { available: 4, 'on-call': 17, acw: 3, break: 2, other: 1, offline: 9 } },
  play: statusIs(TAG, 'ok'),
};
/** 500 agents: the list scrolls, and rows off screen skip layout and paint. */
export const FiveHundred: Story = {
  args: {
    agents: Array.from({ length: 500 }, (_, i): AgentRow => {
      const base = team(5)[i % 12];
      return { ...base, id: `a${i}`, name: `${base.name} ${Math.floor(i / 12) + 1}` };
    }),
  },
  play: statusIs(TAG, 'ok'),
};
/**
 * `fit`, as on a floor TV: a column per state with agents, as many of the longest in state as fit in the
 * height it is given, the rest as "+N more" text (no button, no scrolling).
 */
export const Fit: Story = {
  args: {
    fit: true,
    agents: Array.from({ length: 120 }, (_, i): AgentRow => {
      const base = team(5)[i % 12];
      return { ...base, id: `f${i}`, name: `${base.name} ${Math.floor(i / 12) + 1}` };
    }),
  },
  render: (args, context) => {
    const el = renderWidget(args, context);
    el.style.blockSize = '24em';
    return column(el, '60em');
  },
  play: statusIs(TAG, 'ok'),
};
export const LongNames: Story = {
  args: {
    label: LONG_NAME,
    agents: team(5, [
      LONG_WORD,
      LONG_NAME,
      ...team(5)
        .slice(2)
        .map((a) => a.name),
    ]),
  },
  play: statusIs(TAG, 'ok'),
};
export const HostileLabel: Story = {
  args: {
    label: HOSTILE_LABEL,
    agents: team(5, [
      HOSTILE_LABEL,
      ...team(5)
        .slice(1)
        .map((a) => a.name),
    ]),
  },
  play: labelIsText(TAG, HOSTILE_LABEL),
};
export const RightToLeft: Story = {
  args: {
    label: 'الفريق الأزرق',
    locale: RTL.ar.locale,
    agents: team(2, [
      'سارة',
      'عمر',
      'ليلى',
      'يوسف',
      'مريم',
      'خالد',
      'نور',
      'هدى',
      'زياد',
      'رنا',
      'سامي',
      'دينا',
    ]),
  },
  render: (args, context) => rtl(column(renderWidget(args, context), '40em'), RTL.ar.lang),
  play: statusIs(TAG, 'warning'),
};

/** Five boards on one page, in every state; each list is a landmark named after its board's label. */
export const AllStates: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid(
      [
        createWidget(TAG, { ...args, agents: team(5), label: 'Ok' }),
        createWidget(TAG, { ...args, agents: team(2), label: 'Warning' }),
        createWidget(TAG, { ...args, agents: team(0), label: 'Critical' }),
        createWidget(TAG, { ...args, agents: team(5), label: 'Stale', stale: true }),
        createWidget(TAG, { ...args, agents: [], label: 'Empty' }),
      ],
      '28em',
    ),
  play: statusesAre(TAG, ['ok', 'warning', 'critical', 'stale', 'empty']),
};
