import { css, unsafeCSS } from 'lit';
import { chartStyles } from './internal/chart.styles.js';
import { baseStyles, cardStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';

export const abandonChartStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_plot-height: var(--wb-abandon-chart-height, 9em);
      --_text: var(--wb-abandon-chart-text-size, 0.75em);
      --_a: var(--wb-abandon-chart-abandoned-color, ${unsafeCSS(tokenVar('status-critical-fill'))});
      --_b: var(--wb-abandon-chart-short-color, var(--_track));
      --_line: var(--wb-abandon-chart-line-color, var(--_on-surface));
      --_goal: var(--wb-abandon-chart-target-color, ${unsafeCSS(tokenVar('status-warning-fill'))});
    }
  `,
  // After the tokens, so that its forced-colours block wins.
  chartStyles,
];
