import './helpers/lit-warnings.js';
import '../src/define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { WbBoard } from '../src/board.js';
import type { WbThresholdChangeEvent } from '../src/internal/events.js';
import type { WbSlGauge } from '../src/sl-gauge.js';
import { SnapshotStore } from '../src/snapshot-store.js';
import { part } from './helpers/dom.js';
import { emptyScope } from './helpers/fake-store.js';

// The same widgets driven three ways: plain DOM, React 19 and Vue 3. Each sets properties (numbers, not
// strings), catches wb-threshold-change, and feeds a board.

type ReactVendor = typeof import('./frameworks/react-vendor.js');
let React: ReactVendor;

interface AppProps {
  store: SnapshotStore;
  levels: string[];
  expose: (set: (v: number) => void) => void;
}

/** A React component holding the SL in state and rendering a gauge and a board with a bound metric. */
function ReactApp({ store, levels, expose }: AppProps) {
  const h = React.createElement;
  const [sl, set] = React.useState(0.9);
  expose(set);
  return h(
    'div',
    null,
    h('wb-sl-gauge', {
      label: 'React gauge',
      value: sl,
      target: 0.8,
      silent: true,
      'onwb-threshold-change': (e: WbThresholdChangeEvent) => levels.push(e.level),
    }),
    h('wb-board', { store }, h('wb-metric', { queue: 'sales', metric: 'waiting', label: 'Waiting' })),
  );
}

describe('framework-agnostic use', () => {
  it('works in a plain page: properties in, events out', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const gauge = document.createElement('wb-sl-gauge');
    gauge.label = 'Plain';
    gauge.value = 0.9;
    gauge.silent = true;
    host.append(gauge);
    await gauge.updateComplete;
    const levels: string[] = [];
    host.addEventListener('wb-threshold-change', (e) => levels.push(e.level));
    gauge.value = 0.5;
    await gauge.updateComplete;
    expect(levels).to.deep.equal(['warning']);
    expect(part(gauge, 'base').getAttribute('aria-valuenow')).to.equal('50');
  });

  it('works in a React 19 app: props set as properties, events through on<event> props', async () => {
    React = (await import(/* @vite-ignore */ '/__vendor/react.js' as string)) as ReactVendor;
    const { createElement: h, createRoot, flushSync } = React;
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const levels: string[] = [];
    const store = new SnapshotStore();
    let setSl: (v: number) => void = () => {};
    const root = createRoot(container);
    flushSync(() => root.render(h(ReactApp, { store, levels, expose: (set) => (setSl = set) })));
    const gauge = container.querySelector('wb-sl-gauge')!;
    await gauge.updateComplete;
    expect(gauge.value).to.equal(0.9);
    expect(typeof gauge.value).to.equal('number');
    flushSync(() => setSl(0.55));
    await gauge.updateComplete;
    expect(levels).to.deep.equal(['warning']);
    expect((container.querySelector('wb-board') as WbBoard).store).to.equal(store);
    store.push({
      seq: 1,
      t: 0,
      timeZone: 'UTC',
      scopes: { 'queue:sales': { ...emptyScope('queue:sales', store.settings), waiting: 6 } },
    });
    const metric = container.querySelector('wb-metric')!;
    await waitUntil(() => metric.value === 6, 'metric bound inside React');
    root.unmount();
  });

  it('works in a Vue 3 app: bound properties, @event listeners', async () => {
    const { createApp, nextTick, ref } = await import('vue/dist/vue.esm-browser.prod.js');
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const levels: string[] = [];
    const sl = ref(0.9);
    const app = createApp({
      setup: () => ({ sl, onChange: (e: WbThresholdChangeEvent) => levels.push(e.level) }),
      template: `<wb-sl-gauge label="Vue gauge" :value="sl" :target="0.8" silent @wb-threshold-change="onChange"></wb-sl-gauge>`,
    });
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('wb-');
    app.mount(container);
    const gauge = container.querySelector('wb-sl-gauge') as WbSlGauge;
    await gauge.updateComplete;
    expect(gauge.value).to.equal(0.9);
    sl.value = 0.4;
    await nextTick();
    await gauge.updateComplete;
    expect(gauge.value).to.equal(0.4);
    expect(levels).to.deep.equal(['warning']);
    app.unmount();
  });
});
