import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { WbClock } from '@wallboard/widgets';
import { column, grid, rtl } from '../support/layout.js';
import { labelIsText, statusesAre, statusIs } from '../support/play.js';
import { createWidget, renderWidget } from '../support/render.js';
import { FIXED_TIME, HOSTILE_LABEL, LONG_NAME, RTL } from '../support/samples.js';
import { SHOW_STORY_SOURCE } from '../support/snippet.js';

type Args = Partial<WbClock>;
const TAG = 'wb-clock';

// A fixed `time` keeps the stories (and their screenshots and tests) still; `WallClock` shows it ticking.
const meta = {
  title: 'Widgets/Clock',
  component: TAG,
  render: (args, context) => column(renderWidget(args, context)),
  args: { label: 'Center time', timeZone: 'Europe/Berlin', time: FIXED_TIME, locale: 'en-GB' },
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<Args>;

/** A clock has no thresholds: it is ok, stale or (with no time at all) empty. */
export const Ok: Story = { play: statusIs(TAG, 'ok') };
export const Stale: Story = { args: { stale: true }, play: statusIs(TAG, 'stale') };
export const WithSecondsAndDate: Story = { args: { seconds: true, date: true }, play: statusIs(TAG, 'ok') };
/** Ticks with the browser's clock (not used as a test: its text changes every second). */
export const WallClock: Story = { args: { time: null, wallClock: true, seconds: true }, tags: ['!test'] };

export const TimeZones: Story = {
  tags: ['themes'],
  parameters: SHOW_STORY_SOURCE,
  render: (args) =>
    grid(
      ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'].map((timeZone) =>
        createWidget(TAG, { ...args, timeZone, label: timeZone.split('/')[1].replace('_', ' '), date: true }),
      ),
    ),
  play: statusesAre(TAG, ['ok', 'ok', 'ok', 'ok']),
};
/** A bad zone name falls back to the browser's zone (with a console warning) instead of breaking. */
export const UnknownTimeZone: Story = { args: { timeZone: 'Mars/Olympus_Mons' }, play: statusIs(TAG, 'ok') };

export const LongName: Story = { args: { label: LONG_NAME, date: true }, play: statusIs(TAG, 'ok') };
export const HostileLabel: Story = { args: { label: HOSTILE_LABEL }, play: labelIsText(TAG, HOSTILE_LABEL) };
export const RightToLeft: Story = {
  args: { label: 'توقيت المركز', locale: RTL.ar.locale, timeZone: 'Africa/Cairo', date: true },
  render: (args, context) => rtl(column(renderWidget(args, context)), RTL.ar.lang),
  play: statusIs(TAG, 'ok'),
};
