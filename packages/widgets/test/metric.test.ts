import './helpers/lit-warnings.js';
import '../src/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { WbBoard } from '../src/board.js';
import { inferFormat, type WbMetric } from '../src/metric.js';
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
import { litWarnings } from './helpers/lit-warnings.js';

describe('wb-metric', () => {
  it('shows a count as labelled text', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric label="Calls waiting" .value=${12} unit="calls"></wb-metric>`,
    );
    expect(part(el, 'value').textContent).to.equal('12');
    expect(part(el, 'unit').textContent).to.equal('calls');
    expect(part(el, 'base').getAttribute('role')).to.equal('group');
    expect(part(el, 'label').textContent).to.equal('Calls waiting');
    await expect(el).to.be.accessible();
  });

  it('shows a percent as a meter and a duration as m:ss with a spoken form', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric label="Occupancy" format="percent" .value=${0.873}></wb-metric>`,
    );
    const base = part(el, 'base');
    expect(base.getAttribute('role')).to.equal('meter');
    expect(base.getAttribute('aria-valuenow')).to.equal('87');
    expect(base.getAttribute('aria-valuetext')).to.equal('87%');
    await setProps(el, { format: 'duration', value: 65, label: 'ASA' });
    expect(part(el, 'value').textContent).to.equal('1:05');
    expect(shadowText(el)).to.contain('1 minute, 5 seconds');
    await setProps(el, { value: 3723 });
    expect(part(el, 'value').textContent).to.equal('1:02:03');
    await expect(el).to.be.accessible();
  });

  it('infers the format from the metric name', () => {
    expect(inferFormat('interval.asaSec')).to.equal('duration');
    expect(inferFormat('longestWaitSec')).to.equal('duration');
    expect(inferFormat('serviceLevel')).to.equal('percent');
    expect(inferFormat('rolling.abandonRate')).to.equal('percent');
    expect(inferFormat('waiting')).to.equal('count');
    expect(inferFormat(undefined)).to.equal('count');
  });

  it('clamps: percents to 0..1, counts and durations to >= 0, non-numbers to no data', async () => {
    const el = await fixture<WbMetric>(html`<wb-metric format="percent" .value=${1.4}></wb-metric>`);
    expect(part(el, 'base').getAttribute('aria-valuenow')).to.equal('100');
    await setProps(el, { format: 'count', value: -3 });
    expect(part(el, 'value').textContent).to.equal('0');
    await setProps(el, { value: Number.POSITIVE_INFINITY });
    expect(el.status).to.equal('empty');
    expect(part(el, 'value').textContent).to.equal('–');
  });

  it('shows the trend against the previous interval, judged by the threshold direction', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric label="Waiting" warn="5" .value=${7} .previous=${3}></wb-metric>`,
    );
    const trend = part(el, 'trend');
    expect(trend.textContent).to.contain('+4');
    expect(trend.textContent).to.contain('vs previous interval');
    expect(trend.classList.contains('worse')).to.equal(true);
    await setProps(el, { format: 'percent', direction: 'below', warn: 0.8, value: 0.85, previous: 0.8 });
    expect(part(el, 'trend').textContent).to.contain('+5 pts');
    expect(part(el, 'trend').classList.contains('better')).to.equal(true);
    await setProps(el, { previous: 0.85 });
    expect(part(el, 'trend').textContent).to.contain('no change');
    await setProps(el, { previous: null });
    expect(parts(el, 'trend')).to.have.length(0);
  });

  it('applies thresholds strictly beyond each level, above by default', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric silent warn="5" critical="10" .value=${5}></wb-metric>`,
    );
    const seen: string[] = [];
    el.addEventListener('wb-threshold-change', (e) => seen.push(`${e.previous}->${e.level}`));
    expect(el.status).to.equal('ok');
    await setProps(el, { value: 6 });
    expect(el.status).to.equal('warning');
    expect(hasState(el, 'warning')).to.equal(true);
    await setProps(el, { value: 10 });
    expect(el.status).to.equal('warning');
    await setProps(el, { value: 11 });
    expect(el.status).to.equal('critical');
    expect(part(el, 'status').textContent).to.contain('Critical');
    await setProps(el, { value: null });
    expect(el.status).to.equal('empty');
    await setProps(el, { value: 12 });
    await setProps(el, { value: 1 });
    expect(seen).to.deep.equal(['ok->warning', 'warning->critical', 'critical->ok']);
  });

  it('ignores non-numeric thresholds from attributes', async () => {
    const el = await fixture<WbMetric>(html`<wb-metric warn="soon" .value=${99}></wb-metric>`);
    expect(el.status).to.equal('ok');
  });

  it('binds a metric and its previous interval from the board', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-metric queue="sales" metric="interval.asaSec" label="ASA"></wb-metric></wb-board>`,
    );
    const el = board.querySelector('wb-metric')!;
    const base = emptyScope('queue:sales', store.settings);
    store.push({
      'queue:sales': {
        interval: { ...base.interval, asaSec: 42 },
        intervals: [
          { ...base.interval, asaSec: 10 },
          { ...base.interval, asaSec: 30 },
        ],
      },
    });
    await el.updateComplete;
    expect(part(el, 'value').textContent).to.equal('0:42');
    expect(part(el, 'trend').textContent).to.contain('+0:12');
    expect(store.selects).to.deep.include({ scope: 'queue:sales', metric: 'interval.asaSec' });
  });

  it('compares a day figure with itself at the last interval boundary, never with one interval', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-metric queue="sales" metric="abandonRate" locale="en-GB" warn="0.05" label="Abandon rate"></wb-metric></wb-board>`,
    );
    const el = board.querySelector('wb-metric')!;
    const base = emptyScope('queue:sales', store.settings);
    // 09:15 to 09:30 and 09:30 to 09:45 in Berlin (UTC+1 in March).
    const first = { ...base.interval, start: Date.UTC(2026, 2, 2, 8, 15), end: Date.UTC(2026, 2, 2, 8, 30) };
    const second = { ...base.interval, start: first.end, end: Date.UTC(2026, 2, 2, 8, 45) };
    const push = (abandonRate: number, intervals: (typeof first)[]) =>
      store.push({ 'queue:sales': { abandonRate, intervals } });

    // Started mid-day: the day figure as it stood at 09:30 is unknown, so no trend (the old code said
    // "▼ −37 pts vs previous interval" from the closed interval's own 66%).
    push(0.29, [{ ...first, abandonRate: 0.66 }]);
    await el.updateComplete;
    expect(part(el, 'value').textContent).to.equal('29');
    expect(parts(el, 'trend')).to.have.length(0);
    push(0.3, [{ ...first, abandonRate: 0.66 }]);
    await el.updateComplete;
    expect(parts(el, 'trend')).to.have.length(0);

    // 09:45 closes: the day's 31% then is what later values are compared with.
    push(0.31, [
      { ...first, abandonRate: 0.66 },
      { ...second, abandonRate: 0 },
    ]);
    await el.updateComplete;
    expect(part(el, 'trend').textContent).to.contain('no change');
    expect(part(el, 'trend').textContent).to.contain('since 09:45');
    push(0.35, [
      { ...first, abandonRate: 0.66 },
      { ...second, abandonRate: 0 },
    ]);
    await el.updateComplete;
    const trend = part(el, 'trend');
    expect(trend.textContent).to.contain('+4 pts');
    expect(trend.textContent).to.contain('since 09:45');
    expect(trend.textContent).to.not.contain('previous interval');
    expect(trend.classList.contains('worse')).to.equal(true);

    // A new day starts with no closed interval: the old baseline is yesterday's, so no trend.
    push(0.1, []);
    await el.updateComplete;
    expect(parts(el, 'trend')).to.have.length(0);
  });

  it('compares a rolling figure with itself at the last boundary; live figures have no trend', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}>
        <wb-metric queue="sales" metric="rolling.asaSec" locale="en-GB"></wb-metric>
        <wb-metric queue="sales" metric="waiting"></wb-metric>
      </wb-board>`,
    );
    const [rolling, waiting] = [...board.querySelectorAll('wb-metric')];
    const base = emptyScope('queue:sales', store.settings);
    const closed = (h: number, m: number) => ({
      ...base.interval,
      asaSec: 99,
      start: Date.UTC(2026, 2, 2, h, m - 15),
      end: Date.UTC(2026, 2, 2, h, m),
    });
    const push = (asaSec: number, intervals: ReturnType<typeof closed>[]) =>
      store.push({ 'queue:sales': { rolling: { ...base.rolling, asaSec }, waiting: 4, intervals } });
    push(20, []);
    push(25, [closed(9, 0)]);
    push(31, [closed(9, 0)]);
    await rolling!.updateComplete;
    expect(part(rolling!, 'trend').textContent).to.contain('+0:06');
    expect(part(rolling!, 'trend').textContent).to.contain('since 10:00');
    await waiting!.updateComplete;
    expect(parts(waiting!, 'trend')).to.have.length(0);
  });

  it('neutral-trend shows the change without calling it better or worse', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric label="Occupancy" format="percent" warn="0.9" neutral-trend .value=${0.86} .previous=${0.8}></wb-metric>`,
    );
    const trend = part(el, 'trend');
    expect(el.neutralTrend).to.equal(true);
    expect(trend.textContent).to.contain('+6 pts');
    expect(trend.classList.contains('better')).to.equal(false);
    expect(trend.classList.contains('worse')).to.equal(false);
    const neutralColor = getComputedStyle(trend).color;
    expect(neutralColor).to.equal(getComputedStyle(part(el, 'value')).color);
    await setProps(el, { neutralTrend: false });
    expect(part(el, 'trend').classList.contains('worse')).to.equal(true);
  });

  it('renders hostile label and unit as text', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric label=${HOSTILE} unit=${HOSTILE} .value=${1}></wb-metric>`,
    );
    expect(part(el, 'label').textContent).to.equal(HOSTILE);
    expect(part(el, 'unit').textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(el);
  });

  it('formats with the locale', async () => {
    const el = await fixture<WbMetric>(html`<wb-metric locale="de-DE" .value=${12345}></wb-metric>`);
    expect(part(el, 'value').textContent).to.equal(new Intl.NumberFormat('de-DE').format(12345));
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
