import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AgentRow, WbAgentBoard } from '../src/agent-board.js';
import type { WbBoard } from '../src/board.js';
import {
  assertNoInjectedMarkup,
  HOSTILE,
  hasState,
  part,
  parts,
  setProps,
  shadowText,
} from './helpers/dom.js';
import { emptyScope, FakeStore } from './helpers/fake-store.js';
import { litWarnings } from './helpers/lit-warnings.js';

const NOW = Date.UTC(2026, 2, 2, 9, 41, 0);
const ago = (sec: number) => NOW - sec * 1000;

const AGENTS: AgentRow[] = [
  { id: 'a1', name: 'Ana', state: 'available', since: ago(30), team: 'Blue' },
  { id: 'a2', name: 'Ben', state: 'on-call', since: ago(125), team: 'Blue' },
  { id: 'a3', name: 'Cleo', state: 'on-call', since: ago(900), team: 'Red' },
  { id: 'a4', name: 'Dev', state: 'break', since: ago(3723) },
  { id: 'a5', name: 'Eli', state: 'available', since: ago(400) },
  { id: 'a6', name: 'Fay', state: 'offline', since: ago(10) },
  { id: 'a7', name: 'Gus', state: 'acw', since: ago(45) },
  { id: 'a8', name: 'Abe', state: 'on-call', since: ago(125) },
];

/** The listed groups: state heading and the rows' [name, team, time]. */
function groups(el: WbAgentBoard) {
  return [...el.shadowRoot!.querySelectorAll('.group')].map((g) => ({
    head: g.querySelector('.group-head')?.textContent?.trim(),
    rows: [...g.querySelectorAll('li')].map((li) => [...li.children].map((c) => c.textContent?.trim() ?? '')),
  }));
}

/** The counts legend as { word: number }. */
function counts(el: WbAgentBoard) {
  return Object.fromEntries(
    [...part(el, 'legend').querySelectorAll('li')].map((li) => [
      li.textContent!.replace(/[\d,\s]+$/, '').trim(),
      Number(li.querySelector('[part~="value"]')?.textContent),
    ]),
  );
}

