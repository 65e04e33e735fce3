import { ContextProvider } from '@lit/context';
import type { WallboardStore } from '@wallboard/metrics';
import { css, html, nothing, type PropertyValues, unsafeCSS } from 'lit';
import { property } from 'lit/decorators.js';
import { WbElement } from './internal/base-element.js';
import { staleContext, storeContext } from './internal/context.js';
import { WbFreshEvent, WbStaleEvent } from './internal/events.js';
import { dateTimeFormat } from './internal/format.js';
import { FreshnessController } from './internal/freshness.js';
import { statusIcon } from './internal/icons.js';
import { baseStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';

/**
 * The board: gives the widgets inside it one store (a metrics engine or a live feed) through
 * `@lit/context`, lays them out in a responsive grid, and shows a banner when data stops.
 *
 * @tag wb-board
 * @slot - The widgets. `data-span="2"` (or 3, 4) on a child makes it span columns.
 * @fires wb-stale - No snapshot arrived for `staleAfter` seconds.
 * @fires wb-fresh - Snapshots flow again after `wb-stale`.
 * @csspart base - The grid.
 * @csspart label - The board title.
 * @csspart banner - The stale-data banner.
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

  /** The data source the widgets inside read from: a metrics engine or anything implementing `WallboardStore`. */
  @property({ attribute: false }) store?: WallboardStore;

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

  readonly #storeProvider = new ContextProvider(this, { context: storeContext, initialValue: undefined });
  readonly #staleProvider = new ContextProvider(this, { context: staleContext, initialValue: false });
  readonly #freshness = new FreshnessController(this, (stale) => {
    this.#staleProvider.setValue(stale);
    this.setExclusiveState(['stale'], stale ? 'stale' : null);
    this.emit(stale ? new WbStaleEvent(this.#freshness.lastSnapshotAt) : new WbFreshEvent());
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store')) this.#storeProvider.setValue(this.store);
    this.#freshness.watch(this.store, this.staleAfter * 1000);
  }

  protected override render() {
    return html`
      ${this.label ? html`<div part="label">${this.label}</div>` : nothing}
      ${this.#freshness.stale ? html`<div part="banner" role="status">${statusIcon('stale')}<span>${this.#bannerText()}</span></div>` : nothing}
      <div part="base"><slot></slot></div>
    `;
  }

  #bannerText(): string {
    const last = this.#freshness.lastSnapshotAt;
    if (last === null) return 'Data is stale: no update received yet';
    // Wall-clock time of the viewer: when the feed stopped, not the engine's (possibly simulated) time.
    const time = dateTimeFormat(this.locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(last);
    return `Data is stale: last update at ${time}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-board': WbBoard;
  }
}
