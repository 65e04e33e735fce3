import { css, unsafeCSS } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';

export const metricStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_value-size: var(--wb-metric-value-size, 2.75em);
      --_better: var(--wb-metric-better-color, ${unsafeCSS(tokenVar('status-ok-fill'))});
      --_worse: var(--wb-metric-worse-color, ${unsafeCSS(tokenVar('status-critical-fill'))});
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
    @media (forced-colors: active) {
      /* The arrow and sign carry the direction; colours come from the system. */
      .better,
      .worse {
        color: inherit;
      }
    }
  `,
];
