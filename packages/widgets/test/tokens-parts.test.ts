import './helpers/lit-warnings.js';
import '../src/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CSSResultOrNative } from 'lit';
import { WbAbandonChart } from '../src/abandon-chart.js';
import { WbAgentBoard } from '../src/agent-board.js';
import { WbBoard } from '../src/board.js';
import { WbClock } from '../src/clock.js';
import { darkTheme, GLOBAL_TOKENS, lightTheme, themeDeclarations } from '../src/internal/tokens.js';
import { WbIntervalChart } from '../src/interval-chart.js';
import { WbMetric } from '../src/metric.js';
import { WbQueueTile } from '../src/queue-tile.js';
import { WbSlGauge } from '../src/sl-gauge.js';
import { WbStaffing } from '../src/staffing.js';
import { WbTicker } from '../src/ticker.js';
import { part } from './helpers/dom.js';
import { WIDGETS } from './helpers/gallery.js';
import { litWarnings } from './helpers/lit-warnings.js';
import { type ElementDoc, loadManifest } from './helpers/manifest.js';

/**
 * Each component's public tokens, as its doc block (@cssprop) documents them. Its parts come from
 * custom-elements.json (the doc block's @csspart), so a documented part cannot be missed here.
 */
const DOCUMENTED = {
  'wb-board': {
    cls: WbBoard,
    tokens: ['column-min', 'gap', 'background'],
  },
  'wb-sl-gauge': {
    cls: WbSlGauge,
    tokens: ['size', 'track-width', 'indicator-color', 'target-color'],
  },
  'wb-metric': {
    cls: WbMetric,
    tokens: ['value-size', 'better-color', 'worse-color'],
  },
  'wb-queue-tile': {
    cls: WbQueueTile,
    tokens: ['figure-size', 'value-size'],
  },
  'wb-clock': { cls: WbClock, tokens: ['value-size'] },
  'wb-ticker': { cls: WbTicker, tokens: ['gap'] },
  'wb-interval-chart': {
    cls: WbIntervalChart,
    tokens: ['height', 'text-size', 'offered-color', 'answered-color', 'line-color', 'target-color'],
  },
  'wb-abandon-chart': {
    cls: WbAbandonChart,
    tokens: ['height', 'text-size', 'abandoned-color', 'short-color', 'line-color', 'target-color'],
  },
  'wb-agent-board': {
    cls: WbAgentBoard,
    tokens: [
      'max-height',
      'row-min',
      'available-color',
      'on-call-color',
      'acw-color',
      'break-color',
      'other-color',
      'offline-color',
    ],
  },
  'wb-staffing': {
    cls: WbStaffing,
    tokens: ['figure-size', 'indicator-color', 'meter-color'],
  },
} as const;

const cssText = (styles: CSSResultOrNative[]) =>
  styles
    .map((s) =>
      'cssText' in s ? s.cssText : [...(s as CSSStyleSheet).cssRules].map((r) => r.cssText).join('\n'),
    )
    .join('\n');

