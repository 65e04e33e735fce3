import { css } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';

export const metricStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_value-size: var(--wb-metric-value-size, 2.75em);
      --_better: var(--wb-metric-better-color, var(--wb-status-ok-fill, #34c77b));
      --_worse: var(--wb-metric-worse-color, var(--wb-status-critical-fill, #ff6b6b));
      contain: content;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    .figure {
      margin-block: 0.25em;
      font-size: var(--_value-size);
      font-weight: 700;
      line-height: 1.1;
      white-space: nowrap;
    }
    [part~='unit'] {
      font-size: 0.5em;
      font-weight: 600;
    }
    [part~='trend'] {
      font-size: 0.85em;
      font-weight: 600;
    }
    .better {
      color: var(--_better);
    }
    .worse {
      color: var(--_worse);
    }
    .muted {
      color: var(--_muted);
      font-weight: 400;
    }
  `,
];
