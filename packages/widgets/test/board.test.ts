import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { WbBoard } from '../src/board.js';
import type { WbStaleEvent } from '../src/internal/events.js';
import type { WbSlGauge } from '../src/sl-gauge.js';
import { SnapshotStore } from '../src/snapshot-store.js';
import { assertNoInjectedMarkup, HOSTILE, hasState, part, parts } from './helpers/dom.js';
import { emptyScope, FakeStore } from './helpers/fake-store.js';
import { litWarnings } from './helpers/lit-warnings.js';

/** Distinct column positions of the board's children. */
const columns = (board: WbBoard) =>
  new Set([...board.children].map((c) => Math.round(c.getBoundingClientRect().left))).size;

describe('wb-board', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('provides one stable store to widgets at any depth, and a new one when replaced', async () => {
    const first = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .engine=${first}><div><wb-sl-gauge queue="a"></wb-sl-gauge></div></wb-board>`,
    );
    expect(board.store).to.equal(first);
    const gauge = board.querySelector('wb-sl-gauge')!;
    first.push({ 'queue:a': { serviceLevel: 0.5 } });
    await elementUpdated(gauge);
    expect(gauge.value).to.equal(0.5);
    const second = new FakeStore();
    board.store = second;
    await elementUpdated(board);
    second.push({ 'queue:a': { serviceLevel: 0.95 } });
    await elementUpdated(gauge);
    expect(gauge.value).to.equal(0.95);
    expect(first.activeSubscriptions).to.equal(0);
  });

  it('finds its store for widgets defined before the board is (late provider)', async () => {
    // The gauge is created inside a board element that is already upgraded, but appended after the board
    // received its store: the context request is answered from the tree at connection time.
    const store = new FakeStore();
    const board = await fixture<WbBoard>(html`<wb-board .store=${store}></wb-board>`);
    const gauge = document.createElement('wb-sl-gauge') as WbSlGauge;
    gauge.queue = 'late';
    board.append(gauge);
    store.push({ 'queue:late': { serviceLevel: 0.42 } });
    await elementUpdated(gauge);
    expect(gauge.value).to.equal(0.42);
  });

  it('lays its children out in a responsive grid, with fewer columns at TV scale', async () => {
    await setViewport({ width: 1280, height: 800 });
    const board = await fixture<WbBoard>(html`<wb-board>
      ${[1, 2, 3, 4, 5, 6].map((i) => html`<wb-metric label=${`m${i}`} .value=${i}></wb-metric>`)}
    </wb-board>`);
    const desk = columns(board);
    expect(desk).to.be.greaterThan(2);
    board.scale = 'tv';
    await elementUpdated(board);
    expect(Number.parseFloat(getComputedStyle(board.querySelector('wb-metric')!).fontSize)).to.equal(32);
    expect(columns(board)).to.be.lessThan(desk);
    await setViewport({ width: 400, height: 800 });
    expect(columns(board)).to.equal(1);
  });

  it('shows a stale banner and fires wb-stale when snapshots stop, wb-fresh when they resume', async () => {
    const store = new SnapshotStore();
    const board = await fixture<WbBoard>(
      html`<wb-board stale-after="0.2" .store=${store}><wb-sl-gauge queue="a"></wb-sl-gauge></wb-board>`,
    );
    const gauge = board.querySelector('wb-sl-gauge')!;
    store.push({
      seq: 1,
      t: 0,
      timeZone: 'UTC',
      scopes: { 'queue:a': { ...emptyScope('queue:a', store.settings), serviceLevel: 0.9 } },
    });
    expect(parts(board, 'banner')).to.have.length(0);
    const stale = (await oneEvent(board, 'wb-stale')) as unknown as WbStaleEvent;
    expect(stale.lastSnapshotAt).to.be.a('number');
    await elementUpdated(board);
    const banner = part(board, 'banner');
    expect(banner.getAttribute('role')).to.equal('status');
    expect(banner.textContent).to.contain('Data is stale');
    expect(hasState(board, 'stale')).to.equal(true);
    await elementUpdated(gauge);
    expect(gauge.status).to.equal('stale');
    await expect(board).to.be.accessible();

    setTimeout(() => store.push({ seq: 2, t: 1, timeZone: 'UTC', scopes: {} }));
    await oneEvent(board, 'wb-fresh');
    await elementUpdated(board);
    expect(parts(board, 'banner')).to.have.length(0);
    await elementUpdated(gauge);
    expect(gauge.status).to.not.equal('stale');
  });

  it('goes stale when no snapshot ever arrives', async () => {
    const board = await fixture<WbBoard>(
      html`<wb-board stale-after="0.1" .store=${new SnapshotStore()}></wb-board>`,
    );
    const event = (await oneEvent(board, 'wb-stale')) as unknown as WbStaleEvent;
    expect(event.lastSnapshotAt).to.equal(null);
    await elementUpdated(board);
    expect(part(board, 'banner').textContent).to.contain('no update received yet');
  });

  it('is never stale without a store, and stops watching when removed', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(html`<wb-board stale-after="0.05"></wb-board>`);
    await new Promise((r) => setTimeout(r, 120));
    expect(board.stale).to.equal(false);
    board.store = store;
    await elementUpdated(board);
    expect(store.activeSubscriptions).to.equal(1);
    board.remove();
    expect(store.activeSubscriptions).to.equal(0);
  });

  it('renders a hostile label as text', async () => {
    const board = await fixture<WbBoard>(html`<wb-board label=${HOSTILE}></wb-board>`);
    expect(part(board, 'label').textContent).to.equal(HOSTILE);
    assertNoInjectedMarkup(board);
    await expect(board).to.be.accessible();
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
