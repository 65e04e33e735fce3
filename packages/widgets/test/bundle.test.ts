import { elementUpdated, expect, fixture, waitUntil } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { type Bundle, loadBundle, TAGS } from './helpers/bundle.js';

// The built one-file bundle, as a CRM page would load it with one script tag. This file imports nothing
// from src/, so every wb-* element here is defined by dist/wallboard.js alone. `pnpm test` builds first.

describe('dist/wallboard.js', () => {
  let bundle: Bundle;
  before(async () => {
    bundle = await loadBundle();
  });

  it('defines every wb-* element from one script tag', () => {
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  it('renders markup written in a plain page and binds a board to a store from the bundle itself', async () => {
    const page = await fixture(
      html`${unsafeStatic(`<wb-board label="CRM"><wb-sl-gauge queue="sales" label="Sales SL"></wb-sl-gauge></wb-board>`)}`,
    );
    const gauge = page.querySelector('wb-sl-gauge') as HTMLElement & {
      value: number | null;
      updateComplete: Promise<boolean>;
    };
    const store = new bundle.SnapshotStore();
    (page as HTMLElement & { store: unknown }).store = store;
    await elementUpdated(page);
    const scope = {
      scope: 'queue:sales',
      serviceLevel: 0.5,
      sl: { slTarget: 0.8, slThresholdSec: 20, slFormula: 'abandons-count-against', shortAbandonSec: 5 },
    };
    store.push({ seq: 1, t: 0, timeZone: 'UTC', scopes: { 'queue:sales': scope as never } });
    await waitUntil(() => gauge.value === 0.5, 'bound value');
    await gauge.updateComplete;
    expect(gauge.value).to.equal(0.5);
    expect(gauge.shadowRoot?.querySelector('[role="meter"]')?.getAttribute('aria-valuetext')).to.equal(
      '50% answered within 20 s, target 80%, warning',
    );
  });
});
