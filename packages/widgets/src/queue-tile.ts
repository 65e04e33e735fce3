import { SL_FORMULA_LABELS, type SlFormula, type SlSettings } from '@wallboard/metrics';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ThresholdLevel } from './internal/events.js';
import { formatCount, formatDuration, formatPercent } from './internal/format.js';
import { statusIcon } from './internal/icons.js';
import { WbMeasure } from './internal/measure.js';
import { finiteOrNull } from './internal/store-feed.js';
import { STATUS_WORDS, thresholdLevel, worstLevel } from './internal/thresholds.js';
import { queueTileStyles } from './queue-tile.styles.js';

const fraction = (n: unknown): number | null => {
  const v = finiteOrNull(n);
  return v === null ? null : Math.min(1, Math.max(0, v));
};
const nonNegative = (n: unknown): number | null => {
  const v = finiteOrNull(n);
  return v === null ? null : Math.max(0, v);
};

const BOUND = [
  'waiting',
  'longestWaitSec',
  'serviceLevel',
  'agentsByState.available',
  'abandonRate',
  'sl',
] as const;

/**
 * One queue at a glance: calls waiting, longest wait, service level (with a bar against target),
 * agents available and abandon rate. Its status (colour plus icon and word) is the worse of the SL
 * thresholds (`warn`/`critical`, `direction="below"`, `warn` defaulting to the SL target) and the
 * longest-wait thresholds (`wait-warn-sec`/`wait-critical-sec`).
 *
 * Under the SL bar it says which SL it is, as the gauge does: "80/20, abandons count against" (target,
 * `threshold-sec` and `formula`). Bound with `queue` (or `scope`) inside a board, every figure comes from
 * the store, those terms from the scope's SL settings.
 *
 * @tag wb-queue-tile
 * @fires wb-threshold-change - The tile's status crossed into another level; `metric` says which figure crossed (`serviceLevel` or `longestWaitSec`) and `value` is that figure.
 * @csspart base - The card.
 * @csspart label - The queue name.
 * @csspart status - The status icon and word.
 * @csspart value - Each figure.
 * @csspart track - The SL bar's background.
 * @csspart indicator - The SL bar's fill.
 * @csspart target - The target mark on the SL bar.
 * @csspart legend - The SL's terms: "80/20, abandons count against".
 * @cssprop --wb-queue-tile-figure-size - Size of the waiting and longest-wait figures (default 2em).
 * @cssprop --wb-queue-tile-value-size - Size of the other figures: SL, agents available, abandoned (default 1.25em).
 */
export class WbQueueTile extends WbMeasure {
  static override styles = queueTileStyles;

  /** Calls waiting now. */
  @property({ type: Number }) waiting: number | null = null;
  /** Seconds the longest-waiting call has waited. */
  @property({ type: Number, attribute: 'longest-wait-sec' }) longestWaitSec: number | null = null;
  /** Service level as a fraction. */
  @property({ type: Number, attribute: 'service-level' }) serviceLevel: number | null = null;
  /** SL target as a fraction. */
  @property({ type: Number, attribute: 'sl-target' }) slTarget: number | null = 0.8;
  /** SL threshold T in seconds ("answered within T s"), for the SL's terms. */
  @property({ type: Number, attribute: 'threshold-sec' }) thresholdSec: number | null = 20;
  /** How abandons count in the SL, as named by @wallboard/metrics. */
  @property() formula: SlFormula = 'abandons-count-against';
  /** Agents available (idle, ready for a call). */
  @property({ type: Number, attribute: 'agents-available' }) agentsAvailable: number | null = null;
  /** Abandoned / (answered + abandoned), as a fraction. */
  @property({ type: Number, attribute: 'abandon-rate' }) abandonRate: number | null = null;
  /** Longest wait (seconds) beyond which the tile warns. */
  @property({ type: Number, attribute: 'wait-warn-sec' }) waitWarnSec: number | null = null;
  /** Longest wait (seconds) beyond which the tile is critical. */
  @property({ type: Number, attribute: 'wait-critical-sec' }) waitCriticalSec: number | null = null;

  override direction: 'above' | 'below' = 'below';

