import type { IntervalFigures, SlSettings } from '@wallboard/metrics';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  chartSlots,
  dotsPath,
  labelledSlots,
  linePath,
  niceMax,
  resolveZone,
  type Slot,
  sameFigures,
  timeLabel,
  y,
} from './chart.js';
import type { ThresholdLevel } from './events.js';
import { formatCount, formatPercent } from './format.js';
import { statusIcon } from './icons.js';
import { WbMeasure } from './measure.js';
import { STATUS_WORDS } from './thresholds.js';

/** What a chart draws per slot and how it is named; the base class lays it out. */
export interface ChartSpec {
  /** Two bar series per slot, `[a, b]`. */
  bars: ReadonlyArray<readonly [number, number]>;
  /** Stack b on a (abandoned + short abandoned) or set them side by side (offered, answered). */
  stacked: boolean;
  /** The line series as fractions, one per slot; null breaks the line. */
  line: ReadonlyArray<number | null>;
  /** Top of the percent axis on the end side, as a fraction. */
  lineTop: number;
  /** The target on the percent axis, or null for none. */
  target: number | null;
  /** Legend names of bar a, bar b and the line. */
  keys: readonly [string, string, string];
  /** The definitions line under the legend ("80/20, abandons count against"). */
  note: string;
  /** Table headers after "Interval". */
  columns: readonly [string, string, string];
  /** Table cells of one interval. */
  cells(f: IntervalFigures): readonly [string, string, string];
}

const BOUND = ['intervals', 'interval', 'sl'] as const;

/**
 * The base of the per-interval charts (`wb-interval-chart`, `wb-abandon-chart`): today's closed
 * intervals plus the open one as bars and a percent line against a target, in SVG, with time labels in
 * the center's zone and a visually hidden table that says the same for screen readers.
 *
 * Bound with `queue`/`scope`, it reads the scope's `intervals`, `interval` and `sl`. The open interval
 * is rebuilt by every snapshot; it re-renders only when a figure it draws changed.
 */
export abstract class WbIntervalSeries extends WbMeasure {
  /** Today's closed intervals, oldest first (`IntervalFigures` of @wallboard/metrics). Property only. */
  @property({ attribute: false }) intervals: readonly IntervalFigures[] = [];

  /** The open interval, drawn lighter after the closed ones. Property only. */
  @property({ attribute: false }) interval: IntervalFigures | null = null;

  /** IANA zone of the time labels. Unset: the board's store zone, else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  protected slots: Slot[] = [];
  #spec: ChartSpec | undefined;

  /** Figures of the open interval the chart shows; an open interval unchanged in these is not redrawn. */
  protected abstract readonly drawnKeys: ReadonlyArray<keyof IntervalFigures>;
  /** The series and words to draw, from `this.slots`. */
  protected abstract spec(): ChartSpec;
  /** Takes what it needs from the scope's SL settings. */
  protected abstract applySettings(sl: SlSettings): void;

  protected override boundMetrics(): readonly string[] {
    return this.queue || this.scope ? BOUND : [];
  }

  protected override storeValue(metric: string, value: unknown): void {
    if (metric === 'intervals') {
      this.intervals = Array.isArray(value) ? value : [];
    } else if (metric === 'interval') {
      const next = value && typeof value === 'object' ? (value as IntervalFigures) : null;
      if (!sameFigures(this.interval, next, this.drawnKeys)) this.interval = next;
    } else {
      const sl = (value as SlSettings | null) ?? this.feed.store?.settings;
      if (sl) this.applySettings(sl);
    }
  }

  protected override derive(_changed: PropertyValues<this>): void {
    this.slots = chartSlots(this.intervals, this.interval);
    this.#spec = this.spec();
  }

  /** The line's latest value: the open interval's, or the last closed one's while the open one has none. */
  protected override thresholdValue(): number | null {
    const line = this.#spec?.line ?? [];
    return line[line.length - 1] ?? line[line.length - 2] ?? null;
  }

  protected override contentLevel(): ThresholdLevel | null {
    if (this.slots.length === 0) return null;
    return super.contentLevel() ?? 'ok';
  }

  protected override valueText(): string {
    const v = this.thresholdValue();
    return v === null ? STATUS_WORDS.empty : `${this.#spec?.keys[2]} ${formatPercent(this.locale, v, 1)}`;
  }

