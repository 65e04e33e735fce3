import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { dateTimeFormat, isValidTimeZone } from './internal/format.js';
import { SNAPSHOT_TIME } from './internal/store-feed.js';
import { baseStyles, cardStyles } from './internal/styles.js';
import { TickController } from './internal/tick.js';
import { WbWidget } from './internal/widget.js';

const warnedZones = new Set<string>();

/**
 * The center's time in its time zone. Inside a board it follows the engine's time (simulated time under
 * the simulator) and the store's time zone; alone it ticks with the wall clock. A fixed `time` wins over both.
 *
 * @tag wb-clock
 * @csspart base - The card.
 * @csspart label - The label text.
 * @csspart value - The time.
 * @csspart unit - The time-zone name.
 * @csspart legend - The date line (with `date`).
 * @cssprop --wb-clock-value-size - Size of the time (default 2.75em).
 */
export class WbClock extends WbWidget {
  static override styles = [
    baseStyles,
    cardStyles,
    css`
      :host {
        --_value-size: var(--wb-clock-value-size, 2.75em);
      }
      .row {
        display: flex;
        align-items: baseline;
        flex-wrap: wrap;
        gap: 0.4em;
      }
      [part~='value'] {
        font-size: var(--_value-size);
        font-weight: 700;
        line-height: 1.1;
      }
      [part~='unit'],
      [part~='legend'] {
        color: var(--_muted);
        font-size: 0.9em;
      }
    `,
  ];

  /** IANA time zone (`Europe/Berlin`). Unset: the board's store time zone, else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /** A fixed time to show (epoch ms), instead of the engine or wall clock. */
  @property({ type: Number }) time: number | null = null;

  /** Show seconds. */
  @property({ type: Boolean }) seconds = false;

  /** Show the date under the time. */
  @property({ type: Boolean }) date = false;

  /** Follow the wall clock even inside a board. */
  @property({ type: Boolean, attribute: 'wall-clock' }) wallClock = false;

  override label = 'Time';

  readonly #tick = new TickController(this, 60_000);
  #engineTime: number | null = null;
  #shown = 0;

  protected override boundMetrics(): readonly string[] {
    return this.wallClock || this.time !== null ? [] : [SNAPSHOT_TIME];
  }

  protected override storeValue(_metric: string, value: unknown): void {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    this.#engineTime = value;
    // Snapshots may come ten times a second; re-render only when the shown time changes.
    if (Math.floor(value / this.#period) !== Math.floor(this.#shown / this.#period)) this.requestUpdate();
  }

  get #period(): number {
    return this.seconds ? 1000 : 60_000;
  }

  /** The epoch ms shown now. */
  get shownTime(): number {
    if (this.time !== null && Number.isFinite(this.time)) return this.time;
    if (this.isBound && this.#engineTime !== null) return this.#engineTime;
    return Date.now();
  }

  /** The time zone in use, after validation. Undefined means the browser's. */
  get resolvedTimeZone(): string | undefined {
    const zone = this.timeZone || this.feed.store?.settings.timeZone;
    if (!zone) return undefined;
    if (isValidTimeZone(zone)) return zone;
    if (!warnedZones.has(zone)) {
      warnedZones.add(zone);
      console.warn(`wb-clock: unknown time zone "${zone}"; showing the browser's local time.`);
    }
    return undefined;
  }

  protected override derive(_changed: PropertyValues<this>): void {
    const ticking = this.time === null && !(this.isBound && this.#engineTime !== null);
    this.#tick.set(ticking, this.#period);
    this.#shown = this.shownTime;
  }

  protected override render() {
    const t = this.#shown;
    const timeZone = this.resolvedTimeZone;
    const time = dateTimeFormat(this.locale, {
      hour: '2-digit',
      minute: '2-digit',
      second: this.seconds ? '2-digit' : undefined,
      timeZone,
    }).format(t);
    const zoneName =
      dateTimeFormat(this.locale, { timeZoneName: 'short', timeZone })
        .formatToParts(t)
        .find((p) => p.type === 'timeZoneName')?.value ?? '';
    const date = this.date ? dateTimeFormat(this.locale, { dateStyle: 'full', timeZone }).format(t) : '';
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label">
        <span part="label" id="label">${this.label}</span>
        <div class="row">
          <time part="value" datetime=${new Date(t).toISOString()}>${time}</time>
          <span part="unit">${zoneName}</span>
        </div>
        ${this.date ? html`<div part="legend">${date}</div>` : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-clock': WbClock;
  }
}
