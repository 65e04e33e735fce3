import './helpers/lit-warnings.js';
import '../src/define.js';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SL_FORMULA_LABELS } from '@wallboard/metrics';
import type { WbBoard } from '../src/board.js';
import { announcer } from '../src/internal/announcer.js';
import type { WbQueueTile } from '../src/queue-tile.js';
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

/** The <dd> text for a <dt> term. */
function figure(el: WbQueueTile, term: string): string {
  const dt = [...el.shadowRoot!.querySelectorAll('dt')].find((d) => d.textContent === term);
  if (!dt) throw new Error(`no figure "${term}"`);
  return (dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('wb-queue-tile', () => {
  it('shows every figure from plain properties', async () => {
    const el = await fixture<WbQueueTile>(html`<wb-queue-tile
      label="Sales" .waiting=${5} .longestWaitSec=${65} .serviceLevel=${0.82} .agentsAvailable=${3} .abandonRate=${0.042}
    ></wb-queue-tile>`);
    expect(part(el, 'label').textContent).to.equal('Sales');
    expect(figure(el, 'Waiting')).to.equal('5');
    expect(figure(el, 'Longest wait')).to.contain('1:05');
    expect(figure(el, 'Longest wait')).to.contain('1 minute, 5 seconds');
    expect(figure(el, 'Service level')).to.equal('82%');
    expect(figure(el, 'Agents available')).to.equal('3');
    expect(figure(el, 'Abandoned')).to.equal('4.2%');
    const bar = part(el, 'track');
    expect(bar.getAttribute('role')).to.equal('meter');
    expect(bar.getAttribute('aria-valuetext')).to.equal('82%, target 80%');
    await expect(el).to.be.accessible();
  });

  it('shows its status as colour, icon and word: the worse of SL and longest wait', async () => {
    const el = await fixture<WbQueueTile>(html`<wb-queue-tile
      label="Sales" silent .serviceLevel=${0.85} .longestWaitSec=${30} wait-warn-sec="60" wait-critical-sec="120"
    ></wb-queue-tile>`);
    expect(el.status).to.equal('ok');
    await setProps(el, { longestWaitSec: 90 });
    expect(el.status).to.equal('warning');
    await setProps(el, { serviceLevel: 0.5, critical: 0.6 });
    expect(el.status).to.equal('critical');
    expect(hasState(el, 'critical')).to.equal(true);
    const status = part(el, 'status');
    expect(status.textContent).to.contain('Critical');
    expect(status.querySelector('svg')).to.not.equal(null);
    await setProps(el, { serviceLevel: 0.9, longestWaitSec: 200 });
    expect(el.status).to.equal('critical');
  });

  it('fires wb-threshold-change once per crossing, naming the figure that crossed and its value', async () => {
    const el = await fixture<WbQueueTile>(html`<wb-queue-tile
      label="Billing" silent critical="0.6" .serviceLevel=${0.9} .longestWaitSec=${30} wait-warn-sec="60" wait-critical-sec="120"
    ></wb-queue-tile>`);
    const seen: string[] = [];
    el.addEventListener('wb-threshold-change', (e) =>
      seen.push(`${e.previous}->${e.level} ${e.metric}=${e.value}`),
    );
    const steps: Array<Partial<WbQueueTile>> = [
      { longestWaitSec: 90 }, // the wait warns, the SL is fine
      { longestWaitSec: 100 },
      { longestWaitSec: 125 }, // the wait goes critical
      { serviceLevel: 0.5 }, // the SL goes critical too: the tile stays critical
      { longestWaitSec: 20 }, // still critical, from the SL
      { serviceLevel: 0.7 }, // the SL back to a warning (under its 80% target)
      { serviceLevel: 0.85 }, // every figure fine
      { longestWaitSec: 130 },
      { longestWaitSec: 10 }, // the wait back under its limit, the SL fine all along
    ];
    for (const step of steps) await setProps(el, step);
    expect(seen).to.deep.equal([
      'ok->warning longestWaitSec=90',
      'warning->critical longestWaitSec=125',
      'critical->warning serviceLevel=0.7',
      'warning->ok serviceLevel=0.85',
      'ok->critical longestWaitSec=130',
      'critical->ok longestWaitSec=10',
    ]);
  });

  it('fires for a first value that is already critical, from the figure that is', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const seen: string[] = [];
    host.addEventListener('wb-threshold-change', (e) =>
      seen.push(`${e.previous}->${e.level} ${e.metric}=${e.value}`),
    );
    const el = document.createElement('wb-queue-tile');
    Object.assign(el, { silent: true, waitWarnSec: 60, waitCriticalSec: 120 });
    host.append(el);
    await setProps(el, { serviceLevel: 0.95, longestWaitSec: 300 });
    expect(seen).to.deep.equal(['null->critical longestWaitSec=300']);
  });

  it('announces the figure that crossed: "Critical, longest wait ..." when the SL is fine', async () => {
    const interval = announcer.minIntervalMs;
    announcer.minIntervalMs = 100;
    try {
      await aTimeout(interval > 100 ? 150 : 0);
      const el = await fixture<WbQueueTile>(html`<wb-queue-tile
        label="Billing" .serviceLevel=${0.9} .longestWaitSec=${30} wait-warn-sec="60" wait-critical-sec="120"
      ></wb-queue-tile>`);
      const region = announcer.region;
      const said = async (change: Partial<WbQueueTile>) => {
        region.textContent = '';
        await setProps(el, change);
        await waitUntil(() => region.textContent !== '', 'no announcement');
        return region.textContent;
      };
      expect(await said({ longestWaitSec: 125 })).to.equal(
        'Billing: Critical, longest wait 2 minutes, 5 seconds',
      );
      expect(await said({ longestWaitSec: 30 })).to.equal('Billing: OK, longest wait 30 seconds');
      expect(await said({ serviceLevel: 0.55, critical: 0.6 })).to.equal(
        'Billing: Critical, service level 55%',
      );
    } finally {
      announcer.minIntervalMs = interval;
    }
  });

  it('clamps fractions and negative counts; no figures means empty', async () => {
    const el = await fixture<WbQueueTile>(html`<wb-queue-tile queue="q1"></wb-queue-tile>`);
    expect(el.status).to.equal('empty');
    expect(part(el, 'label').textContent).to.equal('q1');
    await setProps(el, { serviceLevel: 3, waiting: -4 });
    expect(figure(el, 'Service level')).to.equal('100%');
    expect(figure(el, 'Waiting')).to.equal('0');
  });

  it('binds every figure of its queue from the board', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-queue-tile queue="support"></wb-queue-tile></wb-board>`,
    );
    const el = board.querySelector('wb-queue-tile')!;
    const base = emptyScope('queue:support', store.settings);
    store.push({
      'queue:support': {
        waiting: 7,
        longestWaitSec: 125,
        serviceLevel: 0.64,
        abandonRate: 0.1,
        agentsByState: { ...base.agentsByState, available: 2 },
        sl: { ...base.sl, slTarget: 0.9 },
      },
    });
    await el.updateComplete;
    expect(figure(el, 'Waiting')).to.equal('7');
    expect(figure(el, 'Longest wait')).to.contain('2:05');
    expect(figure(el, 'Service level')).to.equal('64%');
    expect(figure(el, 'Agents available')).to.equal('2');
    expect(figure(el, 'Abandoned')).to.equal('10%');
    expect(el.slTarget).to.equal(0.9);
    expect(el.status).to.equal('warning');
  });

  it("says which SL it shows, from its own terms or its queue's", async () => {
    const el = await fixture<WbQueueTile>(
      html`<wb-queue-tile label="Billing" .serviceLevel=${0.76}></wb-queue-tile>`,
    );
    expect(part(el, 'legend').textContent).to.equal('80/20, abandons count against');
    await setProps(el, { slTarget: 0.9, thresholdSec: 30, formula: 'answered-only' });
    expect(part(el, 'legend').textContent).to.equal(`90/30, ${SL_FORMULA_LABELS['answered-only']}`);

    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-queue-tile queue="care"></wb-queue-tile></wb-board>`,
    );
    const bound = board.querySelector('wb-queue-tile')!;
    const base = emptyScope('queue:care', store.settings);
    store.push({
      'queue:care': {
        serviceLevel: 0.7,
        sl: { ...base.sl, slTarget: 0.85, slThresholdSec: 15, slFormula: 'ignore-early-abandons' },
      },
    });
    await bound.updateComplete;
    expect(part(bound, 'legend').textContent).to.equal(
      `85/15, ${SL_FORMULA_LABELS['ignore-early-abandons']}`,
    );
    await expect(bound).to.be.accessible();
  });

  it('renders a hostile queue name as text', async () => {
    const el = await fixture<WbQueueTile>(
      html`<wb-queue-tile label=${HOSTILE} .waiting=${1}></wb-queue-tile>`,
    );
    expect(shadowText(el)).to.contain(HOSTILE);
    assertNoInjectedMarkup(el);
    const el2 = await fixture<WbQueueTile>(html`<wb-queue-tile queue=${HOSTILE}></wb-queue-tile>`);
    expect(part(el2, 'label').textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(el2);
  });

  it('has no SL bar without an SL', async () => {
    const el = await fixture<WbQueueTile>(html`<wb-queue-tile label="x" .waiting=${2}></wb-queue-tile>`);
    expect(parts(el, 'track')).to.have.length(0);
    expect(el.status).to.equal('ok');
  });

  it('keeps desk sizes by default, and with larger figure sizes widens its columns so no figure overlaps', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width: 900px; font-size: 16px">
      <wb-queue-tile label="Sales" .waiting=${12345} .longestWaitSec=${754} .serviceLevel=${0.82}
        .agentsAvailable=${3} .abandonRate=${0.126}></wb-queue-tile>
    </div>`);
    const el = wrap.querySelector('wb-queue-tile')!;
    const dds = () => [...el.shadowRoot!.querySelectorAll('dd')];
    const size = (dd: Element) => Number.parseFloat(getComputedStyle(dd).fontSize);
    const host = Number.parseFloat(getComputedStyle(el).fontSize);
    // Desk: 2em for waiting and longest wait ("12,345" is longer than "12:34": set at 5/7), 1.25em for the rest.
    expect(dds().map((d) => Math.round((size(d) / host) * 100) / 100)).to.deep.equal([
      1.43, 2, 1.25, 1.25, 1.25,
    ]);
    for (const figureSize of ['2em', '4em', '8em']) {
      el.style.setProperty('--wb-queue-tile-figure-size', figureSize);
      el.style.setProperty('--wb-queue-tile-value-size', `calc(0.625 * ${figureSize})`);
      await new Promise((r) => requestAnimationFrame(r));
      // Each figure's text stays inside its own column, and the columns inside the card.
      const card = part(el, 'base').getBoundingClientRect();
      for (const dd of dds()) {
        const box = dd.getBoundingClientRect();
        expect(dd.scrollWidth, `${figureSize}: ${dd.textContent}`).to.be.at.most(dd.clientWidth + 1);
        expect(box.right).to.be.at.most(card.right);
      }
    }
    expect(size(dds()[1]) / host).to.equal(8);
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