describe('tokens', () => {
  it('uses only global tokens and documented component tokens, and uses every one of them', () => {
    const usedGlobals = new Set<string>();
    for (const [tag, { cls, tokens }] of Object.entries(DOCUMENTED)) {
      const text = cssText(cls.elementStyles);
      const used = new Set([...text.matchAll(/--wb-([a-z0-9-]+)/g)].map((m) => m[1]));
      const component = tag.slice(3);
      const own = [...used]
        .filter((t) => t.startsWith(`${component}-`))
        .map((t) => t.slice(component.length + 1));
      expect(own.sort(), `${tag} component tokens`).to.deep.equal([...tokens].sort());
      for (const t of used) {
        if (t.startsWith(`${component}-`)) continue;
        expect(GLOBAL_TOKENS as readonly string[], `${tag} uses undefined token --wb-${t}`).to.include(t);
        usedGlobals.add(t);
      }
    }
    expect(
      GLOBAL_TOKENS.filter((t) => !usedGlobals.has(t)),
      'unused global tokens',
    ).to.deep.equal([]);
  });

  it('falls back to the dark theme value wherever a global token is read', () => {
    for (const { cls } of Object.values(DOCUMENTED)) {
      for (const m of cssText(cls.elementStyles).matchAll(/var\(--wb-([a-z0-9-]+), ([^;()]+)\)/g)) {
        const [, name, fallback] = m;
        if (name in darkTheme) expect(fallback, name).to.equal(darkTheme[name as keyof typeof darkTheme]);
      }
    }
  });

  it('lets a page token, a component token and a theme restyle a widget', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge .value=${0.5} critical="0.6" style="--wb-status-critical-fill: rgb(1, 2, 3)"></wb-sl-gauge>`,
    );
    expect(getComputedStyle(part(el, 'indicator')).stroke).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--wb-sl-gauge-indicator-color', 'rgb(4, 5, 6)');
    expect(getComputedStyle(part(el, 'indicator')).stroke).to.equal('rgb(4, 5, 6)');
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal(rgb(darkTheme['color-surface']));
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal(rgb(lightTheme['color-surface']));
  });

  it('takes a theme from the page stylesheet through inheritance', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style=${themeDeclarations(lightTheme)}><wb-metric .value=${1}></wb-metric></div>`,
    );
    const el = wrapper.querySelector('wb-metric')!;
    expect(getComputedStyle(part(el, 'base')).backgroundColor).to.equal(rgb(lightTheme['color-surface']));
    expect(getComputedStyle(part(el, 'label')).color).to.equal(rgb(lightTheme['color-on-surface-muted']));
  });

  it('scales type with --wb-font-size-scale and scale="tv"', async () => {
    const el = await fixture<WbMetric>(html`<wb-metric .value=${1}></wb-metric>`);
    const desk = Number.parseFloat(getComputedStyle(part(el, 'value')).fontSize);
    el.scale = 'tv';
    await el.updateComplete;
    expect(Number.parseFloat(getComputedStyle(part(el, 'value')).fontSize)).to.be.closeTo(desk * 2, 0.01);
    el.scale = undefined;
    el.style.setProperty('--wb-font-size-scale', '1.5');
    await el.updateComplete;
    expect(Number.parseFloat(getComputedStyle(part(el, 'value')).fontSize)).to.be.closeTo(desk * 1.5, 0.01);
  });

  it('drops motion under prefers-reduced-motion', async () => {
    const el = await fixture<WbSlGauge>(html`<wb-sl-gauge .value=${0.5}></wb-sl-gauge>`);
    expect(getComputedStyle(part(el, 'indicator')).transitionDuration).to.equal('0.2s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(part(el, 'indicator')).transitionDuration).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('uses system colours under forced colors', async () => {
    const el = await fixture<WbSlGauge>(html`<wb-sl-gauge .value=${0.5}></wb-sl-gauge>`);
    const probe = await fixture<HTMLSpanElement>(html`<span style="color: Highlight">x</span>`);
    await emulateMedia({ forcedColors: 'active' });
    try {
      expect(getComputedStyle(part(el, 'indicator')).stroke).to.equal(getComputedStyle(probe).color);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});

/** Attributes a widget needs before some of its parts show (the clock's date line). */
const SHOWING_EVERY_PART: Record<string, Record<string, string>> = { 'wb-clock': { date: '' } };

describe('parts', () => {
  let manifest: Map<string, ElementDoc>;
  before(async () => {
    manifest = await loadManifest();
  });

  it('covers every element of the manifest', () => {
    expect([...manifest.keys()].sort()).to.deep.equal(Object.keys(DOCUMENTED).sort());
  });

  for (const tag of Object.keys(DOCUMENTED)) {
    it(`${tag} exposes every part its manifest entry documents`, async () => {
      const parts = (manifest.get(tag)?.cssParts ?? []).map((p) => p.name);
      expect(parts, `${tag} documents no parts`).to.not.be.empty;
      const render = WIDGETS[tag];
      const host =
        tag === 'wb-board'
          ? await fixture<WbBoard>(
              html`<wb-board label="Floor" stale-after="0.05" .store=${{ snapshots$: { subscribe: () => ({ unsubscribe() {} }) }, settings: {} }}></wb-board>`,
            )
          : ((await fixture<HTMLDivElement>(html`<div>${render('critical')}</div>`))
              .firstElementChild as HTMLElement);
      for (const [name, value] of Object.entries(SHOWING_EVERY_PART[tag] ?? {}))
        host.setAttribute(name, value);
      if (tag === 'wb-board') await new Promise((r) => host.addEventListener('wb-stale', r, { once: true }));
      await (host as WbBoard).updateComplete;
      for (const name of parts)
        expect(host.shadowRoot!.querySelector(`[part~="${name}"]`), `${tag}::part(${name})`).to.not.equal(
          null,
        );
    });
  }

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
