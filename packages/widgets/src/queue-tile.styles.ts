import { css } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';

export const queueTileStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_figure-size: var(--wb-queue-tile-figure-size, 2em);
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
      grid-template-columns: repeat(auto-fit, minmax(7em, 1fr));
      gap: 0.5em 1em;
      margin: 0.5em 0;
    }
    dt {
      color: var(--_muted);
      font-size: 0.8em;
    }
    dd {
      margin: 0;
      font-size: 1.25em;
      font-weight: 700;
    }
    .big dd {
      font-size: var(--_figure-size);
      line-height: 1.1;
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
