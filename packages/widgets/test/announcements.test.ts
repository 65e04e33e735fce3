import './helpers/lit-warnings.js';
import '../src/define.js';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { announcer } from '../src/internal/announcer.js';
import type { WbThresholdChangeEvent } from '../src/internal/events.js';
import { litWarnings } from './helpers/lit-warnings.js';

// End to end: widgets without `silent`, through the page's shared announcer, to the text of its polite
// `[data-wb-announcer]` live region. The throttle is shortened so that the tests run in seconds.
const INTERVAL = 400;

interface Spoken {
  text: string;
  at: number;
}

/** Every text the live region takes from now on (one entry per announcement, repeats included). */
function listen(): { spoken: Spoken[]; stop(): void } {
  const spoken: Spoken[] = [];
  const region = document.querySelector('[data-wb-announcer]') ?? announcer.region;
  const observer = new MutationObserver(() =>
    spoken.push({ text: region.textContent ?? '', at: Date.now() }),
  );
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { spoken, stop: () => observer.disconnect() };
}

describe('announcements', () => {
  let original: number;
  let heard: ReturnType<typeof listen>;

  before(() => {
    original = announcer.minIntervalMs;
    announcer.minIntervalMs = INTERVAL;
  });
  after(() => {
    announcer.minIntervalMs = original;
  });
  beforeEach(async () => {
    // Whatever an earlier test queued has been spoken, and the throttle is open again.
    await aTimeout(INTERVAL + 100);
    heard = listen();
  });
  afterEach(() => heard.stop());

  it('announces and fires once when the first value is already critical; a first ok is silent', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const seen: Array<[string, string | null, number]> = [];
    host.addEventListener('wb-threshold-change', (e: WbThresholdChangeEvent) =>
      seen.push([e.level, e.previous, e.value]),
    );
    const late = document.createElement('wb-metric');
    Object.assign(late, { label: 'Queue 7 waiting', warn: 5, critical: 10 });
    const calm = document.createElement('wb-metric');
    Object.assign(calm, { label: 'Queue 8 waiting', warn: 5, critical: 10, value: 2 });
    host.append(late, calm);
    await late.updateComplete;
    expect(seen, 'no data yet').to.deep.equal([]);
    late.value = 14; // the board's first snapshot arrives mid-incident
    await late.updateComplete;
    late.value = 15;
    await late.updateComplete;
    expect(seen).to.deep.equal([['critical', null, 14]]);
    await waitUntil(() => heard.spoken.length > 0, 'no announcement');
    await aTimeout(INTERVAL + 100);
    expect(heard.spoken.map((s) => s.text)).to.deep.equal(['Queue 7 waiting: Critical, 14']);
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
