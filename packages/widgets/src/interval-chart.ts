import { type IntervalFigures, SL_FORMULA_LABELS, type SlFormula, type SlSettings } from '@wallboard/metrics';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { count, ratio } from './internal/chart.js';
import { formatCount, formatPercent } from './internal/format.js';
import { type ChartSpec, WbIntervalSeries } from './internal/interval-series.js';
import { finiteOrNull } from './internal/store-feed.js';
import type { Thresholds } from './internal/thresholds.js';
import { intervalChartStyles } from './interval-chart.styles.js';

const KEYS = ['Offered', 'Answered', 'Service level'] as const;

const clampFraction = (n: number | null): number | null => (n === null ? null : Math.min(1, Math.max(0, n)));

/**
 * Today per interval: calls offered and answered as bars, the service level as a line against the
 * target line, with the formula and threshold written under it ("80/20, abandons count against").
 * Time labels are in the center's zone; a visually hidden table gives screen readers the same figures.
 *
 * Feed it `intervals` (today's closed `IntervalFigures`, oldest first) and optionally the open
 * `interval`, or bind it with `queue`/`scope` inside a board. Its status comes from the latest SL
 * (the open interval's, else the last closed one's): thresholds default to `direction="below"` with
 * `warn` at the target.
 *
 * @tag wb-interval-chart
 * @fires wb-threshold-change - The latest SL crossed into another level.
 * @csspart base - The card (a figure).
 * @csspart label - The label text.
 * @csspart status - The status icon and word.
 * @csspart plot - The chart's SVG.
 * @csspart axis - The count axis, the percent axis and the time axis.
 * @csspart indicator - The SL line.
 * @csspart target - The target line.
 * @csspart legend - The keys and the "80/20, abandons count against" line.
 * @cssprop --wb-interval-chart-height - Height of the plot (default 9em).
 * @cssprop --wb-interval-chart-text-size - Size of the axis labels (default 0.75em); the legend and the status chip are 16/15 of it. A floor TV sets 1em.
 * @cssprop --wb-interval-chart-offered-color - Offered bars (default `--wb-color-track`).
 * @cssprop --wb-interval-chart-answered-color - Answered bars (default `--wb-color-accent`).
 * @cssprop --wb-interval-chart-line-color - The SL line (default `--wb-color-on-surface`).
 * @cssprop --wb-interval-chart-target-color - The target line (default `--wb-status-warning-fill`).
 */
export class WbIntervalChart extends WbIntervalSeries {
  static override styles = intervalChartStyles;

  /** SL target as a fraction; clamped to 0..1; null hides the target line. */
  @property({ type: Number }) target: number | null = 0.8;

  /** SL threshold T in seconds ("answered within T s"). */
  @property({ type: Number, attribute: 'threshold-sec' }) thresholdSec: number | null = 20;

  /** How abandons count, as named by @wallboard/metrics. */
  @property() formula: SlFormula = 'abandons-count-against';

  override label = 'Calls and service level by interval';
  override direction: 'above' | 'below' = 'below';

  protected readonly drawnKeys: ReadonlyArray<keyof IntervalFigures> = [
    'offered',
    'answered',
    'serviceLevel',
  ];

  #target: number | null = null;

  protected override applySettings(sl: SlSettings): void {
    this.target = sl.slTarget;
    this.thresholdSec = sl.slThresholdSec;
    this.formula = sl.slFormula;
  }

  protected override derive(changed: PropertyValues<this>): void {
    this.#target = clampFraction(finiteOrNull(this.target));
    super.derive(changed);
  }

  protected override thresholds(): Thresholds {
    const own = super.thresholds();
    return { ...own, warn: own.warn ?? (own.direction === 'below' ? this.#target : null) };
  }

  /** "80/20, abandons count against". */
  get legend(): string {
    const formula = SL_FORMULA_LABELS[this.formula] ?? String(this.formula);
    const t = finiteOrNull(this.thresholdSec);
    const target = this.#target;
    const pct = target === null ? null : formatCount(this.locale, Math.round(target * 100));
    if (t === null || t < 0) return pct === null ? formula : `${pct}%, ${formula}`;
    const secs = formatCount(this.locale, t);
    return pct === null ? `${secs} s, ${formula}` : `${pct}/${secs}, ${formula}`;
  }

  protected override thresholdMetric(): string {
    return 'serviceLevel';
  }

  protected override spec(): ChartSpec {
    const locale = this.locale;
    const pct = (v: number | null) => (v === null ? '–' : formatPercent(locale, v, 1));
    return {
      bars: this.slots.map(({ figures: f }) => [count(f, 'offered'), count(f, 'answered')] as const),
      stacked: false,
      line: this.slots.map(({ figures: f }) => ratio(f, 'serviceLevel')),
      lineTop: 1,
      target: this.#target,
      keys: KEYS,
      note: this.legend,
      columns: KEYS,
      cells: (f) => [
        formatCount(locale, count(f, 'offered')),
        formatCount(locale, count(f, 'answered')),
        pct(ratio(f, 'serviceLevel')),
      ],
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-interval-chart': WbIntervalChart;
  }
}
