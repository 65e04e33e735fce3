/**
 * `<wbc-timeline>`: draws the run's timeline (controls and incidents) over the interval chart it wraps,
 * as numbered flags on vertical lines at their simulated times. The flags match the numbered log below
 * the chart, which is the accessible form of the same information (the overlay is aria-hidden).
 *
 * It reads the chart's public `intervals`/`interval` properties and the box of its `plot` part, so the
 * marks line up with the bars whatever the chart's axes and scale.
 */
import type { IntervalFigures } from '@wallboard/metrics';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TimelineEntry } from '../sim/protocol.js';

interface ChartLike extends HTMLElement {
  intervals: readonly IntervalFigures[];
  interval: IntervalFigures | null;
  updateComplete?: Promise<unknown>;
}

export interface TimelineMark {
  n: number;
  entry: TimelineEntry;
  text: string;
}

interface Placed {
  n: number;
  x: number;
  /** Where the entry's span ends (an incident with a duration), or null. */
  x2: number | null;
  source: TimelineEntry['source'];
  text: string;
  lane: number;
}

/** Slots as the chart draws them: closed intervals, then the open one if it starts after them. */
export function chartSpans(
  intervals: readonly IntervalFigures[],
  open: IntervalFigures | null,
): Array<[number, number]> {
  const spans: Array<[number, number]> = intervals.map((f) => [f.start, f.end]);
  const last = spans[spans.length - 1];
  if (open && (!last || open.start >= last[1])) spans.push([open.start, open.end]);
  return spans;
}

/** Where `t` falls across the slots, as a fraction of the plot width; null when outside. */
export function xFraction(t: number, spans: ReadonlyArray<[number, number]>): number | null {
  const n = spans.length;
  for (let i = 0; i < n; i++) {
    const [start, end] = spans[i];
    if (t >= start && t <= end) return (i + (t - start) / (end - start)) / n;
  }
  return null;
}

@customElement('wbc-timeline')
export class WbcTimeline extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
    }
    .layer {
      position: absolute;
      inset: 0;
      pointer-events: none;
      overflow: hidden;
    }
    .mark {
      position: absolute;
      width: 0;
      border-inline-start: 2px dashed var(--wbc-timeline-control, #58a6ff);
    }
    .mark.incident {
      border-inline-start-color: var(--wbc-timeline-incident, #ffc53d);
      border-inline-start-style: dotted;
    }
    .flag {
      position: absolute;
      transform: translateX(-50%);
      min-width: 1.4em;
      padding: 0 0.3em;
      border-radius: 0.7em;
      font: 700 0.75rem/1.4em system-ui, sans-serif;
      text-align: center;
      font-variant-numeric: tabular-nums;
      background: var(--wbc-timeline-control, #58a6ff);
      color: #0b0f14;
      white-space: nowrap;
    }
    .span {
      position: absolute;
      background: var(--wbc-timeline-control, #58a6ff);
      opacity: 0.12;
    }
    .span.incident {
      background: var(--wbc-timeline-incident, #ffc53d);
    }
    .flag.incident {
      background: var(--wbc-timeline-incident, #ffc53d);
    }
  `;

  /** The numbered entries to draw. */
  @property({ attribute: false }) marks: readonly TimelineMark[] = [];

  @state() private placed: Placed[] = [];
  @state() private plot: { left: number; top: number; width: number; height: number } | null = null;

  readonly #resize = new ResizeObserver(() => this.refresh());

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('marks')) this.#place();
  }

  /** Re-reads the chart's slots and plot box (call after the chart got new intervals). */
  async refresh(): Promise<void> {
    const chart = this.querySelector<ChartLike>('wb-interval-chart, wb-abandon-chart');
    if (!chart) return;
    await chart.updateComplete;
    const plotEl = chart.shadowRoot?.querySelector('[part~="plot"]');
    if (!plotEl) {
      this.plot = null;
      this.placed = [];
      return;
    }
    const host = this.getBoundingClientRect();
    const box = plotEl.getBoundingClientRect();
    const plot = {
      left: box.left - host.left,
      top: box.top - host.top,
      width: box.width,
      height: box.height,
    };
    const p = this.plot;
    if (
      !p ||
      p.left !== plot.left ||
      p.top !== plot.top ||
      p.width !== plot.width ||
      p.height !== plot.height
    )
      this.plot = plot;
    this.#spans = chartSpans(chart.intervals ?? [], chart.interval ?? null);
    this.#place();
  }

  #spans: Array<[number, number]> = [];

  #place(): void {
    const placed: Placed[] = [];
    const lanes: number[] = [];
    for (const m of this.marks) {
      const x = xFraction(m.entry.t, this.#spans);
      if (x === null) continue;
      // Flags closer than ~2.5% of the width go on the next lane so their numbers stay readable.
      let lane = 0;
      while (lanes[lane] !== undefined && x - lanes[lane] < 0.025) lane++;
      lanes[lane] = x;
      const until = m.entry.until;
      const last = this.#spans.at(-1);
      const x2 =
        until === undefined ? null : (xFraction(until, this.#spans) ?? (last && until > last[1] ? 1 : null));
      placed.push({ n: m.n, x, x2, source: m.entry.source, text: m.text, lane: Math.min(lane, 3) });
    }
    const same =
      placed.length === this.placed.length &&
      placed.every(
        (p, i) =>
          p.n === this.placed[i].n &&
          p.x === this.placed[i].x &&
          p.x2 === this.placed[i].x2 &&
          p.lane === this.placed[i].lane,
      );
    if (!same) this.placed = placed;
  }

  protected override render() {
    const plot = this.plot;
    return html`
      <slot @slotchange=${() => this.refresh()}></slot>
      ${
        plot === null
          ? nothing
          : html`<div class="layer" aria-hidden="true">
            ${this.placed.map((p) => {
              const left = `${plot.left + p.x * plot.width}px`;
              const band =
                p.x2 === null || p.x2 <= p.x
                  ? nothing
                  : html`<div class="span ${p.source}" style="left:${left};width:${(p.x2 - p.x) * plot.width}px;top:${plot.top}px;height:${plot.height}px"></div>`;
              return html`
                ${band}
                <div class="mark ${p.source}" style="left:${left};top:${plot.top}px;height:${plot.height}px"></div>
                <div class="flag ${p.source}" title=${`${p.n}. ${p.text}`} style="left:${left};top:${plot.top + p.lane * 18}px">${p.n}</div>
              `;
            })}
          </div>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wbc-timeline': WbcTimeline;
  }
}
