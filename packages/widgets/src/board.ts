import { ContextProvider } from '@lit/context';
import type { WallboardStore } from '@wallboard/metrics';
import { css, html, nothing, unsafeCSS } from 'lit';
import { property } from 'lit/decorators.js';
import { WbElement } from './internal/base-element.js';
import { staleContext, storeContext } from './internal/context.js';
import { WbFreshEvent, WbStaleEvent } from './internal/events.js';
import { dateTimeFormat } from './internal/format.js';
import { FreshnessController } from './internal/freshness.js';
import { statusIcon } from './internal/icons.js';
import { baseStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';
import type { BackoffOptions } from './live/backoff.js';
import { feedProblem, type LiveFeedState, LiveFeedStore } from './live/live-feed-store.js';

/** A store that says how its connection is (a `LiveFeedStore`, or anything with the same `state$`). */
interface Subscribable<T> {
  subscribe(next: (v: T) => void): { unsubscribe(): void };
}
interface ConnectedStore extends WallboardStore {
  readonly state$: Subscribable<LiveFeedState>;
  readonly connected$?: Subscribable<boolean>;
  readonly error?: string | null;
}

const hasState = (s: WallboardStore | undefined): s is ConnectedStore =>
  typeof (s as Partial<ConnectedStore> | undefined)?.state$?.subscribe === 'function';

const ATTRIBUTE_NAMES = { src: 'src attribute', transport: 'transport attribute' };

/** What the banner shows, most serious first; null: no banner. */
type Banner = { kind: 'problem' | 'stale'; text: string } | null;

/**
 * The board: gives the widgets inside it one store (a metrics engine or a live feed) through
 * `@lit/context`, lays them out in a responsive grid, and shows a banner when data stops.
 *
 * With `src` (and no `store` property) the board connects to a wallboard server itself: it makes a
 * `LiveFeedStore` over Server-Sent Events (or a WebSocket with `transport="ws"`), gives it to the widgets,
 * and closes it when the board leaves the page or `src`, `token` or `transport` change. The banner says
 * what is wrong: data stale and reconnecting, a refused token ("Not authorised for this board"), or an
 * unusable `src`, which never throws.
 *
 *     <wb-board src="https://wall.example.com/stream" token="floor-2-tv-9f3ab1" transport="ws">
 *       <wb-sl-gauge queue="sales"></wb-sl-gauge>
 *     </wb-board>
 *
 * @tag wb-board
 * @slot - The widgets. `data-span="2"` (or 3, 4) on a child makes it span columns.
 * @fires wb-stale - No snapshot arrived for `staleAfter` seconds (whatever the store: engine or feed).
 * @fires wb-fresh - Snapshots flow again after `wb-stale`.
 * @csspart base - The grid.
 * @csspart label - The board title.
 * @csspart banner - The banner: stale data (and whether it is reconnecting), a refused token, a bad `src`.
 * @cssprop --wb-board-column-min - Narrowest column before the grid drops one (default 16em).
 * @cssprop --wb-board-gap - Space between widgets (default 1em).
 * @cssprop --wb-board-background - Board background (default `--wb-color-background`).
 */
export class WbBoard extends WbElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        --_column-min: var(--wb-board-column-min, 16em);
        --_gap: var(--wb-board-gap, 1em);
        background: var(--wb-board-background, var(--_background));
        padding: var(--_gap);
        container-type: inline-size;
      }
      [part~='label'] {
        margin: 0 0 0.5em;
        font-size: 1.25em;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      [part~='banner'] {
        display: flex;
        align-items: center;
        gap: 0.5em;
        margin-block-end: var(--_gap);
        padding: 0.5em 0.75em;
        border-radius: var(--_radius);
        background: var(--_status-fill);
        color: var(--_status-on);
        font-weight: 700;
      }
      [part~='banner'] svg {
        width: 1.25em;
        height: 1.25em;
        fill: currentColor;
        flex: none;
      }
      :host(:state(stale)) {
        --_status-fill: ${unsafeCSS(tokenVar('status-stale-fill'))};
        --_status-on: ${unsafeCSS(tokenVar('status-stale-on'))};
      }
      :host(:state(unauthorized)),
      :host(:state(invalid)) {
        --_status-fill: ${unsafeCSS(tokenVar('status-critical-fill'))};
        --_status-on: ${unsafeCSS(tokenVar('status-critical-on'))};
      }
      [part~='base'] {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_column-min)), 1fr));
        gap: var(--_gap);
        align-items: stretch;
      }
      ::slotted([data-span='2']) {
        grid-column: span 2;
      }
      ::slotted([data-span='3']) {
        grid-column: span 3;
      }
      ::slotted([data-span='4']) {
        grid-column: span 4;
      }
      @container (max-width: 40em) {
        ::slotted([data-span]) {
          grid-column: auto;
        }
      }
      @media (forced-colors: active) {
        [part~='banner'] {
          border: 2px solid CanvasText;
        }
      }
    `,
  ];

  /** The data source the widgets inside read from: a metrics engine or anything implementing `WallboardStore`. Set, it wins over `src`. */
  @property({ attribute: false }) store?: WallboardStore;

  /**
   * A wallboard server's stream (`https://host/stream`; relative to the page, or a `ws(s):` URL): the
   * board connects to it when no `store` is set. An unusable address is shown on the board, never thrown.
   */
  @property() src?: string;

  /** Read-only token of the feed (sent as `?token=`); a refused one shows "Not authorised for this board". */
  @property() token?: string;

  /** How to reach `src`: `sse` (Server-Sent Events, default) or `ws` (WebSocket, on the server's `/ws`). */
  @property() transport: 'sse' | 'ws' = 'sse';

  /** Reconnect delays of the feed made from `src` (property only; applies from the next connection). */
  @property({ attribute: false }) backoff?: BackoffOptions;

  /** Alias of `store`, for handing the board a metrics engine. */
  get engine(): WallboardStore | undefined {
    return this.store;
  }
  set engine(engine: WallboardStore | undefined) {
    this.store = engine;
  }

  /** Board title, rendered as text (none when empty). */
  @property() label = '';

  /** Seconds without a snapshot after which the data counts as stale. */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = 10;

  /** Locale of the time in the stale banner. */
  @property() locale?: string;

  /** Whether data is stale now (read-only in effect: the board sets it). */
  get stale(): boolean {
    return this.#freshness.stale;
  }

  /** The live feed the board made from `src` (null without `src`, with a `store`, or while disconnected). */
  get feed(): LiveFeedStore | null {
    return this.#feed?.store ?? null;
  }

  /** The connection state of the store when it has one (`LiveFeedStore.state`), `error` for a bad `src`. */
  get feedState(): LiveFeedState | null {
    if (this.#srcProblem) return 'error';
    return this.#connection;
  }

  #feed: { key: string; store: LiveFeedStore } | undefined;
  #srcProblem: string | null = null;
  #connection: LiveFeedState | null = null;
  #connectionError: string | null = null;
  #watched: WallboardStore | undefined;
  #connected = false;
  #stateSubscriptions: Array<{ unsubscribe(): void }> = [];
  #closing: LiveFeedStore | undefined;

  readonly #storeProvider = new ContextProvider(this, { context: storeContext, initialValue: undefined });
  readonly #staleProvider = new ContextProvider(this, { context: staleContext, initialValue: false });
  readonly #freshness = new FreshnessController(this, (stale) => {
    this.#staleProvider.setValue(stale);
    this.setExclusiveState(['stale'], stale ? 'stale' : null);
    this.emit(stale ? new WbStaleEvent(this.#freshness.lastSnapshotAt) : new WbFreshEvent());
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the same task (removed, then inserted elsewhere): the feed carries on.
    this.#closing = undefined;
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Off the page the board holds nothing: no subscription to the store, and its feed closed.
    this.#watchConnection(undefined);
    this.#watched = undefined;
    const feed = this.#feed;
    if (!feed) return;
    this.#closing = feed.store;
    queueMicrotask(() => {
      if (this.#closing !== feed.store || this.isConnected) return;
      this.#closing = undefined;
      if (this.#feed === feed) this.#dropFeed();
    });
  }

  protected override willUpdate(): void {
    this.#sync();
  }

  /** Makes, replaces or closes the feed for `src`/`token`/`transport`, and provides the store in use. */
  #sync(): void {
    const wantsFeed = this.store === undefined && this.src != null;
    this.#srcProblem = wantsFeed ? feedProblem(this.src, this.transport ?? 'sse', ATTRIBUTE_NAMES) : null;
    const key = JSON.stringify([this.src, this.token || null, this.transport ?? 'sse']);
    if (this.#feed && (!wantsFeed || this.#srcProblem || this.#feed.key !== key)) this.#dropFeed();
    if (!this.isConnected) return;
    if (wantsFeed && !this.#srcProblem && !this.#feed) {
      const store = new LiveFeedStore({
        src: this.src as string,
        token: this.token || undefined,
        transport: this.transport === 'ws' ? 'ws' : 'sse',
        staleAfterMs: this.staleAfter * 1000,
        backoff: this.backoff,
      });
      this.#feed = { key, store };
    }
    if (this.#feed) this.#feed.store.staleAfterMs = this.staleAfter * 1000;
    const active = this.store ?? this.#feed?.store;
    if (active !== this.#watched) {
      this.#watched = active;
      this.#storeProvider.setValue(active);
      this.#watchConnection(active);
    }
    this.#freshness.watch(active, this.staleAfter * 1000);
    this.#setStates();
  }

  #dropFeed(): void {
    const feed = this.#feed;
    this.#feed = undefined;
    feed?.store.close();
  }

  #watchConnection(store: WallboardStore | undefined): void {
    for (const s of this.#stateSubscriptions) s.unsubscribe();
    this.#stateSubscriptions = [];
    this.#connection = null;
    this.#connectionError = null;
    this.#connected = false;
    if (!hasState(store)) return;
    this.#stateSubscriptions.push(
      store.state$.subscribe((state) => {
        this.#connection = state;
        this.#connectionError = store.error ?? null;
        this.#setStates();
        this.requestUpdate();
      }),
    );
    if (store.connected$)
      this.#stateSubscriptions.push(
        store.connected$.subscribe((connected) => {
          this.#connected = connected;
          this.requestUpdate();
        }),
      );
  }

  #setStates(): void {
    const problem = this.#srcProblem
      ? 'invalid'
      : this.#connection === 'unauthorized'
        ? 'unauthorized'
        : null;
    this.setExclusiveState(['unauthorized', 'invalid'], problem);
  }

  protected override render() {
    const banner = this.#banner();
    return html`
      ${this.label ? html`<div part="label">${this.label}</div>` : nothing}
      ${
        banner
          ? html`<div part="banner" role="status">${statusIcon(banner.kind === 'problem' ? 'critical' : 'stale')}<span>${banner.text}</span></div>`
          : nothing
      }
      <div part="base"><slot></slot></div>
    `;
  }

  #banner(): Banner {
    if (this.#srcProblem)
      return { kind: 'problem', text: `This board cannot connect: the ${this.#srcProblem}.` };
    if (this.#connection === 'unauthorized')
      return {
        kind: 'problem',
        text: `Not authorised for this board: ${this.#connectionError ?? 'the server refused the token'}. Check the token attribute.`,
      };
    if (!this.#freshness.stale) return null;
    const last = this.#freshness.lastSnapshotAt;
    const since = `no data for ${this.staleAfter} s`;
    const reconnecting = this.#connection !== 'live' && !this.#connected;
    let text: string;
    if (last === null) text = 'Data is stale: no update received yet';
    else {
      // Wall-clock time of the viewer: when the feed stopped, not the engine's (possibly simulated) time.
      const time = dateTimeFormat(this.locale, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(last);
      text = `Data is stale: last update at ${time}`;
    }
    if (this.#connection === null) return { kind: 'stale', text };
    return {
      kind: 'stale',
      text: `${text} (${since}). ${reconnecting ? 'Reconnecting…' : 'Connected, waiting for data.'}`,
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-board': WbBoard;
  }
}
