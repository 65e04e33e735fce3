import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import type { IntervalFigures } from '@wallboard/metrics';
import { emulateMedia } from '@web/test-runner-commands';
import type { WbAbandonChart } from '../src/abandon-chart.js';
import type { WbBoard } from '../src/board.js';
import type { WbIntervalChart } from '../src/interval-chart.js';
import {
  assertNoInjectedMarkup,
  HOSTILE,
  hasState,
  part,
  parts,
  setProps,
  shadowText,
} from './helpers/dom.js';
import { emptyScope, FakeStore } from './helpers/fake-store.js';
import { litWarnings, warnings } from './helpers/lit-warnings.js';

const DAY = Date.UTC(2026, 2, 2, 7, 0); // 08:00 in Berlin
const HALF_HOUR = 30 * 60_000;

/** Interval `i` of the day (30 minutes from 08:00 Berlin) with the given figures. */
function iv(i: number, figures: Partial<IntervalFigures>): IntervalFigures {
  const base = emptyScope('all', {
    slThresholdSec: 20,
    slTarget: 0.8,
    slFormula: 'abandons-count-against',
    shortAbandonSec: 5,
  }).interval;
  return { ...base, start: DAY + i * HALF_HOUR, end: DAY + (i + 1) * HALF_HOUR, ...figures };
}

const hhmm = (t: number, zone = 'Europe/Berlin', locale = 'en-GB') =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(t);

/** Rows of the screen-reader table as arrays of cell texts. */
const tableRows = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );

const rects = (el: Element, cls: string) =>
  [...el.shadowRoot!.querySelectorAll<SVGRectElement>(`rect.${cls}`)].map((r) => ({
    y: Number(r.getAttribute('y')),
    height: Number(r.getAttribute('height')),
  }));

