import { expect } from '@open-wc/testing';
import type { Snapshot } from '@wallboard/metrics';
import { executeServerCommand } from '@web/test-runner-commands';
import { backoffDelay } from '../../src/live/backoff.js';
import { feedUrl, type LiveFeedState, LiveFeedStore } from '../../src/live/live-feed-store.js';
import { calls, type Ev, ndjson, until } from './feed-fixture.js';

const TOKENS = {
  'test-token-all': ['*'],
  'acme-board-token': ['partner:acme'],
};

/** Offered / answered / abandoned per queue scope, counted from the events. */
function counts(events: Ev[]) {
  const out: Record<string, { offered: number; answered: number; abandoned: number }> = {};
  for (const e of events) {
    const k = `queue:${e.queue}`;
    out[k] ??= { offered: 0, answered: 0, abandoned: 0 };
    if (e.type === 'call.queued') out[k].offered++;
    if (e.type === 'call.answered') out[k].answered++;
    if (e.type === 'call.abandoned') out[k].abandoned++;
  }
  return out;
}

const append = (events: Ev[]) => executeServerCommand('live-server-append', { text: ndjson(events) });

function matches(s: Snapshot | null, want: ReturnType<typeof counts>): boolean {
  if (!s) return false;
  return Object.entries(want).every(([k, w]) => {
    const scope = s.scopes[k];
    return scope?.offered === w.offered && scope.answered === w.answered && scope.abandoned === w.abandoned;
  });
}

/** Records states and snapshots; checks the seqs it sees never go back within a stream. */
function watch(store: LiveFeedStore) {
  const states: LiveFeedState[] = [];
  const seqs: number[] = [];
  let backwards = 0;
  let last: Snapshot | null = null;
  store.state$.subscribe((s) => states.push(s));
  store.snapshots$.subscribe((s) => {
    if (last && s.seq <= last.seq && s !== last) backwards++;
    last = s;
    seqs.push(s.seq);
  });
  return { states, seqs, backwards: () => backwards };
}

for (const transport of ['sse', 'ws'] as const) {
  describe(`LiveFeedStore over ${transport}`, () => {
    let url: string;
    let store: LiveFeedStore | undefined;

    beforeEach(async () => {
      ({ url } = (await executeServerCommand('live-server-start', { tokens: TOKENS })) as { url: string });
    });
    afterEach(async () => {
      store?.close();
      await executeServerCommand('live-server-stop');
    });

    it('connects, goes live, and follows the feed with the right totals', async () => {
      const first = calls([{ queue: 'sales' }, { queue: 'support' }], 0, 6);
      await append(first);
      store = new LiveFeedStore({ src: `${url}/stream`, token: 'test-token-all', transport });
      const w = watch(store);
      expect(store.state).to.equal('connecting');
      await until('live', () => store!.state === 'live');
      await until('the first calls', () => matches(store!.snapshot, counts(first)));
      // The server's settings replace the defaults.
      expect(store.settings.timeZone).to.equal('UTC');
      expect(store.settings.intervalMin).to.equal(30);

      const offered: Array<number | null> = [];
      store.select('queue:sales', 'offered').subscribe((v) => offered.push(v));
      const more = calls([{ queue: 'sales' }], 6, 4);
      await append(more);
      const all = [...first, ...more];
      await until('the new calls', () => matches(store!.snapshot, counts(all)));
      expect(offered.at(-1)).to.equal(counts(all)['queue:sales'].offered);
      // `select` emits on change only.
      expect(new Set(offered).size).to.equal(offered.length);
      expect(w.backwards()).to.equal(0);
      expect(w.states[0]).to.equal('connecting');
      expect(w.states).to.include('live');
    });

    it('a killed server: connecting, then stale after the silence, then live again with the right totals, counted once', async () => {
      const first = calls([{ queue: 'sales' }], 0, 5);
      await append(first);
      store = new LiveFeedStore({
        src: `${url}/stream`,
        token: 'test-token-all',
        transport,
        staleAfterMs: 1200,
        backoff: { initialMs: 100, maxMs: 400 },
      });
      const w = watch(store);
      await until('the first calls', () => matches(store!.snapshot, counts(first)));
      const connectsBefore = store.connects;

      await executeServerCommand('live-server-kill');
      await until('connecting', () => store!.state === 'connecting', 5000);
      await until('stale', () => store!.state === 'stale', 5000);
      // Calls keep coming in while the server is down.
      const during = calls([{ queue: 'sales' }, { queue: 'billing' }], 5, 3);
      await append(during);
      await executeServerCommand('live-server-restart');
      const all = [...first, ...during];
      await until('live again', () => store!.state === 'live', 10_000);
      await until('the right totals', () => matches(store!.snapshot, counts(all)));
      expect(store.connects).to.be.greaterThan(connectsBefore);
      // Exactly the file's calls: nothing from before the restart counted twice.
      expect(store.snapshot!.scopes['queue:sales'].offered).to.equal(counts(all)['queue:sales'].offered);
      expect(w.states).to.include.members(['connecting', 'live', 'stale']);
    });

    it("an outsourcer's token sees only its own scopes", async () => {
      await append(
        calls(
          [
            { queue: 'acme-1', partner: 'acme' },
            { queue: 'globex-1', partner: 'globex' },
            { queue: 'sales' },
          ],
          0,
          4,
        ),
      );
      store = new LiveFeedStore({ src: `${url}/stream`, token: 'acme-board-token', transport });
      await until('acme data', () => store!.snapshot?.scopes['queue:acme-1']?.offered === 4);
      await append(
        calls(
          [
            { queue: 'acme-2', partner: 'acme' },
            { queue: 'globex-2', partner: 'globex' },
          ],
          4,
          2,
        ),
      );
      await until('the new acme queue', () => store!.snapshot?.scopes['queue:acme-2']?.offered === 2);
      expect(Object.keys(store.snapshot!.scopes).sort()).to.deep.equal([
        'partner:acme',
        'queue:acme-1',
        'queue:acme-2',
      ]);
    });

    it('close() stops for good', async () => {
      await append(calls([{ queue: 'sales' }], 0, 2));
      store = new LiveFeedStore({ src: `${url}/stream`, token: 'test-token-all', transport });
      await until('live', () => store!.state === 'live');
      store.close();
      expect(store.state).to.equal('closed');
      const seq = store.snapshot!.seq;
      await append(calls([{ queue: 'sales' }], 2, 2));
      await new Promise((r) => setTimeout(r, 500));
      expect(store.snapshot!.seq).to.equal(seq);
    });
  });
}

describe('LiveFeedStore helpers', () => {
  it('backs off exponentially up to the cap, with jitter below each step', () => {
    const o = { initialMs: 500, maxMs: 8000, jitter: 0.5 };
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, o, 0))).to.deep.equal([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelay(2, o, 0.999)).to.be.within(1000, 1002);
    expect(backoffDelay(3, { ...o, jitter: 0 }, 0.7)).to.equal(4000);
  });

  it('derives the WebSocket URL from the stream URL', () => {
    expect(feedUrl('https://wall.example.com/stream', 'ws', { token: 't', delta: '1' })).to.equal(
      'wss://wall.example.com/ws?token=t&delta=1',
    );
    expect(feedUrl('http://127.0.0.1:8080/stream', 'sse', { since: '5', stream: undefined })).to.equal(
      'http://127.0.0.1:8080/stream?since=5',
    );
  });
});
