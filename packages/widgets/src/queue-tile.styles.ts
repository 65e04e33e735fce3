import { css } from 'lit';
import { baseStyles, cardStyles, figureStyles } from './internal/styles.js';

export const queueTileStyles = [
  baseStyles,
  cardStyles,
  figureStyles,
  css`
    :host {
      --_figure-size: var(--wb-queue-tile-figure-size, 2em);
      --_value-size: var(--wb-queue-tile-value-size, 1.25em);
      --_indicator: var(--_status-fill);
    }
    dl {
      display: grid;
      /* A column is as wide as a big figure ("12:34" is about 3.3 figure-em) once those grow past 2em. */
      grid-template-columns: repeat(auto-fit, minmax(max(7em, calc(3.3 * var(--_figure-size))), 1fr));
      gap: 0.5em 1em;
      margin: 0.5em 0;
    }
    .long dd {
      font-size: calc(var(--_figure-size) * 5 / 7);
      line-height: calc(1.1 * 7 / 5);
    }
    .bar {
      position: relative;
      block-size: 0.5em;
      border-radius: 0.25em;
      background: var(--_track);
    }
    [part~='target'] {
      inset-block: -0.2em;
    }
    .terms {
      margin: 0.4em 0 0;
      color: var(--_muted);
      font-size: 0.8em;
    }
    @media (forced-colors: active) {
      .bar {
        border: 1px solid CanvasText;
      }
    }
  `,
];
