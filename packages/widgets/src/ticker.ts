import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ThresholdLevel } from './internal/events.js';
import { statusIcon } from './internal/icons.js';
import { STATUS_WORDS } from './internal/thresholds.js';
import { WbWidget } from './internal/widget.js';
import { tickerStyles } from './ticker.styles.js';

export interface TickerMessage {
  text: string;
  /** Marks a message with an icon and word (never colour alone). */
  level?: 'info' | 'warning' | 'critical';
}

/** Accepts plain strings and `{ text, level }`; drops anything else (a feed may send junk). */
function normalise(messages: unknown): TickerMessage[] {
  if (!Array.isArray(messages)) return [];
  const out: TickerMessage[] = [];
  for (const m of messages) {
    if (typeof m === 'string') {
      if (m.trim()) out.push({ text: m });
    } else if (m && typeof m === 'object' && typeof (m as TickerMessage).text === 'string') {
      const { text, level } = m as TickerMessage;
      out.push({ text, level: level === 'warning' || level === 'critical' ? level : 'info' });
    }
  }
  return out;
}

/**
 * Announcements for the floor, scrolling across the screen; a static list under
 * `prefers-reduced-motion: reduce` or with `static`. Hover or keyboard focus pauses the scroll.
 * Bound with `metric`, the messages come from the store (an array of strings or `{ text, level }`).
 *
 * @tag wb-ticker
 * @csspart base - The region.
 * @csspart label - The label text.
 * @csspart track - The moving strip.
 * @csspart value - Each message.
 * @cssprop --wb-ticker-gap - Space between messages (default 3em).
 */
export class WbTicker extends WbWidget {
  static override styles = tickerStyles;

  /** The messages: strings or `{ text, level }`. Property only. */
  @property({ attribute: false }) messages: ReadonlyArray<string | TickerMessage> = [];

  /** Never scroll: show the messages as a static list (attribute `static`). */
  @property({ type: Boolean, reflect: true, attribute: 'static' }) staticList = false;

  /** Scroll speed in em per second. */
  @property({ type: Number }) speed = 5;

  override label = 'Announcements';

  #messages: TickerMessage[] = [];

  protected override storeValue(_metric: string, value: unknown): void {
    this.messages = Array.isArray(value) ? value : [];
  }

  protected override derive(_changed: PropertyValues<this>): void {
    this.#messages = normalise(this.messages);
  }

  protected override contentLevel(): ThresholdLevel | null {
    return this.#messages.length > 0 ? 'ok' : null;
  }

  protected override render() {
    const messages = this.#messages;
    const chars = messages.reduce((n, m) => n + m.text.length, 0) + messages.length * 6;
    const speed = Number.isFinite(this.speed) && this.speed > 0 ? this.speed : 5;
    // Roughly 0.55em per character: the strip takes chars * 0.55 / speed seconds to pass.
    const duration = `${Math.max(8, (chars * 0.55) / speed).toFixed(1)}s`;
    const list = (hidden: boolean) => html`
      <ul class="list" aria-hidden=${hidden ? 'true' : nothing}>
        ${messages.map(
          (m) => html`<li part="value" class=${m.level ?? 'info'}>
            ${m.level === 'warning' || m.level === 'critical' ? html`<span class="badge">${statusIcon(m.level)}${STATUS_WORDS[m.level]}</span>` : nothing}
            <span>${m.text}</span>
          </li>`,
        )}
      </ul>
    `;
    return html`
      <div part="base" class="card" role="region" aria-labelledby="label" tabindex=${messages.length ? '0' : nothing}>
        <span part="label" id="label">${this.label}</span>
        <div class="viewport">
          ${
            messages.length === 0
              ? html`<span class="empty">${STATUS_WORDS.empty}</span>`
              : html`<div part="track" class="track" style=${styleMap({ '--_duration': duration })}>${list(false)}${list(true)}</div>`
          }
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-ticker': WbTicker;
  }
}
