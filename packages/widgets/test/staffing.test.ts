import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import type { StaffingAdvice } from '@wallboard/metrics';
import { emulateMedia } from '@web/test-runner-commands';
import type { WbBoard } from '../src/board.js';
import type { WbStaffing } from '../src/staffing.js';
import { assertNoInjectedMarkup, HOSTILE, hasState, part, parts, setProps } from './helpers/dom.js';
import { FakeStore } from './helpers/fake-store.js';
import { litWarnings } from './helpers/lit-warnings.js';

/** The <dd> text for a <dt> term. */
function figure(el: WbStaffing, term: string): string {
  const dt = [...el.shadowRoot!.querySelectorAll('dt')].find((d) => d.textContent === term);
  if (!dt) throw new Error(`no figure "${term}"`);
  return (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const meter = (el: WbStaffing) => el.shadowRoot!.querySelector<HTMLElement>('[role="meter"]');

const ADVICE: StaffingAdvice = {
  model: 'A',
  callsPerHour: 118.4,
  ahtSec: 240,
  patienceSec: 200,
  agentsNeeded: 42,
  agentsStaffed: 38,
  projectedServiceLevel: 0.72,
  target: 0.8,
  thresholdSec: 20,
};

describe('wb-staffing', () => {
  it('shows needed against staffed, the gap, and the projected SL as a meter', async () => {
    const el = await fixture<WbStaffing>(html`<wb-staffing
      label="Sales staffing" .agentsNeeded=${42} .agentsStaffed=${38} .projectedServiceLevel=${0.72}
      model="A" .callsPerHour=${118.4} .ahtSec=${240} .patienceSec=${200}
    ></wb-staffing>`);
    expect(figure(el, 'Needed')).to.equal('42');
    expect(figure(el, 'Staffed')).to.equal('38');
    expect(figure(el, 'Gap')).to.equal('4 short');
    const m = meter(el)!;
    expect(m.getAttribute('aria-valuenow')).to.equal('72');
    expect(m.getAttribute('aria-valuetext')).to.equal('72% answered within 20 s, target 80%');
    expect(el.shadowRoot!.getElementById(m.getAttribute('aria-labelledby')!)?.textContent).to.equal(
      'Projected service level',
    );
    expect(part(el, 'legend').textContent).to.equal(
      'Erlang A, 118 calls/h, AHT 4:00, patience 3:20; 80/20, abandons count against',
    );
    // One agent short is already a warning.
    expect(el.status).to.equal('warning');
    await expect(el).to.be.accessible();
  });

  it('draws staffed as a fill and needed as a mark, with room past the larger', async () => {
    const el = await fixture<WbStaffing>(
      html`<wb-staffing .agentsNeeded=${40} .agentsStaffed=${46}></wb-staffing>`,
    );
    const bar = part(el, 'plot');
    const fill = bar.querySelector<HTMLElement>('[part~="indicator"]')!;
    const mark = bar.querySelector<HTMLElement>('[part~="target"]')!;
    const scale = 46 * 1.15;
    expect(Number.parseFloat(fill.style.inlineSize)).to.be.closeTo((46 / scale) * 100, 1e-3);
    expect(Number.parseFloat(mark.style.insetInlineStart)).to.be.closeTo((40 / scale) * 100, 1e-3);
    expect(figure(el, 'Gap')).to.equal('6 spare');
    expect(el.status).to.equal('ok');
    expect(meter(el)).to.equal(null);
    await setProps(el, { agentsStaffed: 40 });
    expect(figure(el, 'Gap')).to.equal('as needed');
    expect(el.status).to.equal('ok');
  });

  it('goes critical past its critical gap and fires once per crossing', async () => {
    const el = await fixture<WbStaffing>(
      html`<wb-staffing silent critical="-3" .agentsNeeded=${10} .agentsStaffed=${11}></wb-staffing>`,
    );
    const seen: string[] = [];
    el.addEventListener('wb-threshold-change', (e) => seen.push(`${e.previous}->${e.level}:${e.value}`));
    for (const agentsStaffed of [9, 8, 7, 6, 10]) await setProps(el, { agentsStaffed });
    expect(seen).to.deep.equal(['ok->warning:-1', 'warning->critical:-4', 'critical->ok:0']);
    expect(hasState(el, 'ok')).to.equal(true);
  });

  it('clamps: whole non-negative agents, SL in 0..1; nothing known is empty', async () => {
    const el = await fixture<WbStaffing>(html`<wb-staffing></wb-staffing>`);
    expect(el.status).to.equal('empty');
    expect(figure(el, 'Needed')).to.equal('–no data');
    await setProps(el, { agentsNeeded: 3.6, agentsStaffed: -2, projectedServiceLevel: 1.4 });
    expect(figure(el, 'Needed')).to.equal('4');
    expect(figure(el, 'Staffed')).to.equal('0');
    expect(meter(el)!.getAttribute('aria-valuenow')).to.equal('100');
    el.setAttribute('agents-needed', 'lots');
    await elementUpdated(el);
    expect(figure(el, 'Gap')).to.equal('–no data');
    expect(el.status).to.equal('ok');
  });

  it('binds the scope advice from the board, Erlang C without patience', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-staffing queue="sales"></wb-staffing></wb-board>`,
    );
    const el = board.querySelector('wb-staffing')!;
    store.push({ 'queue:sales': { advice: { ...ADVICE, target: 0.9, thresholdSec: 30 } } });
    await elementUpdated(el);
    expect(figure(el, 'Gap')).to.equal('4 short');
    expect(meter(el)!.getAttribute('aria-valuetext')).to.equal('72% answered within 30 s, target 90%');
    expect(store.selects).to.deep.include({ scope: 'queue:sales', metric: 'advice' });
    store.push({
      'queue:sales': { advice: { ...ADVICE, model: 'C', patienceSec: null, agentsStaffed: 44 } },
    });
    await elementUpdated(el);
    expect(part(el, 'legend').textContent).to.equal(
      'Erlang C, 118 calls/h, AHT 4:00; 80/20, abandons count against',
    );
    expect(el.status).to.equal('ok');
    store.push({ 'queue:sales': {} });
    await elementUpdated(el);
    expect(el.status).to.equal('empty');
  });

  it('renders a hostile label as text', async () => {
    const el = await fixture<WbStaffing>(
      html`<wb-staffing label=${HOSTILE} .agentsNeeded=${1} .agentsStaffed=${1}></wb-staffing>`,
    );
    expect(part(el, 'label').textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(el);
  });

  it('formats with the locale and lays out right to left', async () => {
    const el = await fixture<WbStaffing>(html`<wb-staffing dir="rtl" locale="ar-EG" label="التوظيف"
      .agentsNeeded=${1200} .agentsStaffed=${1100} .projectedServiceLevel=${0.5}></wb-staffing>`);
    expect(figure(el, 'Needed')).to.equal(new Intl.NumberFormat('ar-EG').format(1200));
    const bar = part(el, 'plot').getBoundingClientRect();
    const fill = parts(el, 'indicator')[0].getBoundingClientRect();
    expect(Math.round(fill.right)).to.equal(Math.round(bar.right));
    expect(fill.left).to.be.greaterThan(bar.left);
    await expect(el).to.be.accessible();
  });

  it('drops its bar transitions under prefers-reduced-motion', async () => {
    const el = await fixture<WbStaffing>(
      html`<wb-staffing .agentsNeeded=${4} .agentsStaffed=${3}></wb-staffing>`,
    );
    const fill = () => getComputedStyle(parts(el, 'indicator')[0]).transitionDuration;
    expect(fill()).to.equal('0.2s');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(fill()).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
