import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { lightTheme, type WbMetric, type WbTicker } from '@wallboard/widgets';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import { DEFAULT_FRAME, type SbStoryFrame } from '../support/frame.js';
import { grid } from '../support/layout.js';

/**
 * What the toolbar does to a page (`<sb-story-frame>`), shown and checked on a few widgets: one metric
 * with no locale of its own, one with `locale="ja-JP"`, and a scrolling ticker.
 */
const meta = {
  title: 'Toolbar/How the toolbar applies',
  render: () =>
    grid([
      html`<wb-metric id="plain" label="Calls offered" .value=${1234567}></wb-metric>`,
      html`<wb-metric id="own" label="Calls today" locale="ja-JP" .value=${1234567}></wb-metric>`,
      html`<wb-ticker id="ticker" data-span="2" .messages=${['Team huddle at 14:00']}></wb-ticker>`,
    ]),
} satisfies Meta;
export default meta;

/** The toolbar's settings as a viewer would pick them, then back to the defaults. */
export const Applies: StoryObj = {
  play: async ({ canvasElement }) => {
    const frame = canvasElement.querySelector<SbStoryFrame>('sb-story-frame')!;
    const plain = canvasElement.querySelector<WbMetric>('#plain')!;
    const own = canvasElement.querySelector<WbMetric>('#own')!;
    const ticker = canvasElement.querySelector<WbTicker>('#ticker')!;
    const start = frame.settings;

    frame.settings = { theme: 'light', scale: 'tv', locale: 'de-DE', motion: 'reduce', direction: 'rtl' };
    await expect(plain.locale).toBe('de-DE');
    await expect(own.locale).toBe('ja-JP');
    await expect(ticker.staticList).toBe(true);
    await expect(frame.dir).toBe('rtl');
    await expect(frame.style.getPropertyValue('--wb-color-surface')).toBe(lightTheme['color-surface']);
    await expect(frame.style.getPropertyValue('--wb-font-size-scale')).toBe('2');
    await expect(frame.style.getPropertyValue('--wb-motion-duration')).toBe('0ms');
    // German grouping where the toolbar set the locale, Japanese where the widget has its own.
    await waitFor(() => expect(plain.shadowRoot!.textContent).toContain('1.234.567'));
    await expect(own.shadowRoot!.textContent).toContain('1,234,567');

    frame.settings = { ...DEFAULT_FRAME, fill: start.fill };
    await expect(plain.locale).toBeUndefined();
    await expect(own.locale).toBe('ja-JP');
    await expect(ticker.staticList).toBe(false);
    await expect(frame.dir).toBe('ltr');
    await expect(frame.style.getPropertyValue('--wb-motion-duration')).toBe('200ms');
  },
};
