import './helpers/lit-warnings.js';
import '../src/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { part, parts } from './helpers/dom.js';
import { litWarnings } from './helpers/lit-warnings.js';

// Logical layout under dir="rtl": the same widget rendered left to right and right to left, side by
// side at the same width, must be a mirror image: every part's box sits as far from the start edge
// (right in RTL) as it sat from the left edge in LTR, with the same size.
const FIXED = Date.UTC(2026, 2, 2, 9, 41, 0);

interface Box {
  start: number;
  top: number;
  width: number;
  height: number;
}

/** The box of `el` measured from the start edge of `base` (left in LTR, right in RTL). */
function fromStart(el: Element, base: Element, rtl: boolean): Box {
  const r = el.getBoundingClientRect();
  const b = base.getBoundingClientRect();
  return {
    start: rtl ? b.right - r.right : r.left - b.left,
    top: r.top - b.top,
    width: r.width,
    height: r.height,
  };
}

/** Renders `widget` twice at 320px, once with dir="ltr" and once with dir="rtl". */
async function both(widget: (dir: 'ltr' | 'rtl') => TemplateResult): Promise<[HTMLElement, HTMLElement]> {
  const host = await fixture<HTMLDivElement>(
    html`<div style="display: flex; gap: 8px; align-items: start">
      <div style="width: 320px">${widget('ltr')}</div><div style="width: 320px">${widget('rtl')}</div>
    </div>`,
  );
  const [ltr, rtl] = [...host.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('[dir]')];
  await Promise.all([ltr.updateComplete, rtl.updateComplete]);
  await document.fonts.ready;
  return [ltr, rtl];
}

/** Every `names` part (each occurrence) sits mirrored: same distance from the start edge, same size. */
function expectMirrored(ltr: HTMLElement, rtl: HTMLElement, names: string[]): void {
  const base = (el: HTMLElement) => part(el, 'base');
  for (const name of names) {
    const a = parts(ltr, name);
    const b = parts(rtl, name);
    expect(b.length, `${name} parts`).to.equal(a.length).and.be.above(0);
    a.forEach((el, i) => {
      const l = fromStart(el, base(ltr), false);
      const r = fromStart(b[i], base(rtl), true);
      const what = `${ltr.localName}::part(${name}) #${i}`;
      expect(r.start, `${what} from the start edge`).to.be.closeTo(l.start, 1.5);
      expect(r.top, `${what} top`).to.be.closeTo(l.top, 1.5);
      expect(r.width, `${what} width`).to.be.closeTo(l.width, 1.5);
    });
  }
}

const right = (el: Element) => el.getBoundingClientRect().right;
const left = (el: Element) => el.getBoundingClientRect().left;

describe('dir="rtl"', () => {
  it('wb-queue-tile: name, status, figures and the SL bar mirror', async () => {
    const [ltr, rtl] = await both(
      (dir) => html`<wb-queue-tile dir=${dir} silent label="Billing" .waiting=${4} .longestWaitSec=${75}
        .serviceLevel=${0.62} .agentsAvailable=${2} .abandonRate=${0.034}></wb-queue-tile>`,
    );
    expectMirrored(ltr, rtl, ['label', 'status', 'value', 'track', 'indicator', 'target']);
    // The name starts the head on the right, the status word ends it on the left.
    expect(right(part(rtl, 'label'))).to.be.greaterThan(right(part(rtl, 'status')));
    // The first figure (waiting) is the rightmost; the bar fills from the right.
    const [waiting, longest] = parts(rtl, 'value');
    expect(left(waiting)).to.be.greaterThan(left(longest));
    expect(right(part(rtl, 'indicator'))).to.be.closeTo(right(part(rtl, 'track')), 1.5);
    await expect(rtl).to.be.accessible();
  });

  it('wb-metric: label before status, value before unit, trend from the start edge', async () => {
    const [ltr, rtl] = await both(
      (dir) => html`<wb-metric dir=${dir} silent label="Calls waiting" unit="calls" warn="5" .value=${12}
        .previous=${9}></wb-metric>`,
    );
    expectMirrored(ltr, rtl, ['label', 'status', 'value', 'unit', 'trend']);
    expect(right(part(rtl, 'label'))).to.be.greaterThan(right(part(rtl, 'status')));
    expect(left(part(rtl, 'value'))).to.be.greaterThan(right(part(rtl, 'unit')) - 0.5);
    await expect(rtl).to.be.accessible();
  });

  it('wb-clock: time before zone, label and date line on the start side', async () => {
    const [ltr, rtl] = await both(
      (dir) => html`<wb-clock dir=${dir} label="Center time" time-zone="Europe/Berlin" locale="en-GB" date
        .time=${FIXED}></wb-clock>`,
    );
    expectMirrored(ltr, rtl, ['label', 'value', 'unit']);
    // The date line is shorter than the card: it hugs the start (right) edge.
    const legend = fromStart(part(rtl, 'legend'), part(rtl, 'base'), true);
    expect(legend.start).to.be.closeTo(fromStart(part(rtl, 'label'), part(rtl, 'base'), true).start, 1.5);
    expect(left(part(rtl, 'value'))).to.be.greaterThan(right(part(rtl, 'unit')) - 0.5);
    await expect(rtl).to.be.accessible();
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
