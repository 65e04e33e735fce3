import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { resolveZone, timeLabel } from './internal/chart.js';
import { formatCount, formatDuration, formatPercent, percentFormat } from './internal/format.js';
import { statusIcon } from './internal/icons.js';
import { WbMeasure } from './internal/measure.js';
import { finiteOrNull } from './internal/store-feed.js';
import { STATUS_WORDS } from './internal/thresholds.js';
import { metricStyles } from './metric.styles.js';

export type MetricFormat = 'count' | 'percent' | 'duration';

const PERCENT_METRICS = new Set(['serviceLevel', 'abandonRate', 'occupancy', 'csat']);

/** The format a metric key implies: `...Sec` is a duration, SL and rates are percents, the rest counts. */
export function inferFormat(metric: string | undefined): MetricFormat {
  const key = metric?.split('.').pop() ?? '';
  if (key.endsWith('Sec')) return 'duration';
  if (PERCENT_METRICS.has(key)) return 'percent';
  return 'count';
}

const INTERVAL = 'interval.';
const ROLLING = 'rolling.';

/** What a bound trend compares with: how to read it from the closed intervals, if at all. */
type TrendBasis = { kind: 'interval' | 'boundary'; key: string } | null;

/**
 * Like with like: `interval.asaSec` against `asaSec` of the last closed interval; a day figure
 * (`abandonRate`) or a rolling one (`rolling.abandonRate`) against itself as it stood at the last
 * interval boundary; anything the intervals do not carry (`waiting`, agent counts) has no trend.
 */
function trendBasis(metric: string, last: Record<string, unknown>): TrendBasis {
  if (metric.startsWith(INTERVAL)) return { kind: 'interval', key: metric.slice(INTERVAL.length) };
  const key = metric.startsWith(ROLLING) ? metric.slice(ROLLING.length) : metric;
  return Object.hasOwn(last, key) ? { kind: 'boundary', key } : null;
}

/**
 * One big figure: a count, a percent or a duration, with its trend against the previous interval and
 * thresholds. Percents are bounded, so they are a `role="meter"`; counts and durations are labelled text.
 *
 * Bound with `metric` (and `scope`/`queue`), the trend compares like with like: an `interval.*` figure
 * with the same figure of the last closed interval ("vs previous interval"); a day figure (`abandonRate`)
 * or a `rolling.*` one with its own value when the last interval closed ("since 10:30", in the store's
 * time zone), hidden until the widget has seen an interval close; other figures have no trend. `format`
 * is inferred from the metric name unless set.
 *
 * @tag wb-metric
 * @fires wb-threshold-change - The value crossed into another level.
 * @csspart base - The card.
 * @csspart label - The label text.
 * @csspart value - The figure.
 * @csspart unit - The unit (percent sign or the `unit` text).
 * @csspart trend - The change against the previous interval, or since the last interval boundary.
 * @csspart status - The status icon and word.
 * @cssprop --wb-metric-value-size - Size of the figure (default 2.75em).
 * @cssprop --wb-metric-better-color - Colour of a change for the better (default `--wb-status-ok-fill`).
 * @cssprop --wb-metric-worse-color - Colour of a change for the worse (default `--wb-status-critical-fill`).
 */
export class WbMetric extends WbMeasure {
  static override styles = metricStyles;

  /** The figure: a count, a fraction for percents (0.82), or seconds for durations. Null shows "No data". */
  @property({ type: Number }) value: number | null = null;

  /**
   * The figure to compare with, for the trend ("vs previous interval"); null hides the trend. When bound,
   * set from the store (see the class description).
   */
  @property({ type: Number }) previous: number | null = null;

  /** The trend is neither better nor worse (occupancy): no better/worse colour, whatever the thresholds. */
  @property({ type: Boolean, attribute: 'neutral-trend' }) neutralTrend = false;

  /** How to show the value. Unset: inferred from `metric` (count when there is none). */
  @property() format?: MetricFormat;

  /** Text after a count ("calls"), rendered as text. */
  @property() unit = '';

  /** Fraction digits (counts and percents). */
  @property({ type: Number }) digits = 0;

  #value: number | null = null;
  #previous: number | null = null;
  #format: MetricFormat = 'count';
  /** Scope and metric the interval boundaries below were seen for. */
  #boundTo = '';
  /** End of the last closed interval seen: undefined before any, null for none yet today. */
  #lastEnd: number | null | undefined;
  /** When bound to a day or rolling figure: the boundary `previous` was taken at ("since 10:30"). */
  #since: number | null = null;

  /** The metric first: by the time a snapshot's intervals arrive, `value` is that snapshot's. */
  protected override boundMetrics(): readonly string[] {
    return this.metric ? [this.metric, 'intervals'] : [];
  }

  protected override storeValue(metric: string, value: unknown): void {
    if (metric !== 'intervals') {
      this.value = finiteOrNull(value);
      return;
    }
    const list = Array.isArray(value) ? value : [];
    const last = (list[list.length - 1] ?? {}) as Record<string, unknown>;
    const basis = this.metric ? trendBasis(this.metric, last) : null;
    if (basis?.kind === 'interval') {
      this.#since = null;
      this.previous = finiteOrNull(last[basis.key]);
      return;
    }
    const end = basis ? finiteOrNull(last.end) : null;
    const boundTo = `${this.resolvedScope} ${this.metric}`;
    const seenBefore = this.#lastEnd !== undefined && this.#boundTo === boundTo;
    const previousEnd = this.#lastEnd;
    this.#boundTo = boundTo;
    this.#lastEnd = end;
    if (seenBefore && end === previousEnd) return;
    // An interval closed since the last snapshot: the figure in the snapshot that closed it is the
    // baseline. The first intervals a widget sees, a new day (fewer intervals) or a figure the intervals
    // lack: no trend.
    const closed = seenBefore && end !== null && (previousEnd === null || end > (previousEnd ?? end));
    this.#since = closed ? end : null;
    this.previous = closed ? this.value : null;
    this.requestUpdate();
  }

