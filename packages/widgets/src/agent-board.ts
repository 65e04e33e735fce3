import type { AgentStateName } from '@wallboard/metrics';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { AgentFitController, fitColumns } from './agent-board.fit.js';
import { agentBoardStyles } from './agent-board.styles.js';
import type { ThresholdLevel } from './internal/events.js';
import { formatCount, formatDuration } from './internal/format.js';
import { statusIcon } from './internal/icons.js';
import { WbMeasure } from './internal/measure.js';
import { finiteOrNull, SNAPSHOT_TIME } from './internal/store-feed.js';
import { STATUS_WORDS } from './internal/thresholds.js';
import { TickController } from './internal/tick.js';

/** One agent, as an app or the console feeds it (the engine's snapshot has counts only). */
export interface AgentRow {
  id: string;
  name: string;
  state: AgentStateName;
  /** Epoch ms the agent entered `state`. */
  since: number;
  team?: string;
  partner?: string;
  queues?: readonly string[];
}

interface Row {
  id: string;
  name: string;
  team: string;
  since: number | null;
}

/** Group order on the board: ready agents first, then the states that keep agents from the phones. */
export const AGENT_STATE_ORDER: readonly AgentStateName[] = [
  'available',
  'on-call',
  'acw',
  'break',
  'other',
  'offline',
];

export const AGENT_STATE_WORDS: Readonly<Record<AgentStateName, string>> = {
  available: 'Available',
  'on-call': 'On call',
  acw: 'After-call work',
  break: 'Break',
  other: 'Other',
  offline: 'Offline',
};

type Counts = Record<AgentStateName, number>;

const zeroCounts = (): Counts => ({ available: 0, 'on-call': 0, acw: 0, break: 0, other: 0, offline: 0 });

