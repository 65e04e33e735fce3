import './helpers/lit-warnings.js';
import '../src/define.js';
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { fitColumns, fitCount } from '../src/agent-board.fit.js';
import type { AgentRow, WbAgentBoard } from '../src/agent-board.js';
import type { WbBoard } from '../src/board.js';
import { darkTheme, themeDeclarations } from '../src/internal/tokens.js';
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

  it('names its agent list after its label, so two boards on a page are distinct landmarks (axe)', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <wb-agent-board silent label="Team Blue" .agents=${AGENTS} .time=${NOW}></wb-agent-board>
        <wb-agent-board silent fit style="block-size:20em" label="Team Red" .agents=${AGENTS} .time=${NOW}></wb-agent-board>
        <wb-agent-board silent .agents=${AGENTS} .time=${NOW}></wb-agent-board>
      </div>`,
    );
    const boards = [...page.querySelectorAll<WbAgentBoard>('wb-agent-board')];
    await Promise.all(boards.map((b) => elementUpdated(b)));
    const names = boards.map((b) =>
      b.shadowRoot!.querySelector('[role="region"]')?.getAttribute('aria-label'),
    );
    expect(names).to.deep.equal([
      'Team Blue, by state, longest in state first',
      'Team Red, by state, longest in state first',
      'Agents, by state, longest in state first',
    ]);
    await expect(page).to.be.accessible();
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

  it('lists a state with fewer agents than columns across the width, so long names are not cut', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="width: 900px"><wb-agent-board .time=${NOW} .agents=${[
        { id: 'm', name: 'Matteo Kuhlman-Bergstrom', team: 'North', state: 'acw', since: ago(29) },
        { id: 'n', name: 'Ana', state: 'available', since: ago(29) },
      ]}></wb-agent-board></div>`,
    );
    const el = wrap.querySelector('wb-agent-board')!;
    await el.updateComplete;
    const name = el.shadowRoot!.querySelector<HTMLElement>('.s-acw li .name')!;
    expect(name.textContent).to.equal('Matteo Kuhlman-Bergstrom');
    expect(name.scrollWidth).to.be.at.most(name.clientWidth);
  });

  describe('fit', () => {
    // A floor: 1,000 agents, most on calls, a few of every other state, offline ones not listed.
    const FLOOR_STATES = [
      ...Array<'on-call'>(6).fill('on-call'),
      'available',
      'acw',
      'break',
      'offline',
    ] as const;
    const floor = (n: number, other = 3): AgentRow[] => [
      ...Array.from({ length: n }, (_, i) => ({
        id: `f${i}`,
        name: `Agent ${String(i).padStart(4, '0')}`,
        team: `Team ${i % 12}`,
        state: FLOOR_STATES[i % FLOOR_STATES.length],
        since: NOW - ((i * 7919) % 3600) * 1000,
      })),
      ...Array.from({ length: other }, (_, i) => ({
        id: `o${i}`,
        name: `Other ${i}`,
        state: 'other' as const,
        since: NOW - i * 1000,
      })),
    ];
    const listed = (agents: AgentRow[]) => {
      const by = new Map<string, AgentRow[]>();
      for (const a of agents) if (a.state !== 'offline') by.set(a.state, [...(by.get(a.state) ?? []), a]);
      for (const list of by.values()) list.sort((x, y) => x.since - y.since || x.name.localeCompare(y.name));
      return by;
    };

    async function mount(width: number, height: number, agents = floor(1000), attrs = '') {
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: ${width}px; height: ${height}px" dir=${attrs === 'rtl' ? 'rtl' : 'ltr'}>
          <wb-agent-board fit style="height: 100%" .time=${NOW} .agents=${agents}></wb-agent-board>
        </div>`,
      );
      const el = wrap.querySelector('wb-agent-board')!;
      await waitUntil(() => el.shadowRoot!.querySelector('.group li'), 'no rows after measuring');
      return el;
    }

    /** Per listed state: its box, its list's box, its rows' boxes and names, and its "+N more" text. */
    function columns(el: WbAgentBoard) {
      return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.group')].map((g) => ({
        state: [...g.classList].find((c) => c.startsWith('s-'))!.slice(2),
        box: g.getBoundingClientRect(),
        list: g.querySelector('ul')!.getBoundingClientRect(),
        rows: [...g.querySelectorAll('li')].map((li) => li.getBoundingClientRect()),
        names: [...g.querySelectorAll('li .name')].map((n) => n.textContent),
        rest: g.querySelector('.rest')!.textContent!.trim(),
      }));
    }

    function expectFits(el: WbAgentBoard, agents: AgentRow[]) {
      const host = el.getBoundingClientRect();
      const by = listed(agents);
      const cols = columns(el);
      // Every state with listed agents has a column, inside the board, with room for a row.
      expect(cols.map((c) => c.state)).to.deep.equal(
        ['available', 'on-call', 'acw', 'break', 'other'].filter((s) => by.has(s)),
      );
      for (const c of cols) {
        const all = by.get(c.state)!;
        expect(c.box.height, c.state).to.be.greaterThan(0);
        expect(c.box.bottom, `${c.state} inside`).to.be.at.most(host.bottom + 0.5);
        expect(c.box.right, `${c.state} inside`).to.be.at.most(host.right + 0.5);
        expect(c.box.left, `${c.state} inside`).to.be.at.least(host.left - 0.5);
        // Its longest-in-state agents, in order, each row whole inside the list.
        expect(c.names).to.deep.equal(all.slice(0, c.rows.length).map((a) => a.name));
        for (const r of c.rows) {
          expect(r.bottom, `${c.state} row inside its list`).to.be.at.most(c.list.bottom + 0.5);
          expect(r.right).to.be.at.most(c.list.right + 0.5);
        }
        // As many as fit: another row would not (unless all are shown).
        if (c.rows.length < all.length) {
          const last = c.rows[c.rows.length - 1];
          const first = c.rows[0];
          const rowStep = c.rows.find((r) => r.top > first.top)?.top ?? last.bottom + 4;
          const height = first.height + (rowStep - first.top - first.height);
          expect(c.list.bottom - last.bottom, `${c.state}: room for another row`).to.be.below(height);
          expect(c.rest).to.equal(`+${all.length - c.rows.length} more`);
        } else expect(c.rest).to.equal('');
      }
      return cols;
    }

    it('gives every state with agents a column of as many longest-in-state rows as fit, the rest as "+N more"', async () => {
      const agents = floor(1000);
      for (const [w, h] of [
        [1400, 600],
        [900, 420],
        [700, 900],
        [360, 700],
      ]) {
        const el = await mount(w, h, agents);
        const cols = expectFits(el, agents);
        expect(
          cols.every((c) => c.rows.length > 0),
          `${w}x${h}: rows in every column`,
        ).to.equal(true);
        // No button and nothing to scroll: a kiosk has no pointer.
        expect(el.shadowRoot!.querySelector('button')).to.equal(null);
        const rows = el.shadowRoot!.querySelector('.rows')!;
        expect(rows.scrollHeight).to.be.at.most(rows.clientHeight + 1);
        expect(rows.hasAttribute('tabindex')).to.equal(false);
        if (w === 1400) {
          // Wide: one column per state, side by side.
          expect(new Set(cols.map((c) => Math.round(c.box.top))).size).to.equal(1);
          // 1,000 agents rendered as a few dozen rows.
          expect(el.shadowRoot!.querySelectorAll('li').length).to.be.below(100);
        }
        if (w === 360) expect(new Set(cols.map((c) => Math.round(c.box.left))).size).to.equal(1);
      }
    });

    it('lists more when it grows and fewer when it shrinks, re-measuring on resize', async () => {
      const agents = floor(400);
      const el = await mount(1000, 400, agents);
      const onCall = () => columns(el).find((c) => c.state === 'on-call')!;
      const before = onCall();
      el.parentElement!.style.height = '700px';
      await waitUntil(() => onCall().rows.length > before.rows.length, 'more rows after growing');
      expectFits(el, agents);
      const grown = onCall();
      expect(Number(grown.rest.match(/\d+/)![0])).to.be.below(Number(before.rest.match(/\d+/)![0]));
      // Hidden (a board's page turned away) it keeps its rows, so they are there the moment it shows.
      el.parentElement!.hidden = true;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('.s-on-call li').length).to.equal(grown.rows.length);
      el.parentElement!.hidden = false;
      // Larger type: fewer rows in the same box.
      el.style.setProperty('--wb-font-size-scale', '1.6');
      await waitUntil(() => onCall().rows.length < grown.rows.length, 'fewer rows with larger type');
      expectFits(el, agents);
    });

    it('keeps the count right as agents change state, with the same rows measured', async () => {
      const agents = floor(200, 0);
      const el = await mount(1000, 500, agents);
      const fits = columns(el).find((c) => c.state === 'on-call')!.rows.length;
      const moved = agents.map((a, i) =>
        i < 50 && a.state === 'on-call' ? { ...a, state: 'break' as const } : a,
      );
      el.agents = moved;
      await el.updateComplete;
      expectFits(el, moved);
      expect(columns(el).find((c) => c.state === 'on-call')!.rows.length).to.equal(fits);
      // A state that empties loses its column; one that fills gets one.
      el.agents = moved.filter((a) => a.state !== 'acw');
      await el.updateComplete;
      expect(columns(el).map((c) => c.state)).to.deep.equal(['available', 'on-call', 'break']);
    });

    it('says status in colour and word, reads right to left under dir="rtl", and passes axe', async () => {
      const el = await mount(1000, 420, floor(300), 'rtl');
      const cols = expectFits(el, floor(300));
      // The first state (available) is on the right, the next to its left.
      expect(cols[0].box.left).to.be.greaterThan(cols[1].box.left);
      const li = getComputedStyle(el.shadowRoot!.querySelector('.group li')!);
      expect(Number.parseFloat(li.borderRightWidth)).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('.s-available .group-head')!.textContent).to.contain('Available');
      await expect(el).to.be.accessible();
    });

    it('gives names the room: columns only as many as the rows need, the time as wide as it reads', async () => {
      const LONG = 'Alessandra Montgomery-Smith';
      const agents: AgentRow[] = [
        { id: 'm', name: 'Matteo Kuhlman', team: 'North', state: 'acw', since: ago(29) },
        { id: 'l', name: `${LONG} ${LONG} ${LONG}`, team: 'North', state: 'on-call', since: ago(825) },
        ...['Ara Harvey', 'Cali Lang', 'Pasquale Zboncak'].map((name, i) => ({
          id: `o${i}`,
          name,
          team: 'North',
          state: 'on-call' as const,
          since: ago(300 + i),
        })),
      ];
      // Two states side by side, each about 40em wide: room for three 11em columns, and for 8 rows.
      const el = await mount(1300, 500, agents);
      const rows = [...el.shadowRoot!.querySelectorAll('.group li')];
      const cut = (li: Element) => {
        const name = li.querySelector<HTMLElement>('.name')!;
        return name.scrollWidth > name.clientWidth;
      };
      const list = el.shadowRoot!.querySelector('.s-on-call ul')!.getBoundingClientRect();
      for (const li of rows) {
        const time = li.querySelector<HTMLElement>('.time')!;
        // The time column is exactly its text: the name has the rest of the row.
        const [, timeTrack] = getComputedStyle(li).gridTemplateColumns.split(' ');
        expect(Number.parseFloat(timeTrack!)).to.be.closeTo(time.scrollWidth, 1);
        // One column per state (4 and 1 agents fit in one): a row as wide as its state's list.
        expect(li.getBoundingClientRect().width).to.be.closeTo(list.width, 1);
        const name = li.querySelector('.name')!.textContent!;
        expect(cut(li), name).to.equal(name.startsWith(LONG));
      }
      expect(rows.map((li) => li.querySelector('.time')!.textContent)).to.include('13:45');
    });

    it('uses as many columns as the agents shown need, never more than fit', () => {
      expect(fitColumns(4, { tracks: 3, rows: 8 })).to.equal(1);
      expect(fitColumns(17, { tracks: 3, rows: 8 })).to.equal(3);
      expect(fitColumns(9, { tracks: 3, rows: 8 })).to.equal(2);
      expect(fitColumns(0, { tracks: 3, rows: 0 })).to.equal(1);
    });

    it('counts what fits from the list and row sizes', () => {
      const gap = { row: 4, column: 4 };
      expect(fitCount({ inline: 300, block: 300 }, { inline: 200, block: 50 }, gap)).to.equal(5);
      expect(fitCount({ inline: 404, block: 104 }, { inline: 200, block: 50 }, gap)).to.equal(4);
      expect(fitCount({ inline: 100, block: 49 }, { inline: 200, block: 50 }, gap)).to.equal(0);
      expect(fitCount({ inline: 0, block: 0 }, { inline: 200, block: 50 }, gap)).to.equal(0);
    });

    it('matches its screenshot baseline (dark, TV scale, 1,000 agents)', async () => {
      await setViewport({ width: 1400, height: 1000 });
      const style = `${themeDeclarations(darkTheme)} background: ${darkTheme['color-background']}; padding: 8px; width: 1300px; height: 820px;`;
      const frame = await fixture<HTMLDivElement>(
        html`<div style=${style}><wb-agent-board fit scale="tv" label="Floor 1000" warn="3" critical="1" silent
          style="height: 100%" .time=${NOW} .agents=${floor(1000)}></wb-agent-board></div>`,
      );
      const el = frame.querySelector('wb-agent-board')!;
      await waitUntil(() => el.shadowRoot!.querySelector('.group li'));
      await document.fonts.ready;
      await visualDiff(frame, 'wb-agent-board-fit-dark-tv');
    });
  });

  it('logs no Lit dev-mode warnings', () => {
    expect(litWarnings()).to.deep.equal([]);
  });
});
