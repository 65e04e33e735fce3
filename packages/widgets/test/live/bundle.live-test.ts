// The one-file bundle as a CRM page loads it (one script tag, nothing from src/): `<wb-board src token>`
// connects to a real wallboard-server, and `LiveFeedStore` is exported. The live config builds dist/
// first when it is missing.
import { expect, fixture } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';

const BUNDLE = '/packages/widgets/dist/wallboard.js';
type Bundle = typeof import('../../src/wallboard.js');

async function until(what: string, pred: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('dist/wallboard.js with a live feed', () => {
  let bundle: Bundle;
  let url: string;

  before(async () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = BUNDLE;
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${BUNDLE} did not load: run \`pnpm build\` first`));
    });
    document.head.append(script);
    await loaded;
    bundle = (await import(/* @vite-ignore */ BUNDLE as string)) as Bundle;
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
    await until('three waiting', () => metric.value === 3);
    board.remove();
    await Promise.resolve();
    expect(board.feed).to.equal(null);
  });
});