const isState = (s: unknown): s is AgentStateName =>
  typeof s === 'string' && Object.hasOwn(AGENT_STATE_WORDS, s);

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Agents by state: a count per state with a bar of the mix, and each agent (name, team, time in state)
 * in a group per state, longest in state first. State is a colour plus its word. Offline agents are
 * counted but listed only with `show-offline`.
 *
 * Feed it `agents` (property only). Bound with `queue`/`scope` inside a board it reads the counts
 * (`agentsByState`); the engine has no per-agent rows, so the list still comes from `agents`, or from
 * the store when `metric` names a path that holds rows. Time in state uses the engine's time inside a
 * board (simulated under the simulator), else the wall clock, ticking once a second.
 *
 * Thresholds apply to the number of agents available, `direction="below"` by default: with
 * `warn="3" critical="1"` it warns under 3 available and is critical at none.
 * Each state lists its `group-limit` longest-in-state agents (40) and a "Show all" button for the rest;
 * rows are plain elements in its shadow root (no virtual list), and rows scrolled out of view skip layout and paint (`content-visibility`).
 *
 * With `fit` (for a wall screen: nothing to scroll or press) the board fills the height it is given
 * (its grid cell, or a `block-size` you set; without one the list is `--wb-agent-board-max-height`
 * high) and gives every state with agents a column of its own, side by side like a kanban, wrapping
 * into rows that share the height when the columns would be narrower than `--wb-agent-board-row-min`.
 * Each column lists as many of its longest-in-state agents as fit, measured with a ResizeObserver
 * (only when the board's size or type changes, never per tick), and says "+312 more" as plain text
 * for the rest.
 *
 * @tag wb-agent-board
 * @fires wb-threshold-change - The number of agents available crossed into another level.
 * @csspart base - The card.
 * @csspart label - The label text.
 * @csspart status - The status icon and word.
 * @csspart legend - The counts per state.
 * @csspart value - Each count.
 * @csspart plot - The bar of the state mix of agents logged in.
 * @csspart indicator - Each state's share of the bar.
 * @cssprop --wb-agent-board-max-height - Height of the scrolling list (default 24em); with `fit`, of the columns when the board has no height of its own.
 * @cssprop --wb-agent-board-row-min - Narrowest agent tile (default 11em).
 * @cssprop --wb-agent-board-available-color - Available (default `--wb-status-ok-fill`).
 * @cssprop --wb-agent-board-on-call-color - On call (default `--wb-color-accent`).
 * @cssprop --wb-agent-board-acw-color - After-call work (default `--wb-color-on-surface-muted`).
 * @cssprop --wb-agent-board-break-color - Break (default `--wb-status-warning-fill`).
 * @cssprop --wb-agent-board-other-color - Other (default `--wb-color-track`).
 * @cssprop --wb-agent-board-offline-color - Offline (default `--wb-status-empty-fill`).
 */
export class WbAgentBoard extends WbMeasure {
  static override styles = agentBoardStyles;

  /** The agents: `{ id, name, state, since, team?, partner?, queues? }`. Property only. */
  @property({ attribute: false }) agents: readonly AgentRow[] = [];

  /** Agents per state, used when there are no `agents` rows (a board binds `agentsByState`). Property only. */
  @property({ attribute: false }) counts: Partial<Counts> | null = null;

  /** A fixed time (epoch ms) to measure time in state from, instead of the engine or wall clock. */
  @property({ type: Number }) time: number | null = null;

  /** Measure time in state with the wall clock even inside a board. */
  @property({ type: Boolean, attribute: 'wall-clock' }) wallClock = false;

  /** List offline agents too. */
  @property({ type: Boolean, attribute: 'show-offline' }) showOffline = false;

  /** Agents listed per state before a "Show all" button (the longest in state first); 0 lists all. Not used with `fit`. */
  @property({ type: Number, attribute: 'group-limit' }) groupLimit = 40;

  /**
   * Fit to the space: a column per state with agents, each listing as many of its longest-in-state
   * agents as fit and "+N more" as text for the rest, with no scrolling and no buttons (a kiosk TV).
   */
  @property({ type: Boolean, reflect: true }) fit = false;

  override label = 'Agents';
  override direction: 'above' | 'below' = 'below';

  readonly #tick = new TickController(this, 1000);
  readonly #fit = new AgentFitController(this);
  #engineTime: number | null = null;
  #shown = 0;
  #groups: Array<[AgentStateName, Row[]]> = [];
  #rowCounts: Counts | null = null;
  #counts: Counts | null = null;
  #expanded = new Set<AgentStateName>();
  #durations = new Map<number, string>();
  #durationsLocale: string | undefined;

  protected override boundMetrics(): readonly string[] {
    const metrics: string[] = [];
    if (this.queue || this.scope) metrics.push('agentsByState');
    if (this.metric) metrics.push(this.metric);
    if (metrics.length > 0 && !this.wallClock && this.time === null) metrics.push(SNAPSHOT_TIME);
    return metrics;
  }

  protected override storeValue(metric: string, value: unknown): void {
    if (metric === SNAPSHOT_TIME) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return;
      this.#engineTime = value;
      // Ten snapshots a second: redraw only when the shown second changes.
      if (Math.floor(value / 1000) !== Math.floor(this.#shown / 1000)) this.requestUpdate();
    } else if (metric === 'agentsByState') {
      const next = value && typeof value === 'object' ? (value as Counts) : null;
      const prev = this.counts;
      // Every snapshot has a new object: keep the old one while the numbers are the same.
      if (!next || !prev || AGENT_STATE_ORDER.some((s) => next[s] !== prev[s])) this.counts = next;
    } else {
      this.agents = Array.isArray(value) ? value : [];
    }
  }

  protected override derive(changed: PropertyValues<this>): void {
    if (changed.has('agents') || changed.has('showOffline')) this.#group();
    this.#counts = this.#rowCounts ?? this.#boundCounts();
    const engineTime = this.isBound && !this.wallClock && this.#engineTime !== null;
    this.#tick.set(this.#groups.length > 0 && this.time === null && !engineTime, 1000);
    this.#shown = this.#now();
  }

  #now(): number {
    if (this.time !== null && Number.isFinite(this.time)) return this.time;
    if (this.isBound && !this.wallClock && this.#engineTime !== null) return this.#engineTime;
    return Date.now();
  }

  /** Sorts the rows into state groups, longest in state first (then by name), and counts them. */
  #group(): void {
    const byState = new Map<AgentStateName, Row[]>(AGENT_STATE_ORDER.map((s) => [s, []]));
    const counts = zeroCounts();
    let rows = 0;
    const agents: readonly unknown[] = Array.isArray(this.agents) ? this.agents : [];
    for (const item of agents) {
      if (!item || typeof item !== 'object') continue;
      const a = item as Partial<AgentRow>;
      const id = text(a.id);
      const name = text(a.name) || id;
      if (!name) continue;
      const state = isState(a.state) ? a.state : 'other';
      counts[state]++;
      rows++;
      if (state === 'offline' && !this.showOffline) continue;
      byState.get(state)?.push({ id, name, team: text(a.team), since: finiteOrNull(a.since) });
    }
    for (const list of byState.values())
      list.sort((x, y) => (x.since ?? Infinity) - (y.since ?? Infinity) || x.name.localeCompare(y.name));
    this.#groups = [...byState].filter(([, list]) => list.length > 0);
    this.#rowCounts = rows > 0 ? counts : null;
  }

  /** The `counts` property, cleaned (a feed may send junk), or null without one. */
  #boundCounts(): Counts | null {
    if (!this.counts || typeof this.counts !== 'object') return null;
    const counts = zeroCounts();
    for (const s of AGENT_STATE_ORDER) counts[s] = Math.max(0, finiteOrNull(this.counts[s]) ?? 0);
    return counts;
  }

  protected override thresholdValue(): number | null {
    return this.#counts ? this.#counts.available : null;
  }

  protected override thresholdMetric(): string {
    return 'agentsByState.available';
  }

  protected override contentLevel(): ThresholdLevel | null {
    if (!this.#counts) return null;
    return super.contentLevel() ?? 'ok';
  }

  protected override valueText(): string {
    return this.#counts
      ? `${formatCount(this.locale, this.#counts.available)} available`
      : STATUS_WORDS.empty;
  }

  protected override render() {
    const counts = this.#counts;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label">
        <div class="head">
          <span part="label" id="label">${this.label}</span>
          <span part="status" class="status">${statusIcon(this.status)}${STATUS_WORDS[this.status]}</span>
        </div>
        ${counts ? this.#summary(counts) : html`<div class="nodata">No agents</div>`}
        ${this.#groups.length === 0 ? nothing : this.fit ? this.#columns() : this.#list()}
      </div>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const root = this.shadowRoot;
    this.#fit.watch(
      this.fit ? (root?.querySelector('.group ul') ?? null) : null,
      this.fit ? (root?.querySelector('.ruler') ?? null) : null,
    );
  }

  #summary(counts: Counts) {
    return html`
      <ul part="legend" class="counts" aria-label="Agents by state">
        ${AGENT_STATE_ORDER.map(
          (s) =>
            html`<li class="s-${s}"><i class="dot"></i>${AGENT_STATE_WORDS[s]} <span part="value">${formatCount(this.locale, counts[s])}</span></li>`,
        )}
      </ul>
      <div part="plot" class="mix" aria-hidden="true">
        ${AGENT_STATE_ORDER.map((s) =>
          counts[s] > 0 && s !== 'offline'
            ? html`<i part="indicator" class="s-${s}" style=${styleMap({ flexGrow: String(counts[s]) })}></i>`
            : nothing,
        )}
      </div>
    `;
  }

  /** "m:ss" per whole second, remembered: every second, 500 agents would otherwise format 500 durations. */
  #duration(seconds: number): string {
    const whole = Math.max(0, Math.round(seconds));
    if (this.#durationsLocale !== this.locale || this.#durations.size > 20_000) {
      this.#durations.clear();
      this.#durationsLocale = this.locale;
    }
    let text = this.#durations.get(whole);
    if (text === undefined) {
      text = formatDuration(this.locale, whole);
      this.#durations.set(whole, text);
    }
    return text;
  }

  #row(r: Row, now: number) {
    return html`<li><span class="name">${r.name}</span><span class="team">${r.team}</span><span class="time">${r.since === null ? '–' : this.#duration((now - r.since) / 1000)}</span></li>`;
  }

  /**
   * The list's landmark name, after the widget's label: a page with several boards (one per team) then
   * has landmarks a screen-reader user can tell apart (axe: landmark-unique).
   */
  get #regionName(): string {
    return `${this.label || 'Agents'}, by state, longest in state first`;
  }

  /** `fit`: a column per state, as many rows as fit (none until measured), the rest counted. */
  #columns() {
    const now = this.#shown;
    const fits = this.#fit.capacity;
    return html`
      <div class="rows" role="region" aria-label=${this.#regionName}>
        <i class="ruler" aria-hidden="true"></i>
        ${this.#groups.map(([state, rows]) => {
          const shown = fits === null ? 0 : Math.min(fits, rows.length);
          const rest = fits === null ? 0 : rows.length - shown;
          const columns = fitColumns(shown, this.#fit.grid);
          return html`
            <div class="group s-${state}">
              <div class="group-head" id="g-${state}">
                <i class="dot"></i><span class="group-word">${AGENT_STATE_WORDS[state]}</span>
                <span class="group-count">${formatCount(this.locale, rows.length)}</span>
              </div>
              <ul aria-labelledby="g-${state}" style=${styleMap({ '--_columns': String(columns) })}>
                ${rows.slice(0, shown).map((r) => this.#row(r, now))}
              </ul>
              <p class="rest">${rest > 0 ? `+${formatCount(this.locale, rest)} more` : ''}</p>
            </div>
          `;
        })}
      </div>
    `;
  }

  #list() {
    const now = this.#shown;
    const limit =
      Number.isFinite(this.groupLimit) && this.groupLimit > 0 ? Math.floor(this.groupLimit) : Infinity;
    return html`
      <div class="rows" role="region" aria-label=${this.#regionName} tabindex="0">
        ${this.#groups.map(([state, rows]) => {
          const open = this.#expanded.has(state);
          const shown = open ? rows : rows.slice(0, limit);
          return html`
            <div class="group s-${state}">
              <div class="group-head" id="g-${state}"><i class="dot"></i>${AGENT_STATE_WORDS[state]}</div>
              <ul aria-labelledby="g-${state}">
                ${shown.map((r) => this.#row(r, now))}
              </ul>
              ${
                rows.length > limit
                  ? html`<button class="more" aria-expanded=${open ? 'true' : 'false'} @click=${() => this.#toggle(state)}>
                      ${open ? 'Show fewer' : `Show all ${formatCount(this.locale, rows.length)}`}
                    </button>`
                  : nothing
              }
            </div>
          `;
        })}
      </div>
    `;
  }

  /** Lists all agents of a state, or only the first `groupLimit` again. */
  #toggle(state: AgentStateName): void {
    if (!this.#expanded.delete(state)) this.#expanded.add(state);
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-agent-board': WbAgentBoard;
  }
}
