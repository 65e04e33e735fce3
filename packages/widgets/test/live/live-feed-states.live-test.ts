// LiveFeedStore's states besides live and stale, against a real wallboard-server: a missing or unknown
// token (401/403) is `unauthorized` and only probed at the longest delay; an unusable src is `error`
// with a sentence naming it, and no exception; feedUrl goes both ways between /stream and /ws.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { feedProblem, feedUrl, type LiveFeedState, LiveFeedStore } from '../../src/live/live-feed-store.js';

async function until(what: string, pred: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('LiveFeedStore: refused tokens and bad addresses', () => {
  let url: string;
  let store: LiveFeedStore | undefined;

  beforeEach(async () => {
    ({ url } = (await executeServerCommand('live-server-start', { tokens: { 'test-token-all': ['*'] } })) as {
      url: string;
    });
    await executeServerCommand('live-server-append', {
      text: `${JSON.stringify({ type: 'call.queued', t: Date.UTC(2025, 2, 3, 8), call: 'c1', queue: 'sales' })}\n`,
    });
  });
  afterEach(async () => {
    store?.close();
    store = undefined;
    await executeServerCommand('live-server-stop');
  });

  for (const transport of ['sse', 'ws'] as const) {
    for (const [token, status] of [
      [undefined, 401],
      ['wrong-token-123', 403],
    ] as const) {
      it(`${transport}, ${token ? 'an unknown token' : 'no token'}: unauthorized (HTTP ${status}), probed at the capped delay only`, async () => {
        const probes: string[] = [];
        store = new LiveFeedStore({
          src: `${url}/stream`,
          token,
          transport,
          backoff: { initialMs: 50, maxMs: 600, jitter: 0 },
          fetch: (input, init) => {
            probes.push(String(input));
            return fetch(input, init);
          },
        });
        const states: LiveFeedState[] = [];
        store.state$.subscribe((s) => states.push(s));
        await until('unauthorized', () => store!.state === 'unauthorized');
        expect(store.error).to.contain(`HTTP ${status}`);
        expect(probes[0]).to.match(/\/stream/);
        const connects = store.connects;
        const asked = probes.length;
        await new Promise((r) => setTimeout(r, 1000));
        // Only HEADs, one per capped delay (600 ms): no stream opened again, no retry storm.
        expect(store.connects).to.equal(connects);
        expect(probes.length - asked).to.be.within(1, 2);
        expect(store.state).to.equal('unauthorized');
        expect(states).to.deep.equal(['connecting', 'unauthorized']);
      });
    }
  }

  it('a server that is down is not unauthorized: it keeps reconnecting', async () => {
    await executeServerCommand('live-server-kill');
    store = new LiveFeedStore({ src: `${url}/stream`, backoff: { initialMs: 50, maxMs: 100 } });
    await until('a few attempts', () => store!.connects >= 3);
    expect(store.state).to.equal('connecting');
    expect(store.error).to.equal(null);
  });

  it('an unusable src is state error, with a sentence, and never connects', () => {
    for (const src of ['ftp://example.com/stream', 'mailto:a@b.c', 'http://[::1', '  ']) {
      const s = new LiveFeedStore({ src });
      expect(s.state).to.equal('error');
      expect(s.error).to.match(/^src /);
      expect(s.connects).to.equal(0);
      s.close();
      expect(s.state).to.equal('closed');
    }
    expect(feedProblem('https://x.example/stream', 'ws')).to.equal(null);
    expect(feedProblem('/stream', 'sse')).to.equal(null);
    expect(feedProblem('wss://x.example/ws')).to.equal(null);
    expect(feedProblem('x', 'udp', { src: 'feed', transport: 'URL parameter transport' })).to.equal(
      'URL parameter transport must be "sse" or "ws", got "udp"',
    );
  });

  it('feedUrl maps /stream and /ws both ways, keeping TLS', () => {
    expect(feedUrl('wss://wall.example.com/ws', 'sse', {})).to.equal('https://wall.example.com/stream');
    expect(feedUrl('ws://127.0.0.1:8080/ws', 'ws', { token: 't' })).to.equal(
      'ws://127.0.0.1:8080/ws?token=t',
    );
    expect(feedUrl('https://wall.example.com/stream', 'ws', {})).to.equal('wss://wall.example.com/ws');
    expect(() => feedUrl('ftp://x/stream', 'sse', {})).to.throw(/http\(s\) or ws\(s\)/);
  });

  it('staleAfterMs can change while connected', async () => {
    store = new LiveFeedStore({ src: `${url}/stream`, token: 'test-token-all', staleAfterMs: 60_000 });
    await until('live', () => store!.state === 'live');
    expect(store.connected).to.equal(true);
    await executeServerCommand('live-server-kill');
    await until('disconnected', () => !store!.connected);
    store.staleAfterMs = 200;
    await until('stale', () => store!.state === 'stale', 3000);
  });
});
