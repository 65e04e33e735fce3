import './helpers/lit-warnings.js';
import '../src/define.js';
import { fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import type { TemplateResult } from 'lit';
import { darkTheme, lightTheme, themeDeclarations } from '../src/internal/tokens.js';
import { type GalleryState, WIDGETS } from './helpers/gallery.js';

// Screenshot baselines: every widget, dark and light, desk and TV scale. A missing baseline fails;
// create or refresh them with `UPDATE_SNAPSHOTS=1 pnpm test` and commit screenshots/Chromium/baseline.
const THEMES = { dark: darkTheme, light: lightTheme };
const SCALES = { desk: 1, tv: 2 };
const SHOWN: Record<string, GalleryState> = {
  'wb-sl-gauge': 'warning',
  'wb-metric': 'critical',
  'wb-queue-tile': 'warning',
  'wb-clock': 'ok',
  'wb-ticker': 'ok',
  'wb-interval-chart': 'warning',
  'wb-abandon-chart': 'critical',
  'wb-agent-board': 'warning',
  'wb-staffing': 'warning',
};
/** Widgets shown at ticker width rather than tile width. */
const WIDE = new Set(['wb-ticker', 'wb-interval-chart', 'wb-abandon-chart', 'wb-agent-board']);

const board = () => html`<wb-board label="Floor 1">
  ${WIDGETS['wb-sl-gauge']('ok')} ${WIDGETS['wb-metric']('warning')} ${WIDGETS['wb-queue-tile']('critical')}
</wb-board>`;

async function shoot(
  content: TemplateResult,
  name: string,
  theme: keyof typeof THEMES,
  scale: keyof typeof SCALES,
  width: number,
) {
  const style = `${themeDeclarations(THEMES[theme])} background: ${THEMES[theme]['color-background']}; padding: 8px; width: ${width * SCALES[scale]}px;`;
  const frame = await fixture<HTMLDivElement>(html`<div style=${style}>${content}</div>`);
  // TV scale as a page sets it: the `scale` attribute on the widget (or on the board, for its children).
  if (scale === 'tv') for (const el of frame.children) el.setAttribute('scale', 'tv');
  await Promise.all(
    [...frame.querySelectorAll('*')].map(
      (el) => (el as { updateComplete?: Promise<unknown> }).updateComplete,
    ),
  );
  await document.fonts.ready;
  await visualDiff(frame, `${name}-${theme}-${scale}`);
}

describe('screenshots', () => {
  before(() => setViewport({ width: 1400, height: 1000 }));

  for (const theme of Object.keys(THEMES) as Array<keyof typeof THEMES>) {
    for (const scale of Object.keys(SCALES) as Array<keyof typeof SCALES>) {
      for (const [tag, state] of Object.entries(SHOWN)) {
        it(`${tag} ${theme} ${scale}`, () =>
          shoot(WIDGETS[tag](state), tag, theme, scale, WIDE.has(tag) ? 560 : 280));
      }
      it(`wb-board ${theme} ${scale}`, () => shoot(board(), 'wb-board', theme, scale, 640));
    }
  }
});
