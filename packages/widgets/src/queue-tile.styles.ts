import { css } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';

export const queueTileStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_figure-size: var(--wb-queue-tile-figure-size, 2em);
      --_value-size: var(--wb-queue-tile-value-size, 1.25em);
      contain: content;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    dl {
      display: grid;
      /* A column is as wide as a big figure ("12:34" is about 3.3 figure-em) once those grow past 2em. */
      grid-template-columns: repeat(auto-fit, minmax(max(7em, calc(3.3 * var(--_figure-size))), 1fr));
      gap: 0.5em 1em;
      margin: 0.5em 0;
    }
    dt {
      color: var(--_muted);
      font-size: 0.8em;
    }
    dd {
      margin: 0;
      font-size: var(--_value-size);
      font-weight: 700;
    }
    .big dd {
      font-size: var(--_figure-size);
      line-height: 1.1;
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
    [part~='indicator'] {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      /* 0% stays visible as a sliver. */
      min-inline-size: 0.25em;
      border-radius: inherit;
      background: var(--_status-fill);
      transition: inline-size var(--_motion) ease-out;
    }
    [part~='target'] {
      position: absolute;
      inset-block: -0.2em;
      inline-size: 0.15em;
      margin-inline-start: -0.075em;
      background: var(--_on-surface);
    }
    @media (forced-colors: active) {
      .bar {
        border: 1px solid CanvasText;
      }
      [part~='indicator'] {
        background: Highlight;
      }
      [part~='target'] {
        background: CanvasText;
      }
    }
  `,
];
