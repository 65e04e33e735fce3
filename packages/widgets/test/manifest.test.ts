import './helpers/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { TAGS } from './helpers/bundle.js';
import { litWarnings } from './helpers/lit-warnings.js';
import { type ElementDoc, loadManifest, PACKAGE_URL } from './helpers/manifest.js';

// custom-elements.json as `pnpm build` writes it: beside package.json (its "customElements" field) and
// beside dist/wallboard.js (DESIGN.md "Delivery"). Editors, Storybook and the parts test read it.
const EVENTS: Record<string, string[]> = {
  'wb-board': ['wb-fresh', 'wb-stale'],
  'wb-clock': [],
  'wb-ticker': [],
};
const PART_VOCABULARY = [
  'base',
  'label',
  'value',
  'unit',
  'track',
  'indicator',
  'target',
  'trend',
  'plot',
  'axis',
  'legend',
  'status',
  'banner',
];

describe('custom-elements.json', () => {
  let elements: Map<string, ElementDoc>;
  before(async () => {
    elements = await loadManifest();
  });

  it('is where package.json "customElements" points and beside dist/wallboard.js, the same file', async () => {
    const pkg = await (await fetch(`${PACKAGE_URL}/package.json`)).json();
    expect(pkg.customElements).to.equal('custom-elements.json');
    const root = await fetch(`${PACKAGE_URL}/${pkg.customElements}`);
    const dist = await fetch(`${PACKAGE_URL}/dist/custom-elements.json`);
    expect(root.ok, 'custom-elements.json').to.equal(true);
    expect(dist.ok, 'dist/custom-elements.json').to.equal(true);
    expect(await dist.text()).to.equal(await root.text());
    expect((await fetch(`${PACKAGE_URL}/dist/wallboard.js`)).ok, 'dist/wallboard.js').to.equal(true);
  });

  it('lists all ten elements', () => {
    expect([...elements.keys()].sort()).to.deep.equal([...TAGS].sort());
  });

  for (const tag of TAGS) {
    it(`documents ${tag}: its label attribute, events and parts`, () => {
      const doc = elements.get(tag)!;
      const label = doc.attributes?.find((a) => a.name === 'label');
      expect(label, `${tag} label attribute`).to.not.equal(undefined);
      expect(label!.fieldName).to.equal('label');
      const events = (doc.events ?? []).map((e) => e.name).sort();
      expect(events, `${tag} events`).to.deep.equal(EVENTS[tag] ?? ['wb-threshold-change']);
      for (const e of doc.events ?? [])
        expect(e.description, `${tag} ${e.name}`).to.be.a('string').and.not.empty;
      const parts = (doc.cssParts ?? []).map((p) => p.name);
      expect(parts, `${tag} parts`).to.include.members(['base', 'label']);
      expect(PART_VOCABULARY, `${tag} parts outside the vocabulary`).to.include.members(parts);
      for (const p of doc.cssParts ?? []) expect(p.description, `${tag}::part(${p.name})`).to.not.be.empty;
      for (const t of doc.cssProperties ?? []) expect(t.name).to.match(new RegExp(`^--${tag}-`));
    });
  }

  it('documents the neutral trend of wb-metric and the chart text size', () => {
    const attr = elements.get('wb-metric')!.attributes?.find((a) => a.name === 'neutral-trend');
    expect(attr?.fieldName).to.equal('neutralTrend');
    for (const tag of ['wb-interval-chart', 'wb-abandon-chart']) {
      const names = (elements.get(tag)!.cssProperties ?? []).map((p) => p.name);
      expect(names, tag).to.include(`--${tag}-text-size`);
    }
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
