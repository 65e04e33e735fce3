import { css, unsafeCSS } from 'lit';
import { chartStyles } from './internal/chart.styles.js';
import { baseStyles, cardStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';

export const intervalChartStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_plot-height: var(--wb-interval-chart-height, 9em);
      --_text: var(--wb-interval-chart-text-size, 0.75em);
      --_a: var(--wb-interval-chart-offered-color, var(--_track));
      --_b: var(--wb-interval-chart-answered-color, var(--_accent));
      --_line: var(--wb-interval-chart-line-color, var(--_on-surface));
      --_goal: var(--wb-interval-chart-target-color, ${unsafeCSS(tokenVar('status-warning-fill'))});
    }
  `,
  // After the tokens, so that its forced-colours block wins.
  chartStyles,
];