  /** Which figure set the tile's level at its last change. */
  #crossed: 'serviceLevel' | 'longestWaitSec' = 'serviceLevel';
  /** The SL's, the longest wait's and the tile's levels at the last update (the tile's kept through gaps). */
  #levels = {
    sl: null as ThresholdLevel | null,
    wait: null as ThresholdLevel | null,
    tile: null as ThresholdLevel | null,
  };

  #f = {
    waiting: null as number | null,
    longestWaitSec: null as number | null,
    serviceLevel: null as number | null,
    slTarget: null as number | null,
    agentsAvailable: null as number | null,
    abandonRate: null as number | null,
  };

  protected override boundMetrics(): readonly string[] {
    return this.queue || this.scope ? BOUND : [];
  }

  protected override storeValue(metric: string, value: unknown): void {
    switch (metric) {
      case 'waiting':
        this.waiting = finiteOrNull(value);
        break;
      case 'longestWaitSec':
        this.longestWaitSec = finiteOrNull(value);
        break;
      case 'serviceLevel':
        this.serviceLevel = finiteOrNull(value);
        break;
      case 'agentsByState.available':
        this.agentsAvailable = finiteOrNull(value);
        break;
      case 'abandonRate':
        this.abandonRate = finiteOrNull(value);
        break;
      case 'sl': {
        const sl = (value as SlSettings | null) ?? this.feed.store?.settings;
        if (sl) {
          this.slTarget = sl.slTarget;
          this.thresholdSec = sl.slThresholdSec;
          this.formula = sl.slFormula;
        }
      }
    }
  }

  protected override derive(_changed: PropertyValues<this>): void {
    this.#f = {
      waiting: nonNegative(this.waiting),
      longestWaitSec: nonNegative(this.longestWaitSec),
      serviceLevel: fraction(this.serviceLevel),
      slTarget: fraction(this.slTarget),
      agentsAvailable: nonNegative(this.agentsAvailable),
      abandonRate: fraction(this.abandonRate),
    };
    const own = this.thresholds();
    const sl = thresholdLevel(this.#f.serviceLevel, {
      ...own,
      warn: own.warn ?? (own.direction === 'below' ? this.#f.slTarget : null),
    });
    const wait = thresholdLevel(this.#f.longestWaitSec, {
      warn: finiteOrNull(this.waitWarnSec),
      critical: finiteOrNull(this.waitCriticalSec),
      direction: 'above',
    });
    const level = worstLevel(sl, wait);
    // The figure a crossing is about: the one at the tile's level; when both are, the one that moved
    // (a wait back under its limit with the SL fine all along is the wait's crossing).
    if (level !== null && level !== this.#levels.tile) {
      if (wait === level && (sl !== level || (wait !== this.#levels.wait && sl === this.#levels.sl)))
        this.#crossed = 'longestWaitSec';
      else this.#crossed = sl === level ? 'serviceLevel' : 'longestWaitSec';
    }
    this.#levels = { sl, wait, tile: level ?? this.#levels.tile };
  }

  protected override contentLevel(): ThresholdLevel | null {
    const level = worstLevel(this.#levels.sl, this.#levels.wait);
    if (level !== null) return level;
    // Counts alone (no SL, no wait yet) still mean there is data.
    return this.#f.waiting !== null || this.#f.agentsAvailable !== null || this.#f.abandonRate !== null
      ? 'ok'
      : null;
  }

  /** The figure that set the tile's level last: what `wb-threshold-change` and the announcement name. */
  protected override thresholdMetric(): string {
    return this.#crossed;
  }

  protected override thresholdValue(): number | null {
    return this.#f[this.#crossed] ?? this.#f.serviceLevel ?? this.#f.longestWaitSec;
  }

  protected override valueText(): string {
    const { serviceLevel, longestWaitSec } = this.#f;
    if (this.#crossed === 'longestWaitSec' && longestWaitSec !== null)
      return `longest wait ${formatDuration(this.locale, longestWaitSec, 'long')}`;
    if (serviceLevel !== null) return `service level ${formatPercent(this.locale, serviceLevel)}`;
    return STATUS_WORDS.empty;
  }

  protected override render() {
    const f = this.#f;
    const name = this.label || this.queue || this.scope || 'Queue';
    const dash = html`<span aria-hidden="true">–</span><span class="visually-hidden">no data</span>`;
    // A big figure longer than "12:34" ("1:02:03", "12,345") is set smaller, to the width of one that is not.
    const item = (term: string, value: TemplateResult | string | null, big = '') =>
      html`<div class=${big}><dt>${term}</dt><dd part="value">${value ?? dash}</dd></div>`;
    const bigClass = (text: string | null) => (text !== null && text.length > 5 ? 'big long' : 'big');
    const waitText = f.longestWaitSec === null ? null : formatDuration(this.locale, f.longestWaitSec);
    const waitingText = f.waiting === null ? null : formatCount(this.locale, f.waiting);
    const wait =
      f.longestWaitSec === null
        ? null
        : html`<span aria-hidden="true">${waitText}</span><span class="visually-hidden">${formatDuration(this.locale, f.longestWaitSec, 'long')}</span>`;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label">
        <div class="head">
          <span part="label" id="label">${name}</span>
          <span part="status" class="status">${statusIcon(this.status)}${STATUS_WORDS[this.status]}</span>
        </div>
        <dl>
          ${item('Waiting', waitingText, bigClass(waitingText))}
          ${item('Longest wait', wait, bigClass(waitText))}
          ${item('Service level', f.serviceLevel === null ? null : formatPercent(this.locale, f.serviceLevel))}
          ${item('Agents available', f.agentsAvailable === null ? null : formatCount(this.locale, f.agentsAvailable))}
          ${item('Abandoned', f.abandonRate === null ? null : formatPercent(this.locale, f.abandonRate, 1))}
        </dl>
        ${f.serviceLevel === null ? nothing : this.#slBar(f.serviceLevel, f.slTarget)}
        <p part="legend" class="terms">${this.slTerms}</p>
      </div>
    `;
  }

  /** The SL's terms, as under the gauge: "80/20, abandons count against". */
  get slTerms(): string {
    const formula = SL_FORMULA_LABELS[this.formula] ?? String(this.formula);
    const t = nonNegative(this.thresholdSec);
    const target = this.#f.slTarget;
    const pct = target === null ? null : formatCount(this.locale, Math.round(target * 100));
    if (t === null) return pct === null ? formula : `${pct}%, ${formula}`;
    const secs = formatCount(this.locale, t);
    return pct === null ? `${secs} s, ${formula}` : `${pct}/${secs}, ${formula}`;
  }

  #slBar(sl: number, target: number | null) {
    const text = `${formatPercent(this.locale, sl)}${target === null ? '' : `, target ${formatPercent(this.locale, target)}`}`;
    return html`
      <div
        part="track"
        class="bar"
        role="meter"
        aria-label="Service level"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(sl * 100)}
        aria-valuetext=${text}
      >
        <div part="indicator" style=${styleMap({ inlineSize: `${sl * 100}%` })}></div>
        ${target === null ? nothing : html`<div part="target" style=${styleMap({ insetInlineStart: `${target * 100}%` })}></div>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-queue-tile': WbQueueTile;
  }
}