  get #zone(): string | undefined {
    return resolveZone(this.localName, this.timeZone, this.feed.store?.settings.timeZone);
  }

  protected override render() {
    const spec = this.#spec ?? this.spec();
    const empty = this.slots.length === 0;
    const key = (cls: string, name: string) =>
      html`<span class="key"><i class="swatch ${cls}"></i>${name}</span>`;
    return html`
      <div part="base" class="card" role="figure" aria-labelledby="label">
        <div class="head">
          <span part="label" id="label">${this.label}</span>
          <span part="status" class="status">${statusIcon(this.status)}${STATUS_WORDS[this.status]}</span>
        </div>
        ${empty ? html`<div class="nodata">No intervals yet today</div>` : this.#chart(spec)}
        <div part="legend">
          ${key('a', spec.keys[0])}${key('b', spec.keys[1])}${key('line', spec.keys[2])}
          ${spec.target === null ? nothing : key('goal', `Target ${formatPercent(this.locale, spec.target, 1)}`)}
          <div class="note">${spec.note}</div>
        </div>
        ${empty ? nothing : this.#table(spec)}
      </div>
    `;
  }

  /** How many slots are closed intervals (all but a trailing open one). */
  get #closed(): number {
    const n = this.slots.length;
    return n > 0 && this.slots[n - 1].open ? n - 1 : n;
  }

  #chart(spec: ChartSpec) {
    const n = this.slots.length;
    const closed = this.#closed;
    const barTop = niceMax(
      Math.max(1, ...spec.bars.map(([a, b]) => (spec.stacked ? a + b : Math.max(a, b)))),
    );
    const bar = ([a, b]: readonly [number, number], i: number) => {
      const open = this.slots[i].open ? ' open' : '';
      const ya = y(a, barTop);
      if (spec.stacked) {
        const yb = y(a + b, barTop);
        return svg`<rect class="a${open}" x=${i + 0.15} width="0.7" y=${ya} height=${100 - ya}></rect><rect class="b${open}" x=${i + 0.15} width="0.7" y=${yb} height=${ya - yb}></rect>`;
      }
      const yb = y(b, barTop);
      return svg`<rect class="a${open}" x=${i + 0.12} width="0.36" y=${ya} height=${100 - ya}></rect><rect class="b${open}" x=${i + 0.52} width="0.36" y=${yb} height=${100 - yb}></rect>`;
    };
    // Closed intervals change only when one closes (the engine reuses the list): redraw them only then.
    const bars = html`${guard([this.intervals, barTop, closed], () => spec.bars.slice(0, closed).map(bar))}${
      closed < n ? bar(spec.bars[closed], closed) : nothing
    }`;
    const top = spec.lineTop;
    const at = (pos: number) => styleMap({ top: `${pos}%` });
    const half = barTop / 2;
    const zone = this.#zone;
    return html`
      <div class="chart">
        <div part="axis" class="y" aria-hidden="true">
          <span style=${at(0)}>${formatCount(this.locale, barTop)}</span>
          ${Number.isInteger(half) ? html`<span style=${at(50)}>${formatCount(this.locale, half)}</span>` : nothing}
          <span style=${at(100)}>${formatCount(this.locale, 0)}</span>
        </div>
        <svg part="plot" viewBox="0 0 ${n} 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <path class="grid" d="M0 0H${n}M0 50H${n}M0 100H${n}"></path>
          ${bars}
          ${spec.target === null ? nothing : svg`<path part="target" d="M0 ${y(spec.target, top)}H${n}"></path>`}
          <path part="indicator" class="line" d=${linePath(spec.line, top)}></path>
          <path class="dots" d=${dotsPath(spec.line, top)}></path>
        </svg>
        <div part="axis" class="y end" aria-hidden="true">
          <span style=${at(0)}>${formatPercent(this.locale, top)}</span>
          <span style=${at(50)}>${formatPercent(this.locale, top / 2, 1)}</span>
          <span style=${at(100)}>${formatPercent(this.locale, 0)}</span>
        </div>
        <div part="axis" class="x" aria-hidden="true">
          ${guard([this.intervals, n, zone, this.locale], () =>
            labelledSlots(n).map(
              (i) =>
                html`<span style=${styleMap({ insetInlineStart: `${((i + 0.5) / n) * 100}%` })}>${timeLabel(this.locale, zone, this.slots[i].figures.start)}</span>`,
            ),
          )}
        </div>
      </div>
    `;
  }

  #table(spec: ChartSpec) {
    const zone = this.#zone;
    const closed = this.#closed;
    const row = ({ figures: f, open }: Slot) => html`<tr>
      <th scope="row">${timeLabel(this.locale, zone, f.start)}–${timeLabel(this.locale, zone, f.end)}${open ? ' (in progress)' : ''}</th>
      ${spec.cells(f).map((c) => html`<td>${c}</td>`)}
    </tr>`;
    return html`
      <table class="visually-hidden">
        <caption>${this.label}</caption>
        <thead>
          <tr><th scope="col">Interval</th>${spec.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr>
        </thead>
        <tbody>
          ${guard([this.intervals, zone, this.locale, spec.columns], () => this.slots.slice(0, closed).map(row))}
          ${closed < this.slots.length ? row(this.slots[closed]) : nothing}
        </tbody>
      </table>
    `;
  }
}
