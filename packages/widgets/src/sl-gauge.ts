import { SL_FORMULA_LABELS, type SlFormula, type SlSettings } from '@wallboard/metrics';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { formatCount, formatPercent, percentFormat } from './internal/format.js';
import { statusIcon } from './internal/icons.js';
import { WbMeasure } from './internal/measure.js';
import { finiteOrNull } from './internal/store-feed.js';
import { STATUS_WORDS, type Thresholds } from './internal/thresholds.js';
import { slGaugeStyles } from './sl-gauge.styles.js';

const clampFraction = (n: number | null): number | null => (n === null ? null : Math.min(1, Math.max(0, n)));
const RADIUS = 42;

/**
 * Service level against target on a ring, with the formula and threshold written on it
 * ("80/20, abandons count against"). A `role="meter"` whose `aria-valuetext` reads
 * "82% answered within 20 s, target 80%".
 *
 * Thresholds default to `direction="below"` with `warn` at the target; set `warn`/`critical` to change.
 * Bound to a board with `scope`/`queue` (and optionally `metric`, default `serviceLevel`), it also takes
 * target, threshold and formula from the scope's SL settings.
 *
 * @tag wb-sl-gauge
 * @fires wb-threshold-change - The SL crossed into another level.
 * @csspart base - The card, the meter element.
 * @csspart label - The label text.
 * @csspart plot - The ring's SVG.
 * @csspart track - The ring's background circle.
 * @csspart indicator - The ring's value arc.
 * @csspart target - The target tick on the ring.
 * @csspart value - The number in the middle.
 * @csspart unit - The percent sign.
 * @csspart legend - The "80/20, abandons count against" line.
 * @csspart status - The status icon and word.
 * @cssprop --wb-sl-gauge-size - Ring diameter (default 9em).
 * @cssprop --wb-sl-gauge-track-width - Ring thickness in viewBox units of 100 (default 10).
 * @cssprop --wb-sl-gauge-indicator-color - Arc colour (default: the status fill).
 * @cssprop --wb-sl-gauge-target-color - Target tick colour (default `--wb-color-on-surface`).
 */
export class WbSlGauge extends WbMeasure {
  static override styles = slGaugeStyles;

  /** Service level as a fraction (0.82 is 82%); clamped to 0..1; null shows "No data". */
  @property({ type: Number }) value: number | null = null;

  /** Target as a fraction; clamped to 0..1; null hides the target tick. */
  @property({ type: Number }) target: number | null = 0.8;

  /** SL threshold T in seconds ("answered within T s"). */
  @property({ type: Number, attribute: 'threshold-sec' }) thresholdSec: number | null = 20;

  /** How abandons count, as named by @wallboard/metrics. */
  @property() formula: SlFormula = 'abandons-count-against';

  /** Fraction digits of the percent. */
  @property({ type: Number }) digits = 0;

  override label = 'Service level';
  override direction: 'above' | 'below' = 'below';

  #value: number | null = null;
  #target: number | null = null;
  #thresholdSec: number | null = null;

  protected override boundMetrics(): readonly string[] {
    if (!this.metric && !this.scope && !this.queue) return [];
    return [this.metric || 'serviceLevel', 'sl'];
  }

  protected override storeValue(metric: string, value: unknown): void {
    if (metric === 'sl') {
      const sl = (value as SlSettings | null) ?? this.feed.store?.settings;
      if (!sl) return;
      this.target = sl.slTarget;
      this.thresholdSec = sl.slThresholdSec;
      this.formula = sl.slFormula;
    } else {
      this.value = finiteOrNull(value);
    }
  }

  protected override derive(_changed: PropertyValues<this>): void {
    this.#value = clampFraction(finiteOrNull(this.value));
    this.#target = clampFraction(finiteOrNull(this.target));
    const t = finiteOrNull(this.thresholdSec);
    this.#thresholdSec = t !== null && t >= 0 ? t : null;
  }

  protected override thresholdValue(): number | null {
    return this.#value;
  }

  protected override thresholdMetric(): string {
    return this.metric || 'serviceLevel';
  }

  protected override thresholds(): Thresholds {
    const own = super.thresholds();
    return { ...own, warn: own.warn ?? (own.direction === 'below' ? this.#target : null) };
  }

  protected override valueText(): string {
    return this.#value === null ? STATUS_WORDS.empty : formatPercent(this.locale, this.#value, this.digits);
  }

  /** "80/20, abandons count against". */
  get legend(): string {
    const formula = SL_FORMULA_LABELS[this.formula] ?? String(this.formula);
    const t = this.#thresholdSec;
    const target = this.#target;
    if (target === null) return t === null ? formula : `${formatCount(this.locale, t)} s, ${formula}`;
    const pct = formatCount(this.locale, Math.round(target * 100));
    return t === null ? `${pct}%, ${formula}` : `${pct}/${formatCount(this.locale, t)}, ${formula}`;
  }

  /** "82% answered within 20 s, target 80%", plus the status when it is not ok. */
  get valueTextForAssistiveTech(): string {
    if (this.#value === null) return this.isStale ? 'No data, data is stale' : 'No data';
    const t = this.#thresholdSec;
    let text = `${formatPercent(this.locale, this.#value, this.digits)} answered`;
    if (t !== null) text += ` within ${formatCount(this.locale, t)} s`;
    if (this.#target !== null) text += `, target ${formatPercent(this.locale, this.#target, this.digits)}`;
    if (this.status === 'warning' || this.status === 'critical')
      text += `, ${STATUS_WORDS[this.status].toLowerCase()}`;
    if (this.status === 'stale') text += ', data is stale';
    return text;
  }

  protected override render() {
    const value = this.#value;
    const pct = value === null ? 0 : value * 100;
    const parts = value === null ? [] : percentFormat(this.locale, this.digits).formatToParts(value);
    return html`
      <div
        part="base"
        class="card"
        role="meter"
        aria-labelledby="label"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Number(pct.toFixed(this.digits))}
        aria-valuetext=${this.valueTextForAssistiveTech}
      >
        <div class="head">
          <span part="label" id="label">${this.label}</span>
          <span part="status" class="status">${statusIcon(this.status)}${STATUS_WORDS[this.status]}</span>
        </div>
        <div class="dial">
          <svg part="plot" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
            <circle part="track" cx="50" cy="50" r=${RADIUS} pathLength="100"></circle>
            ${value === null ? nothing : svg`<circle part="indicator" cx="50" cy="50" r=${RADIUS} pathLength="100" stroke-dasharray="${pct} 100"></circle>`}
            ${this.#target === null ? nothing : this.#targetTick(this.#target)}
          </svg>
          <div class="figure">
            ${
              value === null
                ? html`<span part="value">–</span>`
                : parts.map((p) =>
                    p.type === 'percentSign'
                      ? html`<span part="unit">${p.value}</span>`
                      : html`<span part="value">${p.value}</span>`,
                  )
            }
          </div>
        </div>
        <div part="legend">${this.legend}</div>
      </div>
    `;
  }

  #targetTick(target: number) {
    const angle = target * 2 * Math.PI;
    const at = (r: number) => [50 + r * Math.sin(angle), 50 - r * Math.cos(angle)];
    const [x1, y1] = at(RADIUS - 8);
    const [x2, y2] = at(RADIUS + 8);
    return svg`<line part="target" x1=${x1} y1=${y1} x2=${x2} y2=${y2}></line>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-sl-gauge': WbSlGauge;
  }
}
