import type { IntervalFigures, SlSettings } from '@wallboard/metrics';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { abandonChartStyles } from './abandon-chart.styles.js';
import { count, niceMax, ratio } from './internal/chart.js';
import { formatCount, formatPercent } from './internal/format.js';
import { type ChartSpec, WbIntervalSeries } from './internal/interval-series.js';
import { finiteOrNull } from './internal/store-feed.js';
import type { Thresholds } from './internal/thresholds.js';

const COLUMNS = ['Abandoned', 'Short abandoned', 'Abandon rate'] as const;

/**
 * Today per interval: abandoned and short-abandoned calls as stacked bars, the abandon rate as a line
 * against the target line. Short abandons (wait under `short-abandon-sec`) are shown on their own and
 * left out of the rate, as in @wallboard/metrics: rate = abandoned / (answered + abandoned).
 *
 * Feed it `intervals` (and the open `interval`), or bind it with `queue`/`scope` inside a board. Its
 * status comes from the latest abandon rate: thresholds default to `direction="above"` with `warn` at
 * the target.
 *
 * @tag wb-abandon-chart
 * @fires wb-threshold-change - The latest abandon rate crossed into another level.
 * @csspart base - The card (a figure).
 * @csspart label - The label text.
 * @csspart status - The status icon and word.
 * @csspart plot - The chart's SVG.
 * @csspart axis - The count axis, the percent axis and the time axis.
 * @csspart indicator - The abandon-rate line.
 * @csspart target - The target line.
 * @csspart legend - The keys and the definitions line.
 * @cssprop --wb-abandon-chart-height - Height of the plot (default 9em).
 * @cssprop --wb-abandon-chart-text-size - Size of the axis labels (default 0.75em); the legend and the status chip are 16/15 of it. A floor TV sets 1em.
 * @cssprop --wb-abandon-chart-abandoned-color - Abandoned bars (default `--wb-status-critical-fill`).
 * @cssprop --wb-abandon-chart-short-color - Short-abandoned bars (default `--wb-color-track`).
 * @cssprop --wb-abandon-chart-line-color - The rate line (default `--wb-color-on-surface`).
 * @cssprop --wb-abandon-chart-target-color - The target line (default `--wb-status-warning-fill`).
 */
export class WbAbandonChart extends WbIntervalSeries {
  static override styles = abandonChartStyles;

  /** Highest acceptable abandon rate, as a fraction (0.05 is 5%); null hides the target line. */
  @property({ type: Number }) target: number | null = 0.05;

  /** Abandons with a shorter wait are short abandons (seconds; 0 means none are). */
  @property({ type: Number, attribute: 'short-abandon-sec' }) shortAbandonSec: number | null = 5;

  override label = 'Abandoned calls by interval';

  protected readonly drawnKeys: ReadonlyArray<keyof IntervalFigures> = [
    'abandoned',
    'shortAbandoned',
    'abandonRate',
  ];

  #target: number | null = null;

  protected override applySettings(sl: SlSettings): void {
    this.shortAbandonSec = sl.shortAbandonSec;
  }

  protected override derive(changed: PropertyValues<this>): void {
    const target = finiteOrNull(this.target);
    this.#target = target === null ? null : Math.min(1, Math.max(0, target));
    super.derive(changed);
  }

  protected override thresholds(): Thresholds {
    const own = super.thresholds();
    return { ...own, warn: own.warn ?? (own.direction === 'above' ? this.#target : null) };
  }

  protected override thresholdMetric(): string {
    return 'abandonRate';
  }

  protected override spec(): ChartSpec {
    const locale = this.locale;
    const line = this.slots.map(({ figures: f }) => ratio(f, 'abandonRate'));
    // Rates are small: the axis tops out just above the highest rate or the target, not at 100%.
    const top = Math.min(1, niceMax(Math.max(0.01, this.#target ?? 0, ...line.map((v) => v ?? 0))));
    const short = finiteOrNull(this.shortAbandonSec);
    const shortName =
      short !== null && short > 0
        ? `Short abandoned (under ${formatCount(locale, short)} s)`
        : 'Short abandoned';
    return {
      bars: this.slots.map(({ figures: f }) => [count(f, 'abandoned'), count(f, 'shortAbandoned')] as const),
      stacked: true,
      line,
      lineTop: top,
      target: this.#target,
      keys: ['Abandoned', shortName, 'Abandon rate'],
      note: 'Rate = abandoned / (answered + abandoned), short abandons excluded',
      columns: COLUMNS,
      cells: (f) => {
        const rate = ratio(f, 'abandonRate');
        return [
          formatCount(locale, count(f, 'abandoned')),
          formatCount(locale, count(f, 'shortAbandoned')),
          rate === null ? '–' : formatPercent(locale, rate, 1),
        ];
      },
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wb-abandon-chart': WbAbandonChart;
  }
}
