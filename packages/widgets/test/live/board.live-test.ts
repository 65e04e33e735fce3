// <wb-board src token transport> against a real wallboard-server (started by test/live/server-plugin.js):
// the widgets inside show the server's figures, a killed and restarted server turns the board stale then
// fresh with the right totals counted once, a partner's token sees its queues only, a refused token and
// a bad src are shown on the board, and a board that leaves the page closes its connection.
import '../../src/define.js';
import { elementUpdated, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { WbBoard } from '../../src/board.js';
import type { WbMetric } from '../../src/metric.js';
import type { WbSlGauge } from '../../src/sl-gauge.js';
import { calls, type Ev, ndjson, until } from './feed-fixture.js';

const TOKENS = {
  'test-token-all': ['*'],
  'acme-board-token': ['partner:acme'],
};
const FAST = { initialMs: 100, maxMs: 400 };

/** Offered calls and service level (80/20, abandons count against) of one queue, from the events. */
function figures(events: Ev[], queue: string) {
  const mine = events.filter((e) => e.queue === queue);
  const offered = mine.filter((e) => e.type === 'call.queued').length;
  const answered = mine.filter((e) => e.type === 'call.answered').length;
  const abandoned = mine.filter((e) => e.type === 'call.abandoned').length;
  return { offered, serviceLevel: answered / (answered + abandoned) };
}

const append = (events: Ev[]) => executeServerCommand('live-server-append', { text: ndjson(events) });

const banner = (board: WbBoard) => board.shadowRoot!.querySelector('[part~="banner"]');
const bannerText = (board: WbBoard) => banner(board)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

let url: string;

/** Open connections on the server, from its /health (no token needed). */
async function clientsOnServer(): Promise<number> {
  const h = (await (await fetch(`${url}/health`, { cache: 'no-store' })).json()) as {
    clients: { sse: number; ws: number };
  };
  return h.clients.sse + h.clients.ws;
}

beforeEach(async () => {
  ({ url } = (await executeServerCommand('live-server-start', { tokens: TOKENS })) as { url: string });
});
afterEach(async () => {
  fixtureCleanup();
  await executeServerCommand('live-server-stop');
});

for (const transport of ['sse', 'ws'] as const) {
  describe(`<wb-board src> over ${transport}`, () => {
    it("shows the server's figures in the widgets inside", async () => {
      const first = calls([{ queue: 'sales' }, { queue: 'support' }], 0, 8);
      await append(first);
      const board = await fixture<WbBoard>(html`
        <wb-board src=${`${url}/stream`} token="test-token-all" transport=${transport}>
          <wb-sl-gauge queue="sales" label="Sales SL"></wb-sl-gauge>
          <wb-metric queue="support" metric="offered" label="Support calls"></wb-metric>
        </wb-board>
      `);
      const gauge = board.querySelector<WbSlGauge>('wb-sl-gauge')!;
      const metric = board.querySelector<WbMetric>('wb-metric')!;
      expect(board.feed).to.not.equal(null);
      const sales = figures(first, 'sales');
      await until('the gauge', () => gauge.value === sales.serviceLevel);
      await until('the metric', () => metric.value === figures(first, 'support').offered);
      await elementUpdated(gauge);
      expect(gauge.shadowRoot!.textContent).to.contain('75');
      expect(board.feedState).to.equal('live');
      expect(banner(board)).to.equal(null);
      expect(await clientsOnServer()).to.equal(1);
    });

    it('goes stale when the server dies and fresh when it is back, with the right totals counted once', async () => {
      const first = calls([{ queue: 'sales' }], 0, 4);
      await append(first);
      const board = await fixture<WbBoard>(html`
        <wb-board src=${`${url}/stream`} token="test-token-all" transport=${transport} stale-after="1" .backoff=${FAST}>
          <wb-metric queue="sales" metric="offered" label="Sales calls"></wb-metric>
        </wb-board>
      `);
      const metric = board.querySelector<WbMetric>('wb-metric')!;
      const events: string[] = [];
      board.addEventListener('wb-stale', () => events.push('stale'));
      board.addEventListener('wb-fresh', () => events.push('fresh'));
      await until('the first calls', () => metric.value === 4);

      await executeServerCommand('live-server-kill');
      await until('stale', () => board.stale, 5000);
      await elementUpdated(board);
      expect(bannerText(board)).to.contain('Data is stale');
      expect(bannerText(board)).to.contain('no data for 1 s');
      await until('the reconnecting banner', () => bannerText(board).includes('Reconnecting…'), 3000);
      expect(banner(board)!.getAttribute('role')).to.equal('status');
      await elementUpdated(metric);
      expect(metric.status).to.equal('stale');

      const during = calls([{ queue: 'sales' }], 4, 3);
      await append(during);
      await executeServerCommand('live-server-restart');
      await until('fresh', () => !board.stale, 10_000);
      await until('the right total', () => metric.value === 7);
      await elementUpdated(board);
      expect(banner(board)).to.equal(null);
      // Counted once: a little later it is still exactly the file's calls.
      await new Promise((r) => setTimeout(r, 400));
      expect(metric.value).to.equal(7);
      expect(board.feed!.snapshot!.scopes['queue:sales'].offered).to.equal(7);
      expect(events).to.deep.equal(['stale', 'fresh']);
    });

    it("an outsourcer's token sees only its own queues", async () => {
      await append(
        calls(
          [
            { queue: 'acme-1', partner: 'acme' },
            { queue: 'globex-1', partner: 'globex' },
          ],
          0,
          4,
        ),
      );
      const board = await fixture<WbBoard>(html`
        <wb-board src=${`${url}/stream`} token="acme-board-token" transport=${transport}>
          <wb-metric queue="acme-1" metric="offered" label="Acme calls"></wb-metric>
          <wb-metric queue="globex-1" metric="offered" label="Globex calls"></wb-metric>
        </wb-board>
      `);
      const [acme, globex] = board.querySelectorAll<WbMetric>('wb-metric');
      await until('acme figures', () => acme.value === 4);
      expect(globex.value ?? null).to.equal(null);
      expect(Object.keys(board.feed!.snapshot!.scopes).sort()).to.deep.equal([
        'partner:acme',
        'queue:acme-1',
      ]);
    });

    it('a refused token shows "Not authorised for this board" and stops retrying at the normal pace', async () => {
      await append(calls([{ queue: 'sales' }], 0, 2));
      const board = await fixture<WbBoard>(html`
        <wb-board src=${`${url}/stream`} token="not-a-token-at-all" transport=${transport} .backoff=${FAST}>
          <wb-metric queue="sales" metric="offered" label="Sales calls"></wb-metric>
        </wb-board>
      `);
      await until('unauthorized', () => board.feedState === 'unauthorized', 8000);
      await elementUpdated(board);
      expect(bannerText(board)).to.contain('Not authorised for this board');
      expect(bannerText(board)).to.contain('HTTP 403');
      expect(banner(board)!.getAttribute('role')).to.equal('status');
      expect(board.matches(':state(unauthorized)')).to.equal(true);
      // While refused it only asks the server (a HEAD, at the longest delay): no stream is opened.
      const connects = board.feed!.connects;
      await new Promise((r) => setTimeout(r, 1000));
      expect(board.feed!.connects).to.equal(connects);
      expect(await clientsOnServer()).to.equal(0);

      // A good token: the board connects at once and the banner goes.
      board.token = 'test-token-all';
      await until('live', () => board.feedState === 'live');
      await elementUpdated(board);
      expect(banner(board)).to.equal(null);
      expect(board.matches(':state(unauthorized)')).to.equal(false);
    });

    it('closes its connection when removed, and when src changes', async () => {
      await append(calls([{ queue: 'sales' }], 0, 2));
      const board = await fixture<WbBoard>(html`
        <wb-board src=${`${url}/stream`} token="test-token-all" transport=${transport}>
          <wb-metric queue="sales" metric="offered" label="Sales calls"></wb-metric>
        </wb-board>
      `);
      await until('live', () => board.feedState === 'live');
      await until('one client on the server', async () => (await clientsOnServer()) === 1);
      // Moved within the page: the same connection carries on.
      const first = board.feed!;
      const parent = board.parentElement!;
      const other = document.createElement('div');
      document.body.append(other);
      other.append(board);
      await Promise.resolve();
      expect(board.feed).to.equal(first);
      expect(first.state).to.equal('live');

      // Another src: the old connection is closed, one client on the server still.
      board.src = `${url}/stream?x=1`;
      await elementUpdated(board);
      expect(first.state).to.equal('closed');
      await until('live again', () => board.feedState === 'live');
      await until('still one client', async () => (await clientsOnServer()) === 1);

      const second = board.feed!;
      board.remove();
      await Promise.resolve();
      expect(second.state).to.equal('closed');
      expect(board.feed).to.equal(null);
      await until('no client on the server', async () => (await clientsOnServer()) === 0, 5000);

      // Back on the page: a new connection; removed again: closed again.
      parent.append(board);
      await until('live once more', () => board.feedState === 'live');
      await until('one client again', async () => (await clientsOnServer()) === 1);
      board.remove();
      other.remove();
      await until('no client again', async () => (await clientsOnServer()) === 0, 5000);
    });
  });
}

describe('<wb-board src> without a usable src', () => {
  for (const src of ['ftp://example.com/stream', 'javascript:alert(1)', 'http://[::1', '']) {
    it(`shows a message naming the attribute for src="${src}", and connects nowhere`, async () => {
      const board = await fixture<WbBoard>(
        html`<wb-board src=${src}><wb-metric queue="a" metric="offered" label="A"></wb-metric></wb-board>`,
      );
      await elementUpdated(board);
      expect(board.feed).to.equal(null);
      expect(board.feedState).to.equal('error');
      expect(bannerText(board)).to.contain('This board cannot connect: the src attribute');
      expect(board.matches(':state(invalid)')).to.equal(true);
      await expect(board).to.be.accessible();
    });
  }

  it('names the transport attribute when it is neither sse nor ws', async () => {
    const board = await fixture<WbBoard>(
      html`<wb-board src=${`${url}/stream`} transport="carrier-pigeon"></wb-board>`,
    );
    await elementUpdated(board);
    expect(board.feed).to.equal(null);
    expect(bannerText(board)).to.contain('transport attribute must be "sse" or "ws"');
  });

  it('a store property wins over src, and src is used again when it is unset', async () => {
    await append(calls([{ queue: 'sales' }], 0, 2));
    const { SnapshotStore } = await import('../../src/snapshot-store.js');
    const store = new SnapshotStore();
    const board = await fixture<WbBoard>(
      html`<wb-board src=${`${url}/stream`} token="test-token-all" .store=${store}></wb-board>`,
    );
    expect(board.feed).to.equal(null);
    board.store = undefined;
    await elementUpdated(board);
    expect(board.feed).to.not.equal(null);
    await until('live', () => board.feedState === 'live');
  });
});
