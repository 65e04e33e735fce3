import type { StaffingAdvice } from '@wallboard/metrics';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { ThresholdLevel } from './internal/events.js';
import { formatCount, formatDuration, formatPercent } from './internal/format.js';
import { statusIcon } from './internal/icons.js';
import { WbMeasure } from './internal/measure.js';
import { finiteOrNull } from './internal/store-feed.js';
import { STATUS_WORDS, type Thresholds } from './internal/thresholds.js';
import { staffingStyles } from './staffing.styles.js';

const whole = (n: unknown): number | null => {
  const v = finiteOrNull(n);
  return v === null ? null : Math.max(0, Math.round(v));
};
const fraction = (n: unknown): number | null => {
  const v = finiteOrNull(n);
  return v === null ? null : Math.min(1, Math.max(0, v));
};

/**
 * Agents needed for the SL target (the engine's Erlang advice) against agents staffed, the gap between
 * them, and the service level projected with the agents staffed now, as a `role="meter"` against the
 * target ("72% answered within 20 s, target 80%"). The projection counts abandons against (answered
 * within T over offered), and the legend says so with the model and its inputs.
 *
 * Feed it plain properties, or bind it with `queue` (or `scope`) inside a board: it reads the scope's
 * `advice` (or the path in `metric`). Thresholds apply to the gap, staffed minus needed (negative when
 * short), `direction="below"` with `warn` at 0 by default: one agent short is a warning.
 *
 * @tag wb-staffing
 * @fires wb-threshold-change - The staffing gap crossed into another level.
 * @csspart base - The card.
 * @csspart label - The label text.
 * @csspart status - The status icon and word.
 * @csspart value - Each figure (needed, staffed, gap, projected SL).
 * @csspart plot - The staffed-against-needed bar.
 * @csspart track - The projected-SL meter.
 * @csspart indicator - The fill of the bar and of the meter.
 * @csspart target - The needed mark on the bar and the target mark on the meter.
 * @csspart legend - The model, its inputs and the SL definition.
 * @cssprop --wb-staffing-figure-size - Size of the needed and staffed figures (default 2em).
 * @cssprop --wb-staffing-indicator-color - Fill of the staffed bar (default: the status fill).
 * @cssprop --wb-staffing-meter-color - Fill of the projected-SL meter (default `--wb-color-accent`).
 */
export class WbStaffing extends WbMeasure {
  static override styles = staffingStyles;

  /** Fewest agents that meet the target. */
  @property({ type: Number, attribute: 'agents-needed' }) agentsNeeded: number | null = null;
  /** Agents staffed now (not offline). */
  @property({ type: Number, attribute: 'agents-staffed' }) agentsStaffed: number | null = null;
  /** SL projected with the agents staffed, as a fraction. */
  @property({ type: Number, attribute: 'projected-service-level' }) projectedServiceLevel: number | null =
    null;
  /** SL target as a fraction. */
  @property({ type: Number }) target: number | null = 0.8;
  /** SL threshold T in seconds. */
  @property({ type: Number, attribute: 'threshold-sec' }) thresholdSec: number | null = 20;
  /** Queueing model of the advice: `A` (Erlang A, with patience) or `C`. */
  @property() model?: 'A' | 'C';
  /** Arrival rate the advice is for. */
  @property({ type: Number, attribute: 'calls-per-hour' }) callsPerHour: number | null = null;
  /** Handle time the advice is for. */
  @property({ type: Number, attribute: 'aht-sec' }) ahtSec: number | null = null;
  /** Mean patience of callers (Erlang A). */
  @property({ type: Number, attribute: 'patience-sec' }) patienceSec: number | null = null;

  override label = 'Staffing';
  override direction: 'above' | 'below' = 'below';

