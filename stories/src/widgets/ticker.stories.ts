import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { TickerMessage, WbTicker } from '@wallboard/widgets';
import { rtl } from '../support/layout.js';
import { labelIsText, statusIs } from '../support/play.js';
import { renderWidget } from '../support/render.js';
import { HOSTILE_LABEL, LONG_NAME, RTL } from '../support/samples.js';

type Args = Partial<WbTicker>;
const TAG = 'wb-ticker';

const MESSAGES: TickerMessage[] = [
  { text: 'Team huddle at 14:00 in room 2' },
  { text: 'Line 3 outage: callers hear silence', level: 'critical' },
  { text: 'Overflow to partner on', level: 'warning' },
];

// `static` is on in most stories so they stand still for tests and screenshots; `Scrolling` moves.
const meta = {
  title: 'Widgets/Ticker',
  component: TAG,
  render: (args, context) => renderWidget(args, context),
  args: { label: 'Announcements', messages: MESSAGES, staticList: true },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

export const Ok: Story = { tags: ['themes'], play: statusIs(TAG, 'ok') };
/** Scrolls; hover or focus pauses it, and the toolbar's "Reduced motion" turns it into a static list. */
export const Scrolling: Story = { args: { staticList: false }, play: statusIs(TAG, 'ok') };
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const Empty: Story = { args: { messages: [] }, play: statusIs(TAG, 'empty') };
/** Junk from a feed (numbers, blanks, objects without text) is dropped, the good messages stay. */
export const BadMessages: Story = {
  args: {
    messages: [
      'Shift swap board is open',
      '',
      '   ',
      42,
      { level: 'critical' },
      { text: 'Fire drill at 15:30', level: 'warning' },
    ] as unknown as TickerMessage[],
  },
  play: statusIs(TAG, 'ok'),
};
export const LongMessages: Story = {
  args: { label: LONG_NAME, messages: [LONG_NAME, { text: `${LONG_NAME}: ${LONG_NAME}`, level: 'warning' }] },
  play: statusIs(TAG, 'ok'),
};
export const HostileLabel: Story = {
  args: { label: HOSTILE_LABEL, messages: [HOSTILE_LABEL] },
  play: labelIsText(TAG, HOSTILE_LABEL),
};
export const RightToLeft: Story = {
  args: {
    label: 'إعلانات',
    locale: RTL.ar.locale,
    messages: [{ text: 'اجتماع الفريق الساعة 14:00' }, { text: 'انقطاع الخط 3', level: 'critical' }],
  },
  render: (args, context) => rtl(renderWidget(args, context), RTL.ar.lang),
  play: statusIs(TAG, 'ok'),
};