/** The points of an SVG path made of M/L commands (and the h0 of dots). */
const points = (d: string | null) =>
  [...(d ?? '').matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

const axisTexts = (el: Element, cls: string) =>
  [...el.shadowRoot!.querySelectorAll(`[part~="axis"].${cls} span`)].map((s) => s.textContent);

const SALES = [
  iv(0, { offered: 20, answered: 18, serviceLevel: 0.85 }),
  iv(1, { offered: 37, answered: 30, serviceLevel: 0.7 }),
  iv(2, { offered: 12, answered: 12, serviceLevel: null }),
];

describe('wb-interval-chart', () => {
  it('draws offered and answered bars and the SL line against the target from plain properties', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart label="Sales today" time-zone="Europe/Berlin" locale="en-GB" .intervals=${SALES}></wb-interval-chart>`,
    );
    // Highest bar 37: the count axis tops out at the next 1-2-5 step, 50.
    expect(axisTexts(el, 'y:not(.end)')).to.deep.equal(['50', '25', '0']);
    expect(rects(el, 'a').map((r) => r.height)).to.deep.equal([40, 74, 24]);
    expect(rects(el, 'b').map((r) => r.height)).to.deep.equal([36, 60, 24]);
    // SL on a 0..100% axis: y = 100 - SL * 100; the third interval has no SL, so the line stops.
    expect(points(part(el, 'indicator').getAttribute('d'))).to.deep.equal([
      [0.5, 15],
      [1.5, 30],
    ]);
    expect(part(el, 'target').getAttribute('d')).to.equal('M0 20H3');
    expect(axisTexts(el, 'x')[0]).to.equal(hhmm(SALES[0].start));
    expect(axisTexts(el, 'x')[0]).to.equal('08:00');
    expect(part(el, 'legend').textContent).to.contain('80/20, abandons count against');
    expect(part(el, 'base').getAttribute('role')).to.equal('figure');
    expect(part(el, 'plot').getAttribute('aria-hidden')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('gives screen readers a table of every interval', async () => {
    const open = iv(3, { offered: 5, answered: 4, serviceLevel: 0.75 });
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart time-zone="America/New_York" locale="en-US" .intervals=${SALES} .interval=${open}></wb-interval-chart>`,
    );
    const zone = 'America/New_York';
    const rows = tableRows(el);
    expect(rows).to.have.length(4);
    expect(rows[0]).to.deep.equal([
      `${hhmm(SALES[0].start, zone, 'en-US')}–${hhmm(SALES[0].end, zone, 'en-US')}`,
      '20',
      '18',
      '85%',
    ]);
    expect(rows[2][3]).to.equal('–');
    expect(rows[3][0]).to.contain('(in progress)');
    expect(el.shadowRoot!.querySelector('caption')?.textContent).to.equal(el.label);
    expect(el.shadowRoot!.querySelectorAll('rect.open')).to.have.length(2);
  });

  it('says its formula and threshold', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart .intervals=${SALES} target="0.9" threshold-sec="30" formula="answered-only"></wb-interval-chart>`,
    );
    expect(el.shadowRoot!.querySelector('.note')?.textContent).to.equal('90/30, answered calls only');
    expect(part(el, 'legend').textContent).to.contain('Target 90%');
  });

  it('takes its status from the latest SL: the open interval, else the last closed one', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart silent critical="0.6" .intervals=${SALES.slice(0, 1)}></wb-interval-chart>`,
    );
    const seen: string[] = [];
    el.addEventListener('wb-threshold-change', (e) => seen.push(`${e.previous}->${e.level}`));
    expect(el.status).to.equal('ok');
    await setProps(el, { intervals: SALES.slice(0, 2) });
    expect(el.status).to.equal('warning');
    expect(hasState(el, 'warning')).to.equal(true);
    await setProps(el, { interval: iv(2, { offered: 1, serviceLevel: null }) });
    expect(el.status).to.equal('warning');
    await setProps(el, { interval: iv(2, { offered: 9, serviceLevel: 0.5 }) });
    expect(el.status).to.equal('critical');
    expect(part(el, 'status').textContent).to.contain('Critical');
    await setProps(el, { interval: iv(2, { offered: 9, serviceLevel: 0.8 }) });
    expect(el.status).to.equal('ok');
    expect(seen).to.deep.equal(['ok->warning', 'warning->critical', 'critical->ok']);
  });

  it('is empty without intervals and drops malformed ones', async () => {
    const junk = [null, 7, { start: 'x' }, { start: 5, end: 1 }] as unknown as IntervalFigures[];
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart .intervals=${junk}></wb-interval-chart>`,
    );
    expect(el.status).to.equal('empty');
    expect(shadowText(el)).to.contain('No intervals yet today');
    expect(parts(el, 'plot')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
    await setProps(el, { intervals: [...junk, SALES[0]] });
    expect(rects(el, 'a')).to.have.length(1);
    expect(el.status).to.equal('ok');
  });

  it('binds intervals, the open interval, SL settings and the zone from the board', async () => {
    const store = new FakeStore({ timeZone: 'Asia/Tokyo' });
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-interval-chart queue="sales" locale="en-GB"></wb-interval-chart></wb-board>`,
    );
    const el = board.querySelector('wb-interval-chart')!;
    const base = emptyScope('queue:sales', store.settings);
    const open = iv(2, { offered: 4, answered: 3, serviceLevel: 0.5 });
    store.push({
      'queue:sales': {
        intervals: SALES.slice(0, 2),
        interval: open,
        sl: { ...base.sl, slTarget: 0.9, slThresholdSec: 15 },
      },
    });
    await elementUpdated(el);
    expect(rects(el, 'a')).to.have.length(3);
    expect(el.shadowRoot!.querySelector('.note')?.textContent).to.equal('90/15, abandons count against');
    expect(axisTexts(el, 'x')[0]).to.equal(hhmm(SALES[0].start, 'Asia/Tokyo'));
    expect(el.status).to.equal('warning');
    expect(store.selects).to.deep.include({ scope: 'queue:sales', metric: 'intervals' });
    // A snapshot rebuilds the open interval; the same figures are not a change.
    store.push({ 'queue:sales': { intervals: SALES.slice(0, 2), interval: { ...open }, sl: base.sl } });
    await elementUpdated(el);
    expect(el.interval).to.equal(open);
    store.push({ 'queue:sales': { intervals: SALES.slice(0, 2), interval: { ...open, offered: 6 } } });
    await elementUpdated(el);
    expect(el.interval?.offered).to.equal(6);
    const before = store.activeSubscriptions;
    el.remove();
    expect(store.activeSubscriptions).to.equal(before - 3);
  });

  it('redraws closed intervals only when the list, the zone or the locale changes', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart locale="en-GB" time-zone="Europe/Berlin" .intervals=${SALES}
        .interval=${iv(3, { offered: 5, answered: 4, serviceLevel: 0.75 })}></wb-interval-chart>`,
    );
    const closedRow = el.shadowRoot!.querySelector('tbody tr')!;
    const closedBar = el.shadowRoot!.querySelector('rect.a')!;
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    for (const node of [closedRow, closedBar])
      observer.observe(node, { subtree: true, characterData: true, childList: true, attributes: true });
    await setProps(el, { interval: iv(3, { offered: 6, answered: 6, serviceLevel: 0.9 }) });
    expect(tableRows(el)[3].slice(1)).to.deep.equal(['6', '6', '90%']);
    observer.takeRecords();
    expect(changes).to.deep.equal([]);
    await setProps(el, { locale: 'de-DE' });
    const de = new Intl.NumberFormat('de-DE', { style: 'percent' }).format(0.85).replace(/\s+/g, ' ');
    expect(tableRows(el)[0][3]).to.equal(de);
    await setProps(el, { intervals: [...SALES, iv(3, { offered: 80, serviceLevel: 0.5 })], interval: null });
    expect(tableRows(el)).to.have.length(4);
    // The new highest bar (80) moves the axis to 100, and every closed bar with it.
    expect(rects(el, 'a').map((r) => r.height)).to.deep.equal([20, 37, 12, 80]);
    observer.disconnect();
  });

  it('falls back to the browser zone for an unknown one and says why', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart time-zone="Moon/Base" .intervals=${SALES}></wb-interval-chart>`,
    );
    expect(axisTexts(el, 'x')[0]).to.equal(
      new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(SALES[0].start),
    );
    expect(warnings.some((w) => w.includes('Moon/Base'))).to.equal(true);
  });

  it('renders a hostile label as text', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart label=${HOSTILE} .intervals=${SALES}></wb-interval-chart>`,
    );
    expect(part(el, 'label').textContent).to.equal(HOSTILE);
    expect(el.shadowRoot!.querySelector('caption')?.textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(el);
  });

  it('runs time right to left under dir="rtl"', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart dir="rtl" label="مبيعات" .intervals=${[...SALES, iv(3, {}), iv(4, {})]}></wb-interval-chart>`,
    );
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="axis"].x span')];
    const first = labels[0].getBoundingClientRect();
    const last = labels[labels.length - 1].getBoundingClientRect();
    expect(first.left).to.be.greaterThan(last.left);
    const firstBar = el.shadowRoot!.querySelector('rect.a')!.getBoundingClientRect();
    const lastBar = [...el.shadowRoot!.querySelectorAll('rect.a')].pop()!.getBoundingClientRect();
    expect(firstBar.left).to.be.greaterThan(lastBar.left);
    await expect(el).to.be.accessible();
  });
});

