import './helpers/lit-warnings.js';
import '../src/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { WbWidget } from '../src/internal/widget.js';
import { statesOf, WIDGETS } from './helpers/gallery.js';
import { litWarnings } from './helpers/lit-warnings.js';

const THEMES = ['dark', 'light', 'high-contrast'] as const;

describe('accessibility of every widget in every state and theme (axe)', () => {
  for (const [tag, render] of Object.entries(WIDGETS)) {
    for (const state of statesOf(tag)) {
      it(`${tag} ${state}`, async () => {
        for (const theme of THEMES) {
          const wrapper = await fixture<HTMLDivElement>(html`<div>${render(state)}</div>`);
          const el = wrapper.firstElementChild as WbWidget;
          el.theme = theme;
          await el.updateComplete;
          expect(el.status, `${theme}: status`).to.equal(state);
          await expect(el, theme).to.be.accessible();
        }
      });
    }
  }

  it('stays accessible under forced colors', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      for (const [tag, render] of Object.entries(WIDGETS)) {
        const wrapper = await fixture<HTMLDivElement>(html`<div>${render('critical')}</div>`);
        await expect(wrapper.firstElementChild, tag).to.be.accessible();
      }
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
