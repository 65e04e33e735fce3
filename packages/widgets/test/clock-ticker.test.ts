import './helpers/lit-warnings.js';
import '../src/define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { WbBoard } from '../src/board.js';
import type { WbClock } from '../src/clock.js';
import type { WbTicker } from '../src/ticker.js';
import { assertNoInjectedMarkup, HOSTILE, part, parts, setProps } from './helpers/dom.js';
import { FakeStore } from './helpers/fake-store.js';
import { litWarnings, warnings } from './helpers/lit-warnings.js';

const T = Date.UTC(2026, 2, 29, 0, 59, 30); // one minute before DST starts in Europe/Berlin

const timeIn = (zone: string, t: number, seconds = false) =>
  new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: seconds ? '2-digit' : undefined,
    timeZone: zone,
  }).format(t);

describe('wb-clock', () => {
  it('shows a time in the given time zone, with the zone name', async () => {
    const el = await fixture<WbClock>(html`<wb-clock time-zone="Europe/Berlin" .time=${T}></wb-clock>`);
    expect(part(el, 'value').textContent).to.equal(timeIn('Europe/Berlin', T));
    expect(part(el, 'value').getAttribute('datetime')).to.equal(new Date(T).toISOString());
    await setProps(el, { time: T + 60_000 });
    // 01:00 UTC is 03:00 CEST: the clock follows the zone's DST jump.
    expect(part(el, 'value').textContent).to.equal(timeIn('Europe/Berlin', T + 60_000));
    expect(part(el, 'unit').textContent).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  it('follows the engine time and time zone inside a board', async () => {
    const store = new FakeStore({ timeZone: 'America/New_York' });
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-clock seconds></wb-clock></wb-board>`,
    );
    const el = board.querySelector('wb-clock')!;
    store.push({ all: {} }, T);
    await el.updateComplete;
    expect(part(el, 'value').textContent).to.equal(timeIn('America/New_York', T, true));
    store.push({ all: {} }, T + 5000);
    await el.updateComplete;
    expect(part(el, 'value').textContent).to.equal(timeIn('America/New_York', T + 5000, true));
  });

  it('ticks with the wall clock when alone', async () => {
    const el = await fixture<WbClock>(html`<wb-clock seconds time-zone="UTC"></wb-clock>`);
    const first = part(el, 'value').textContent;
    await waitUntil(() => part(el, 'value').textContent !== first, 'clock did not tick', { timeout: 3000 });
  });

  it('falls back to local time for an unknown zone and says why', async () => {
    const el = await fixture<WbClock>(html`<wb-clock time-zone="Mars/Olympus" .time=${T}></wb-clock>`);
    expect(part(el, 'value').textContent).to.equal(
      new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(T),
    );
    expect(warnings.some((w) => w.includes('Mars/Olympus'))).to.equal(true);
  });
});

describe('wb-ticker', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('scrolls its messages, with one copy hidden from assistive tech', async () => {
    const el = await fixture<WbTicker>(
      html`<wb-ticker .messages=${['Team meeting at 14:00', { text: 'Outage on line 3', level: 'critical' }]}></wb-ticker>`,
    );
    const lists = el.shadowRoot!.querySelectorAll('ul');
    expect(lists).to.have.length(2);
    expect(lists[1].getAttribute('aria-hidden')).to.equal('true');
    expect(lists[0].textContent).to.contain('Team meeting at 14:00');
    expect(lists[0].textContent).to.contain('Critical');
    expect(getComputedStyle(part(el, 'track')).animationName).to.equal('wb-ticker-scroll');
    expect(el.status).to.equal('ok');
    await expect(el).to.be.accessible();
  });

  it('is static under prefers-reduced-motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<WbTicker>(html`<wb-ticker .messages=${['a', 'b']}></wb-ticker>`);
    expect(getComputedStyle(part(el, 'track')).animationName).to.equal('none');
    expect(getComputedStyle(el.shadowRoot!.querySelectorAll('ul')[1]).display).to.equal('none');
  });

  it('is static with the static attribute', async () => {
    const el = await fixture<WbTicker>(html`<wb-ticker static .messages=${['a']}></wb-ticker>`);
    expect(getComputedStyle(part(el, 'track')).animationName).to.equal('none');
  });

  it('renders hostile messages as text and drops junk items', async () => {
    const junk = [
      HOSTILE,
      42,
      null,
      { text: 7 },
      { text: HOSTILE, level: 'bogus' },
      '  ',
    ] as unknown as string[];
    const el = await fixture<WbTicker>(html`<wb-ticker .messages=${junk}></wb-ticker>`);
    const items = el.shadowRoot!.querySelectorAll('ul:not([aria-hidden]) li');
    expect(items).to.have.length(2);
    expect(items[0].textContent?.trim()).to.equal(HOSTILE);
    assertNoInjectedMarkup(el);
  });

  it('is empty without messages', async () => {
    const el = await fixture<WbTicker>(html`<wb-ticker></wb-ticker>`);
    expect(el.status).to.equal('empty');
    expect(parts(el, 'track')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('binds its messages to a store metric', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-ticker metric="announcements"></wb-ticker></wb-board>`,
    );
    const el = board.querySelector('wb-ticker')!;
    store.push({ all: { announcements: ['Break rota changed'] } as never });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('li')?.textContent?.trim()).to.equal('Break rota changed');
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