describe('wb-agent-board', () => {
  it('groups agents by state, longest in state first, with time in state', async () => {
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board label="Floor" .time=${NOW} .agents=${AGENTS}></wb-agent-board>`,
    );
    expect(groups(el)).to.deep.equal([
      {
        head: 'Available',
        rows: [
          ['Eli', '', '6:40'],
          ['Ana', 'Blue', '0:30'],
        ],
      },
      {
        head: 'On call',
        rows: [
          ['Cleo', 'Red', '15:00'],
          // Same time in state: by name.
          ['Abe', '', '2:05'],
          ['Ben', 'Blue', '2:05'],
        ],
      },
      { head: 'After-call work', rows: [['Gus', '', '0:45']] },
      { head: 'Break', rows: [['Dev', '', '1:02:03']] },
    ]);
    expect(counts(el)).to.deep.equal({
      Available: 2,
      'On call': 3,
      'After-call work': 1,
      Break: 1,
      Other: 0,
      Offline: 1,
    });
    const segments = parts(el, 'indicator').map((i) => Number((i as HTMLElement).style.flexGrow));
    // Logged-in agents only: offline Fay is counted but not in the mix.
    expect(segments).to.deep.equal([2, 3, 1, 1]);
    await expect(el).to.be.accessible();
  });

  it('lists offline agents with show-offline', async () => {
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board show-offline .time=${NOW} .agents=${AGENTS}></wb-agent-board>`,
    );
    expect(groups(el).pop()).to.deep.equal({ head: 'Offline', rows: [['Fay', '', '0:10']] });
  });

  it('ticks time in state once a second with the wall clock, with no live region', async () => {
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board .agents=${[{ id: 'x', name: 'X', state: 'available', since: Date.now() - 5000 }]}></wb-agent-board>`,
    );
    const time = () => el.shadowRoot!.querySelector('.time')!.textContent;
    const first = time();
    expect(first).to.match(/^0:0[56]$/);
    await waitUntil(() => time() !== first, 'time in state did not tick', { timeout: 2500 });
    expect(el.shadowRoot!.querySelector('[aria-live]')).to.equal(null);
  });

  it('shows the counts per state bound from the board, and uses engine time for fed rows', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-agent-board queue="sales" warn="3" critical="1" silent></wb-agent-board></wb-board>`,
    );
    const el = board.querySelector('wb-agent-board')!;
    const base = emptyScope('queue:sales', store.settings).agentsByState;
    const byState = { ...base, available: 2, 'on-call': 9, break: 1 };
    store.push({ 'queue:sales': { agentsByState: byState } }, NOW);
    await elementUpdated(el);
    expect(counts(el)).to.include({ Available: 2, 'On call': 9, Break: 1 });
    expect(el.status).to.equal('warning');
    expect(parts(el, 'value')).to.have.length(6);
    expect(el.shadowRoot!.querySelector('.rows')).to.equal(null);
    // A new snapshot with the same counts keeps the same object: no redraw.
    const kept = el.counts;
    store.push({ 'queue:sales': { agentsByState: { ...byState } } }, NOW + 100);
    await elementUpdated(el);
    expect(el.counts).to.equal(kept);
    store.push({ 'queue:sales': { agentsByState: { ...byState, available: 0 } } }, NOW + 200);
    await elementUpdated(el);
    expect(el.status).to.equal('critical');
    // Rows fed by the app: time in state from the engine's (here simulated) time.
    el.agents = [{ id: 'q', name: 'Quinn', state: 'acw', since: NOW - 65_000 }];
    store.push({ 'queue:sales': { agentsByState: byState } }, NOW + 1000);
    await elementUpdated(el);
    expect(el.shadowRoot!.querySelector('.time')?.textContent).to.equal('1:06');
    expect(counts(el)['After-call work']).to.equal(1);
  });

  it('reads rows from the store when `metric` names them', async () => {
    const store = new FakeStore();
    const board = await fixture<WbBoard>(
      html`<wb-board .store=${store}><wb-agent-board metric="agents"></wb-agent-board></wb-board>`,
    );
    const el = board.querySelector('wb-agent-board')!;
    store.push({ all: { agents: AGENTS.slice(0, 2) } as never }, NOW);
    await elementUpdated(el);
    expect(groups(el).map((g) => g.rows[0][0])).to.deep.equal(['Ana', 'Ben']);
    expect(store.selects).to.deep.include({ scope: 'all', metric: 'agents' });
  });

  it('fires wb-threshold-change once per crossing of the available count', async () => {
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board silent warn="2" critical="1" .time=${NOW} .counts=${{ available: 4 }}></wb-agent-board>`,
    );
    const seen: string[] = [];
    el.addEventListener('wb-threshold-change', (e) => seen.push(`${e.previous}->${e.level}:${e.value}`));
    for (const available of [3, 1, 1, 0, 5]) await setProps(el, { counts: { available } });
    expect(seen).to.deep.equal(['ok->warning:1', 'warning->critical:0', 'critical->ok:5']);
    expect(hasState(el, 'ok')).to.equal(true);
  });

  it('renders hostile names and teams as text and drops junk rows', async () => {
    const junk = [
      null,
      7,
      {},
      { id: 'h', name: HOSTILE, team: HOSTILE, state: 'toString', since: 'soon' },
      { id: 'k', state: 'available', since: NOW },
    ] as unknown as AgentRow[];
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board label=${HOSTILE} .time=${NOW} .agents=${junk}></wb-agent-board>`,
    );
    expect(part(el, 'label').textContent).to.equal(HOSTILE);
    expect(groups(el)).to.deep.equal([
      { head: 'Available', rows: [['k', '', '0:00']] },
      { head: 'Other', rows: [[HOSTILE, HOSTILE, '–']] },
    ]);
    assertNoInjectedMarkup(el);
  });

  it('is empty with neither rows nor counts', async () => {
    const el = await fixture<WbAgentBoard>(html`<wb-agent-board></wb-agent-board>`);
    expect(el.status).to.equal('empty');
    expect(shadowText(el)).to.contain('No agents');
    await expect(el).to.be.accessible();
  });

  it('keeps 500 agents as plain shadow-root rows that skip layout off screen', async () => {
    const states = ['available', 'on-call', 'acw', 'break', 'other', 'offline'] as const;
    const many = Array.from({ length: 500 }, (_, i) => ({
      id: `a${i}`,
      name: `Agent ${i}`,
      state: states[i % states.length],
      since: NOW - i * 1000,
    }));
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board group-limit="0" .time=${NOW} .agents=${many}></wb-agent-board>`,
    );
    const listed = many.filter((a) => a.state !== 'offline').length;
    const rows = el.shadowRoot!.querySelectorAll('.group li');
    expect(rows).to.have.length(listed);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(listed * 5 + 100);
    expect(getComputedStyle(rows[0]).contentVisibility).to.equal('auto');
    const list = el.shadowRoot!.querySelector('.rows')!;
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight);
    expect(list.getAttribute('tabindex')).to.equal('0');
    expect(counts(el).Offline).to.equal(many.length - listed);
  });

  it('lists the longest in state of each state up to group-limit, the rest behind a button', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      id: `a${i}`,
      name: `Agent ${i}`,
      state: i < 20 ? ('on-call' as const) : ('break' as const),
      since: NOW - i * 1000,
    }));
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board group-limit="8" .time=${NOW} .agents=${many}></wb-agent-board>`,
    );
    const [onCall, onBreak] = groups(el);
    // Longest in state first: agents 19, 18, ... 12.
    expect(onCall.rows.map((r) => r[0])).to.deep.equal(
      Array.from({ length: 8 }, (_, i) => `Agent ${19 - i}`),
    );
    expect(onBreak.rows).to.have.length(5);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.group button')!;
    expect(button.textContent?.trim()).to.equal('Show all 20');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelectorAll('.group button')).to.have.length(1);
    expect(counts(el)['On call']).to.equal(20);
    await expect(el).to.be.accessible();
    button.click();
    await el.updateComplete;
    expect(groups(el)[0].rows).to.have.length(20);
    expect(button.textContent?.trim()).to.equal('Show fewer');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    button.click();
    await el.updateComplete;
    expect(groups(el)[0].rows).to.have.length(8);
  });

  it('puts the state stripe on the start side under dir="rtl"', async () => {
    const el = await fixture<WbAgentBoard>(
      html`<wb-agent-board dir="rtl" .time=${NOW} .agents=${AGENTS.slice(0, 1)}></wb-agent-board>`,
    );
    const li = getComputedStyle(el.shadowRoot!.querySelector('.group li')!);
    expect(Number.parseFloat(li.borderRightWidth)).to.be.greaterThan(0);
    expect(Number.parseFloat(li.borderLeftWidth)).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