describe('charts under forced colors', () => {
  it('draw in system colours: bars in text and grey, the line highlighted', async () => {
    const el = await fixture<WbIntervalChart>(
      html`<wb-interval-chart .intervals=${SALES}></wb-interval-chart>`,
    );
    const probe = await fixture<HTMLSpanElement>(
      html`<span><i style="color: Highlight">h</i><i style="color: CanvasText">t</i></span>`,
    );
    await emulateMedia({ forcedColors: 'active' });
    try {
      const [highlight, text] = [...probe.children].map((i) => getComputedStyle(i).color);
      expect(getComputedStyle(part(el, 'indicator')).stroke).to.equal(highlight);
      expect(getComputedStyle(el.shadowRoot!.querySelector('rect.a')!).fill).to.equal(text);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});

const LOSSES = [
  iv(0, { abandoned: 3, shortAbandoned: 1, abandonRate: 0.03 }),
  iv(1, { abandoned: 8, shortAbandoned: 2, abandonRate: 0.07 }),
];

describe('chart text size', () => {
  const sizes = (el: Element) => ({
    axis: getComputedStyle(el.shadowRoot!.querySelector('[part~="axis"] span')!).fontSize,
    legend: getComputedStyle(part(el, 'legend')).fontSize,
    status: getComputedStyle(part(el, 'status')).fontSize,
  });
  for (const tag of ['wb-interval-chart', 'wb-abandon-chart'] as const) {
    it(`${tag}: axis, legend and status chip follow --${tag}-text-size`, async () => {
      // The floor board's chart type: 20 px (a 1080p rem of 20 px at 0.74 fit, times 1.35).
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="--wb-font-size-base: 14.8148px; --wb-font-size-scale: 1.35">
          ${tag === 'wb-interval-chart' ? html`<wb-interval-chart .intervals=${SALES}></wb-interval-chart>` : html`<wb-abandon-chart .intervals=${SALES}></wb-abandon-chart>`}
        </div>`,
      );
      const el = wrapper.firstElementChild as WbIntervalChart;
      await el.updateComplete;
      // Unset: as before (0.75em axis, 0.8em legend and chip), the 15 and 16 px the UX audit measured.
      expect(sizes(el)).to.deep.equal({ axis: '15px', legend: '16px', status: '16px' });
      el.style.setProperty(`--${tag}-text-size`, '1em');
      expect(sizes(el)).to.deep.equal({ axis: '20px', legend: '21.3333px', status: '21.3333px' });
    });
  }
});

describe('wb-abandon-chart', () => {
  it('stacks short abandons on abandons and draws the rate on a percent axis fitted to it', async () => {
    const el = await fixture<WbAbandonChart>(
      html`<wb-abandon-chart locale="en-GB" .intervals=${LOSSES}></wb-abandon-chart>`,
    );
    // Highest stack 10 (8 + 2): the count axis tops at 10.
    expect(axisTexts(el, 'y:not(.end)')).to.deep.equal(['10', '5', '0']);
    const a = rects(el, 'a');
    const b = rects(el, 'b');
    expect(a.map((r) => r.height)).to.deep.equal([30, 80]);
    expect(b.map((r) => r.height)).to.deep.equal([10, 20]);
    expect(b.map((r) => r.y + r.height)).to.deep.equal(a.map((r) => r.y));
    // Highest rate 7% and the 5% target: the percent axis tops at 10%.
    expect(axisTexts(el, 'end')).to.deep.equal(['10%', '5%', '0%']);
    expect(points(part(el, 'indicator').getAttribute('d'))).to.deep.equal([
      [0.5, 70],
      [1.5, 30],
    ]);
    expect(part(el, 'target').getAttribute('d')).to.equal('M0 50H2');
    expect(part(el, 'legend').textContent).to.contain('Short abandoned (under 5 s)');
    expect(tableRows(el)[1].slice(1)).to.deep.equal(['8', '2', '7%']);
    await expect(el).to.be.accessible();
  });

  it('warns above its target by default', async () => {
    const el = await fixture<WbAbandonChart>(
      html`<wb-abandon-chart silent critical="0.1" .intervals=${LOSSES.slice(0, 1)}></wb-abandon-chart>`,
    );
    expect(el.status).to.equal('ok');
    await setProps(el, { intervals: LOSSES });
    expect(el.status).to.equal('warning');
    await setProps(el, { interval: iv(2, { abandoned: 3, abandonRate: 0.25 }) });
    expect(el.status).to.equal('critical');
    expect(axisTexts(el, 'end')[0]).to.equal('50%');
    await setProps(el, { target: 0.1 });
    expect(part(el, 'legend').textContent).to.contain('Target 10%');
  });

  it('takes the short-abandon threshold from the board', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-abandon-chart scope="all"></wb-abandon-chart></wb-board>`,
    );
    const el = board.querySelector('wb-abandon-chart')!;
    const base = emptyScope('all', store.settings);
    store.push({ all: { intervals: LOSSES, sl: { ...base.sl, shortAbandonSec: 8 } } });
    await elementUpdated(el);
    expect(part(el, 'legend').textContent).to.contain('Short abandoned (under 8 s)');
    expect(rects(el, 'a')).to.have.length(2);
  });

  it('renders a hostile label as text', async () => {
    const el = await fixture<WbAbandonChart>(
      html`<wb-abandon-chart label=${HOSTILE} .intervals=${LOSSES}></wb-abandon-chart>`,
    );
    expect(part(el, 'label').textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(el);
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