  protected override derive(_changed: PropertyValues<this>): void {
    const format = this.format ?? inferFormat(this.metric);
    this.#format = format === 'percent' || format === 'duration' ? format : 'count';
    this.#value = this.#clamp(finiteOrNull(this.value));
    this.#previous = this.#clamp(finiteOrNull(this.previous));
  }

  /** Percents are fractions in 0..1; counts and durations are never negative. */
  #clamp(n: number | null): number | null {
    if (n === null) return null;
    return this.#format === 'percent' ? Math.min(1, Math.max(0, n)) : Math.max(0, n);
  }

  protected override thresholdValue(): number | null {
    return this.#value;
  }

  protected override valueText(): string {
    return this.#value === null ? STATUS_WORDS.empty : this.#text(this.#value, 'long');
  }

  #text(n: number, style: 'digital' | 'long'): string {
    if (this.#format === 'percent') return formatPercent(this.locale, n, this.digits);
    if (this.#format === 'duration') return formatDuration(this.locale, n, style);
    const count = formatCount(this.locale, n, this.digits);
    return this.unit ? `${count} ${this.unit}` : count;
  }

  /** The change from `previous`, in the figure's own terms: "+3 pts", "-12 s", "+4". */
  #delta(): { text: string; direction: 'up' | 'down' | 'flat'; better: boolean | null } | null {
    if (this.#value === null || this.#previous === null) return null;
    let diff = this.#value - this.#previous;
    let text: string;
    if (this.#format === 'percent') {
      diff = Math.round(diff * 100 * 10 ** this.digits) / 10 ** this.digits;
      text = `${formatCount(this.locale, Math.abs(diff), this.digits)} pts`;
    } else if (this.#format === 'duration') {
      diff = Math.round(diff);
      text = formatDuration(this.locale, Math.abs(diff), 'digital');
    } else {
      diff = Math.round(diff * 10 ** this.digits) / 10 ** this.digits;
      text = formatCount(this.locale, Math.abs(diff), this.digits);
    }
    if (diff === 0) return { text: 'no change', direction: 'flat', better: null };
    const up = diff > 0;
    const thresholds = this.thresholds();
    const better =
      this.neutralTrend || (thresholds.warn === null && thresholds.critical === null)
        ? null
        : up === (thresholds.direction === 'below');
    return { text: `${up ? '+' : '−'}${text}`, direction: up ? 'up' : 'down', better };
  }

  protected override render() {
    const value = this.#value;
    const percent = this.#format === 'percent';
    const delta = this.#delta();
    const figure =
      value === null
        ? html`<span part="value">–</span>`
        : percent
          ? percentFormat(this.locale, this.digits)
              .formatToParts(value)
              .map((p) =>
                p.type === 'percentSign'
                  ? html`<span part="unit">${p.value}</span>`
                  : html`<span part="value">${p.value}</span>`,
              )
          : this.#format === 'duration'
            ? html`<span part="value">${formatDuration(this.locale, value, 'digital')}</span>`
            : html`<span part="value">${formatCount(this.locale, value, this.digits)}</span>${
                this.unit ? html` <span part="unit">${this.unit}</span>` : nothing
              }`;
    const meter =
      percent && value !== null
        ? { role: 'meter', now: String(Number((value * 100).toFixed(this.digits))), text: this.#ariaText() }
        : { role: 'group', now: undefined, text: undefined };
    return html`
      <div
        part="base"
        class="card"
        role=${meter.role}
        aria-labelledby="label"
        aria-valuemin=${percent && value !== null ? '0' : nothing}
        aria-valuemax=${percent && value !== null ? '100' : nothing}
        aria-valuenow=${meter.now ?? nothing}
        aria-valuetext=${meter.text ?? nothing}
      >
        <div class="head">
          <span part="label" id="label">${this.label || this.metric || ''}</span>
          <span part="status" class="status">${statusIcon(this.status)}${STATUS_WORDS[this.status]}</span>
        </div>
        <div class="figure">${figure}</div>
        ${
          delta
            ? html`<div part="trend" class="trend ${delta.direction} ${delta.better === null ? '' : delta.better ? 'better' : 'worse'}">
                <span aria-hidden="true">${delta.direction === 'up' ? '▲' : delta.direction === 'down' ? '▼' : '▶'}</span>
                ${delta.text} <span class="muted">${this.#trendBasisText()}</span>
              </div>`
            : nothing
        }
        ${percent ? nothing : html`<span class="visually-hidden">${this.#ariaText()}</span>`}
      </div>
    `;
  }

  /** What the trend compares with: "vs previous interval", or "since 10:30" for a day figure. */
  #trendBasisText(): string {
    if (this.#since === null || !this.isBound) return 'vs previous interval';
    const zone = resolveZone(this.localName, this.feed.store?.settings.timeZone);
    return `since ${timeLabel(this.locale, zone, this.#since)}`;
  }

  #ariaText(): string {
    if (this.#value === null) return this.isStale ? 'No data, data is stale' : 'No data';
    let text = this.#text(this.#value, 'long');
    if (this.status !== 'ok') text += `, ${STATUS_WORDS[this.status].toLowerCase()}`;
    return text;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-metric': WbMetric;
  }
}
