import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { WbBoard } from '../src/board.js';
import type { WbThresholdChangeEvent } from '../src/internal/events.js';
import type { WbSlGauge } from '../src/sl-gauge.js';
import {
  assertNoInjectedMarkup,
  HOSTILE,
  hasState,
  part,
  parts,
  setProps,
  shadowText,
} from './helpers/dom.js';
import { FakeStore } from './helpers/fake-store.js';
import { litWarnings } from './helpers/lit-warnings.js';

const meterOf = (el: WbSlGauge) => part(el, 'base');

describe('wb-sl-gauge', () => {
  it('renders value and target from plain properties as an accessible meter', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge label="Sales SL" .value=${0.82} .target=${0.8}></wb-sl-gauge>`,
    );
    const meter = meterOf(el);
    expect(meter.getAttribute('role')).to.equal('meter');
    expect(meter.getAttribute('aria-valuenow')).to.equal('82');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    expect(meter.getAttribute('aria-valuetext')).to.equal('82% answered within 20 s, target 80%');
    expect(part(el, 'legend').textContent).to.equal('80/20, abandons count against');
    expect(part(el, 'value').textContent).to.equal('82');
    expect(part(el, 'unit').textContent).to.equal('%');
    await expect(el).to.be.accessible();
  });

  it('takes its accessible name from the label', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge label="Billing service level" value="0.5"></wb-sl-gauge>`,
    );
    const meter = meterOf(el);
    const labelled = el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby')!);
    expect(labelled?.textContent).to.equal('Billing service level');
    expect(el.value).to.equal(0.5);
  });

  it('writes formula and threshold on the gauge', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge value="0.9" target="0.9" threshold-sec="30" formula="answered-only"></wb-sl-gauge>`,
    );
    expect(part(el, 'legend').textContent).to.equal('90/30, answered calls only');
    expect(meterOf(el).getAttribute('aria-valuetext')).to.equal('90% answered within 30 s, target 90%');
  });

  it('clamps values to 0..1 and treats non-numbers as no data', async () => {
    const el = await fixture<WbSlGauge>(html`<wb-sl-gauge .value=${1.7}></wb-sl-gauge>`);
    expect(meterOf(el).getAttribute('aria-valuenow')).to.equal('100');
    await setProps(el, { value: -0.2 });
    expect(meterOf(el).getAttribute('aria-valuenow')).to.equal('0');
    await setProps(el, { value: Number.NaN });
    expect(el.status).to.equal('empty');
    expect(meterOf(el).getAttribute('aria-valuetext')).to.equal('No data');
    el.setAttribute('value', 'abc');
    await elementUpdated(el);
    expect(el.status).to.equal('empty');
    expect(parts(el, 'indicator')).to.have.length(0);
  });

  it('keeps 0% visible: a round-capped dot on a track with at least 3:1 contrast', async () => {
    const el = await fixture<WbSlGauge>(html`<wb-sl-gauge .value=${0}></wb-sl-gauge>`);
    const indicator = part<SVGCircleElement>(el, 'indicator');
    expect(indicator.getAttribute('stroke-dasharray')).to.equal('0 100');
    expect(indicator.getAttribute('pathLength')).to.equal('100');
    expect(getComputedStyle(indicator).strokeLinecap).to.equal('round');
    const track = getComputedStyle(part(el, 'track')).stroke;
    const surface = getComputedStyle(part(el, 'base')).backgroundColor;
    expect(contrast(track, surface)).to.be.at.least(3);
  });

  it('warns below its target by default and goes critical below `critical`', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge .value=${0.8} .target=${0.8} critical="0.6"></wb-sl-gauge>`,
    );
    expect(el.status).to.equal('ok');
    expect(hasState(el, 'ok')).to.equal(true);
    await setProps(el, { value: 0.79 });
    expect(el.status).to.equal('warning');
    expect(el.getAttribute('status')).to.equal('warning');
    expect(hasState(el, 'warning')).to.equal(true);
    expect(hasState(el, 'ok')).to.equal(false);
    await setProps(el, { value: 0.59 });
    expect(el.status).to.equal('critical');
    expect(hasState(el, 'critical')).to.equal(true);
    expect(meterOf(el).getAttribute('aria-valuetext')).to.equal(
      '59% answered within 20 s, target 80%, critical',
    );
    expect(part(el, 'status').textContent).to.contain('Critical');
  });

  it('fires wb-threshold-change once per crossing', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge silent .value=${0.85} .target=${0.8} critical="0.6"></wb-sl-gauge>`,
    );
    const seen: Array<[string, string | null, number]> = [];
    el.addEventListener('wb-threshold-change', (e) => seen.push([e.level, e.previous, e.value]));
    for (const value of [0.7, 0.72, 0.75, 0.5, 0.55, 0.9, 0.95]) await setProps(el, { value });
    expect(seen).to.deep.equal([
      ['warning', 'ok', 0.7],
      ['critical', 'warning', 0.5],
      ['ok', 'critical', 0.9],
    ]);
  });

  it('threshold events bubble out of the shadow root and are composed', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div><wb-sl-gauge silent .value=${0.9}></wb-sl-gauge></div>`,
    );
    const el = wrapper.querySelector('wb-sl-gauge')!;
    setTimeout(() => {
      el.value = 0.1;
    });
    const event = (await oneEvent(wrapper, 'wb-threshold-change')) as WbThresholdChangeEvent;
    expect(event.composed).to.equal(true);
    expect(event.level).to.equal('warning');
    expect(event.metric).to.equal('serviceLevel');
  });

  it('binds to the nearest board: value and SL settings from the store, unsubscribing when removed', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-sl-gauge queue="sales"></wb-sl-gauge></wb-board>`,
    );
    const el = board.querySelector('wb-sl-gauge')!;
    store.push({
      'queue:sales': {
        serviceLevel: 0.9,
        sl: { slTarget: 0.85, slThresholdSec: 30, slFormula: 'answered-only', shortAbandonSec: 5 },
      },
    });
    await elementUpdated(el);
    expect(meterOf(el).getAttribute('aria-valuenow')).to.equal('90');
    expect(part(el, 'legend').textContent).to.equal('85/30, answered calls only');
    expect(store.selects).to.deep.include({ scope: 'queue:sales', metric: 'serviceLevel' });

    store.push({ 'queue:sales': { serviceLevel: 0.7 } });
    await elementUpdated(el);
    expect(el.value).to.equal(0.7);
    expect(el.status).to.equal('warning');

    const withGauge = store.activeSubscriptions;
    el.remove();
    expect(store.activeSubscriptions).to.equal(withGauge - 2);
    board.append(el);
    await elementUpdated(el);
    expect(store.activeSubscriptions).to.equal(withGauge);
  });

  it('renders a hostile label as text', async () => {
    const el = await fixture<WbSlGauge>(html`<wb-sl-gauge label=${HOSTILE} .value=${0.5}></wb-sl-gauge>`);
    expect(part(el, 'label').textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(el);
  });

  it('formats with the locale', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge locale="de-DE" .value=${0.825} digits="1" .target=${0.8}></wb-sl-gauge>`,
    );
    const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 });
    expect(meterOf(el).getAttribute('aria-valuetext')).to.equal(
      `${percent.format(0.825)} answered within 20 s, target ${percent.format(0.8)}`,
    );
    expect(shadowText(el)).to.contain('82,5');
  });

  it('lays out right to left under dir="rtl"', async () => {
    const el = await fixture<WbSlGauge>(
      html`<wb-sl-gauge dir="rtl" label="خدمة" .value=${0.5}></wb-sl-gauge>`,
    );
    const label = part(el, 'label').getBoundingClientRect();
    const status = part(el, 'status').getBoundingClientRect();
    expect(label.left).to.be.greaterThan(status.left);
    await expect(el).to.be.accessible();
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});

/** WCAG contrast ratio of two computed `rgb()` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const s = Number(x) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
