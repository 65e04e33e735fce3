import { css } from 'lit';

/**
 * Layout of the interval charts. Each chart sets the private colours `--_a`, `--_b` (bars), `--_line`,
 * `--_goal` (target), `--_plot-height` and `--_text` (axis labels; the legend and status chip 16/15 of it)
 * from its own `--wb-<chart>-*` tokens.
 *
 * The SVG stretches (`preserveAspectRatio="none"`) with non-scaling strokes; every text is HTML around
 * it, so it follows the type scale. Under `dir="rtl"` the plot is mirrored and the time labels, placed
 * with logical insets, follow: time runs right to left.
 */
export const chartStyles = css`
  .chart {
    display: grid;
    grid-template-columns: auto 1fr auto;
    grid-template-rows: var(--_plot-height) 1.6em;
    column-gap: 0.4em;
    margin-block: 0.75em 0.25em;
  }
  [part~='plot'] {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    overflow: visible;
  }
  :host(:dir(rtl)) [part~='plot'] {
    transform: scaleX(-1);
  }
  [part~='plot'] path {
    fill: none;
    vector-effect: non-scaling-stroke;
    stroke-linejoin: round;
    stroke-linecap: round;
  }
  .grid {
    stroke: var(--_border);
    stroke-width: 1px;
  }
  rect.a {
    fill: var(--_a);
  }
  rect.b {
    fill: var(--_b);
  }
  rect.open {
    fill-opacity: 0.55;
  }
  [part~='indicator'] {
    stroke: var(--_line);
    stroke-width: 0.15em;
  }
  .dots {
    stroke: var(--_line);
    stroke-width: 0.45em;
  }
  [part~='target'] {
    stroke: var(--_goal);
    stroke-width: 0.12em;
    stroke-dasharray: 0.4em 0.3em;
  }
  [part~='axis'] {
    position: relative;
    color: var(--_muted);
    font-size: var(--_text);
    white-space: nowrap;
  }
  [part~='axis'] span {
    position: absolute;
    line-height: 1;
  }
  .y {
    min-inline-size: 2.5em;
  }
  .y span {
    inset-inline-end: 0;
    transform: translateY(-50%);
  }
  .y.end span {
    inset-inline: 0 auto;
  }
  .x {
    grid-column: 2;
  }
  .x span {
    inset-block-start: 0.4em;
    transform: translateX(-50%);
  }
  :host(:dir(rtl)) .x span {
    transform: translateX(50%);
  }
  .nodata {
    display: grid;
    place-items: center;
    block-size: var(--_plot-height);
    color: var(--_muted);
  }
  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
    font-size: calc(var(--_text) * 16 / 15);
  }
  .status {
    font-size: calc(var(--_text) * 16 / 15);
  }
  .key {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .swatch {
    inline-size: 0.9em;
    block-size: 0.9em;
    border-radius: 0.15em;
  }
  .swatch.a {
    background: var(--_a);
  }
  .swatch.b {
    background: var(--_b);
  }
  .swatch.line {
    block-size: 0.2em;
    background: var(--_line);
  }
  .swatch.goal {
    block-size: 0;
    border-block-start: 0.15em dashed var(--_goal);
    border-radius: 0;
  }
  .note {
    flex-basis: 100%;
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    /* System colours only: bars in text and grey, the line highlighted, the target dashed. */
    :host {
      --_a: CanvasText;
      --_b: GrayText;
      --_line: Highlight;
      --_goal: CanvasText;
    }
    rect.a,
    rect.b,
    .swatch {
      forced-color-adjust: none;
    }
  }
`;
