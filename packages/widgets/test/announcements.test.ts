import './helpers/lit-warnings.js';
import '../src/define.js';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { announcer } from '../src/internal/announcer.js';
import type { WbThresholdChangeEvent } from '../src/internal/events.js';
import type { WbMetric } from '../src/metric.js';
import type { WbSlGauge } from '../src/sl-gauge.js';
import { setProps } from './helpers/dom.js';
import { litWarnings } from './helpers/lit-warnings.js';

// End to end: widgets without `silent`, through the page's shared announcer, to the text of its polite
// `[data-wb-announcer]` live region. The throttle is shortened so that the tests run in seconds.
const INTERVAL = 400;

interface Spoken {
  text: string;
  at: number;
}

/** Every text the live region takes from now on (one entry per announcement, repeats included). */
function listen(): { spoken: Spoken[]; stop(): void } {
  const spoken: Spoken[] = [];
  const region = document.querySelector('[data-wb-announcer]') ?? announcer.region;
  const observer = new MutationObserver(() =>
    spoken.push({ text: region.textContent ?? '', at: Date.now() }),
  );
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { spoken, stop: () => observer.disconnect() };
}

describe('announcements', () => {
  let original: number;
  let heard: ReturnType<typeof listen>;

  before(() => {
    original = announcer.minIntervalMs;
    announcer.minIntervalMs = INTERVAL;
  });
  after(() => {
    announcer.minIntervalMs = original;
  });
  beforeEach(async () => {
    // Whatever an earlier test queued has been spoken, and the throttle is open again.
    await aTimeout(INTERVAL + 100);
    heard = listen();
  });
  afterEach(() => heard.stop());

  it('says "<label>: <level>, <value>" in one polite, atomic region after a crossing', async () => {
    const gauge = await fixture<WbSlGauge>(
      html`<wb-sl-gauge label="Sales" .value=${0.9} .target=${0.8} critical="0.4"></wb-sl-gauge>`,
    );
    await aTimeout(INTERVAL);
    expect(heard.spoken, 'a first value that is ok').to.deep.equal([]);
    await setProps(gauge, { value: 0.5 });
    await waitUntil(() => heard.spoken.length > 0, 'no announcement');
    const regions = document.querySelectorAll('[data-wb-announcer]');
    expect(regions).to.have.length(1);
    expect(regions[0].getAttribute('aria-live')).to.equal('polite');
    expect(regions[0].getAttribute('aria-atomic')).to.equal('true');
    expect(heard.spoken.map((s) => s.text)).to.deep.equal(['Sales: Warning, 50%']);
  });

  it('names a metric and its value in the words of its format', async () => {
    const el = await fixture<WbMetric>(
      html`<wb-metric label="Calls waiting" warn="5" critical="10" .value=${3}></wb-metric>`,
    );
    await setProps(el, { value: 12 });
    await waitUntil(() => heard.spoken.length > 0, 'no announcement');
    expect(heard.spoken.map((s) => s.text)).to.deep.equal(['Calls waiting: Critical, 12']);
  });

  it('announces nothing while values tick without crossing a level', async () => {
    const gauge = await fixture<WbSlGauge>(
      html`<wb-sl-gauge label="Sales" .value=${0.9} .target=${0.8} critical="0.4"></wb-sl-gauge>`,
    );
    const metric = await fixture<WbMetric>(
      html`<wb-metric label="Longest wait" format="duration" warn="60" .value=${90}></wb-metric>`,
    );
    await aTimeout(INTERVAL + 100);
    const before = heard.spoken.length; // the metric's first value is already a warning: said once
    for (let i = 1; i <= 5; i++) {
      await setProps(gauge, { value: 0.9 - i * 0.01 });
      await setProps(metric, { value: 90 + i });
    }
    await aTimeout(INTERVAL + 200);
    expect(heard.spoken.slice(before)).to.deep.equal([]);
  });

  it('throttles rapid crossings: one announcement per interval, the latest per widget', async () => {
    const sales = await fixture<WbSlGauge>(
      html`<wb-sl-gauge label="Sales" .value=${0.9} .target=${0.8} critical="0.4"></wb-sl-gauge>`,
    );
    const support = await fixture<WbSlGauge>(
      html`<wb-sl-gauge label="Support" .value=${0.9} .target=${0.8} critical="0.4"></wb-sl-gauge>`,
    );
    await setProps(sales, { value: 0.7 });
    await waitUntil(() => heard.spoken.length === 1, 'first announcement');
    // Within the interval: Sales goes critical, back to warning and to ok; Support goes critical.
    for (const value of [0.3, 0.6, 0.85]) await setProps(sales, { value });
    await setProps(support, { value: 0.2 });
    await aTimeout(INTERVAL / 4);
    expect(heard.spoken, 'nothing more inside the interval').to.have.length(1);
    await waitUntil(() => heard.spoken.length === 2, 'second announcement', { timeout: INTERVAL * 4 });
    await aTimeout(INTERVAL + 100);
    expect(heard.spoken.map((s) => s.text)).to.deep.equal([
      'Sales: Warning, 70%',
      'Sales: OK, 85%. Support: Critical, 20%',
    ]);
    expect(heard.spoken[1].at - heard.spoken[0].at).to.be.at.least(INTERVAL - 20);
  });

  it('announces and fires once when the first value is already critical; a first ok is silent', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const seen: Array<[string, string | null, number]> = [];
    host.addEventListener('wb-threshold-change', (e: WbThresholdChangeEvent) =>
      seen.push([e.level, e.previous, e.value]),
    );
    const late = document.createElement('wb-metric');
    Object.assign(late, { label: 'Queue 7 waiting', warn: 5, critical: 10 });
    const calm = document.createElement('wb-metric');
    Object.assign(calm, { label: 'Queue 8 waiting', warn: 5, critical: 10, value: 2 });
    host.append(late, calm);
    await late.updateComplete;
    expect(seen, 'no data yet').to.deep.equal([]);
    late.value = 14; // the board's first snapshot arrives mid-incident
    await late.updateComplete;
    late.value = 15;
    await late.updateComplete;
    expect(seen).to.deep.equal([['critical', null, 14]]);
    await waitUntil(() => heard.spoken.length > 0, 'no announcement');
    await aTimeout(INTERVAL + 100);
    expect(heard.spoken.map((s) => s.text)).to.deep.equal(['Queue 7 waiting: Critical, 14']);
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
