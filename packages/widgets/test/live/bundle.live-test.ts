// The one-file bundle as a CRM page loads it (one script tag, nothing from src/): `<wb-board src token>`
// connects to a real wallboard-server, and `LiveFeedStore` is exported. The live config builds dist/
// first when it is missing.
import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import { type Bundle, loadBundle } from '../helpers/bundle.js';
import { until } from './feed-fixture.js';

describe('dist/wallboard.js with a live feed', () => {
  let bundle: Bundle;
  let url: string;

  before(async () => {
    bundle = await loadBundle();
    ({ url } = (await executeServerCommand('live-server-start', {
      tokens: { 'crm-token-1234': ['queue:billing'] },
    })) as { url: string });
    const t = Date.UTC(2025, 2, 3, 9);
    const lines = [0, 1, 2].map((i) =>
      JSON.stringify({ type: 'call.queued', t: t + i * 1000, call: `b${i}`, queue: 'billing' }),
    );
    await executeServerCommand('live-server-append', { text: `${lines.join('\n')}\n` });
  });
  after(() => executeServerCommand('live-server-stop'));

  it('exports LiveFeedStore and its helpers', () => {
    expect(bundle.LiveFeedStore).to.be.a('function');
    expect(bundle.feedProblem('ftp://x')).to.contain('not an http(s) or ws(s) address');
    expect(bundle.feedUrl('https://h/stream', 'ws', {})).to.equal('wss://h/ws');
  });

  it('a board from the bundle connects with src and token', async () => {
    // Plain lit `html`: the tags are the bundle's, defined by the script above.
    const board = await fixture<HTMLElement & { feed: InstanceType<Bundle['LiveFeedStore']> | null }>(
      html`<wb-board src=${`${url}/stream`} token="crm-token-1234" transport="ws">
        <wb-metric queue="billing" metric="waiting" label="Waiting"></wb-metric>
      </wb-board>`,
    );
    expect(board.feed).to.be.instanceOf(bundle.LiveFeedStore);
    const metric = board.querySelector('wb-metric') as HTMLElement & { value: number | null };
    await until('three waiting', () => metric.value === 3, 10_000);
    board.remove();
    await Promise.resolve();
    expect(board.feed).to.equal(null);
  });
});