  #f = {
    needed: null as number | null,
    staffed: null as number | null,
    projected: null as number | null,
    target: null as number | null,
  };

  protected override boundMetrics(): readonly string[] {
    return this.queue || this.scope || this.metric ? [this.metric || 'advice'] : [];
  }

  protected override storeValue(_metric: string, value: unknown): void {
    const a = (value && typeof value === 'object' ? value : {}) as Partial<StaffingAdvice>;
    this.agentsNeeded = finiteOrNull(a.agentsNeeded);
    this.agentsStaffed = finiteOrNull(a.agentsStaffed);
    this.projectedServiceLevel = finiteOrNull(a.projectedServiceLevel);
    this.callsPerHour = finiteOrNull(a.callsPerHour);
    this.ahtSec = finiteOrNull(a.ahtSec);
    this.patienceSec = finiteOrNull(a.patienceSec);
    this.model = a.model === 'A' || a.model === 'C' ? a.model : undefined;
    if (finiteOrNull(a.target) !== null) this.target = a.target as number;
    if (finiteOrNull(a.thresholdSec) !== null) this.thresholdSec = a.thresholdSec as number;
  }

  protected override derive(_changed: PropertyValues<this>): void {
    this.#f = {
      needed: whole(this.agentsNeeded),
      staffed: whole(this.agentsStaffed),
      projected: fraction(this.projectedServiceLevel),
      target: fraction(this.target),
    };
  }

  /** Staffed minus needed: negative when short. */
  get gap(): number | null {
    const { needed, staffed } = this.#f;
    return needed === null || staffed === null ? null : staffed - needed;
  }

  protected override thresholdValue(): number | null {
    return this.gap;
  }

  protected override thresholdMetric(): string {
    return 'gap';
  }

  protected override thresholds(): Thresholds {
    const own = super.thresholds();
    return { ...own, warn: own.warn ?? (own.direction === 'below' ? 0 : null) };
  }

  protected override contentLevel(): ThresholdLevel | null {
    const level = super.contentLevel();
    if (level !== null) return level;
    return this.#f.staffed !== null || this.#f.projected !== null ? 'ok' : null;
  }

  #gapText(gap: number): string {
    if (gap === 0) return 'as needed';
    return `${formatCount(this.locale, Math.abs(gap))} ${gap < 0 ? 'short' : 'spare'}`;
  }

  protected override valueText(): string {
    const gap = this.gap;
    return gap === null ? STATUS_WORDS.empty : this.#gapText(gap);
  }

  /** "Erlang A, 118 calls/h, AHT 4:00, patience 3:20; 80/20, abandons count against". */
  get legend(): string {
    const l = this.locale;
    const parts: string[] = [];
    if (this.model) parts.push(`Erlang ${this.model}`);
    const rate = finiteOrNull(this.callsPerHour);
    if (rate !== null) parts.push(`${formatCount(l, rate)} calls/h`);
    const aht = finiteOrNull(this.ahtSec);
    if (aht !== null && aht > 0) parts.push(`AHT ${formatDuration(l, aht)}`);
    const patience = finiteOrNull(this.patienceSec);
    if (patience !== null && this.model !== 'C') parts.push(`patience ${formatDuration(l, patience)}`);
    const target = this.#f.target;
    const t = finiteOrNull(this.thresholdSec);
    const pct = target === null ? null : formatCount(l, Math.round(target * 100));
    const secs = t === null ? null : formatCount(l, t);
    const sl = pct && secs ? `${pct}/${secs}, ` : pct ? `${pct}%, ` : secs ? `${secs} s, ` : '';
    const model = parts.length > 0 ? `${parts.join(', ')}; ` : '';
    return `${model}${sl}abandons count against`;
  }

  protected override render() {
    const { needed, staffed, projected, target } = this.#f;
    const l = this.locale;
    const gap = this.gap;
    const dash = html`<span aria-hidden="true">–</span><span class="visually-hidden">no data</span>`;
    const item = (term: string, value: string | null, big = false) =>
      html`<div class=${big ? 'big' : ''}><dt>${term}</dt><dd part="value">${value ?? dash}</dd></div>`;
    return html`
      <div part="base" class="card" role="group" aria-labelledby="label">
        <div class="head">
          <span part="label" id="label">${this.label || this.queue || this.scope || ''}</span>
          <span part="status" class="status">${statusIcon(this.status)}${STATUS_WORDS[this.status]}</span>
        </div>
        <dl>
          ${item('Needed', needed === null ? null : formatCount(l, needed), true)}
          ${item('Staffed', staffed === null ? null : formatCount(l, staffed), true)}
          ${item('Gap', gap === null ? null : this.#gapText(gap))}
        </dl>
        ${needed !== null && staffed !== null && Math.max(needed, staffed) > 0 ? this.#bar(needed, staffed) : nothing}
        ${projected === null ? nothing : this.#meter(projected, target)}
        <div part="legend">${this.legend}</div>
      </div>
    `;
  }

  /** Staffed as a fill, needed as a mark, on a scale with room past the larger of the two. */
  #bar(needed: number, staffed: number) {
    const scale = Math.max(needed, staffed) * 1.15;
    return html`
      <div part="plot" class="bar" aria-hidden="true">
        <div part="indicator" style=${styleMap({ inlineSize: `${(staffed / scale) * 100}%` })}></div>
        <div part="target" style=${styleMap({ insetInlineStart: `${(needed / scale) * 100}%` })}></div>
      </div>
    `;
  }

  #meter(projected: number, target: number | null) {
    const l = this.locale;
    const t = finiteOrNull(this.thresholdSec);
    let text = `${formatPercent(l, projected)} answered`;
    if (t !== null) text += ` within ${formatCount(l, t)} s`;
    if (target !== null) text += `, target ${formatPercent(l, target)}`;
    return html`
      <div class="sl">
        <span id="sl">Projected service level</span>
        <span part="value">${formatPercent(l, projected)}</span>
      </div>
      <div
        part="track"
        class="meter"
        role="meter"
        aria-labelledby="sl"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${Math.round(projected * 100)}
        aria-valuetext=${text}
      >
        <div part="indicator" style=${styleMap({ inlineSize: `${projected * 100}%` })}></div>
        ${target === null ? nothing : html`<div part="target" style=${styleMap({ insetInlineStart: `${target * 100}%` })}></div>`}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-staffing': WbStaffing;
  }
}
