import { css } from 'lit';
import { baseStyles, cardStyles, figureStyles } from './internal/styles.js';

export const staffingStyles = [
  baseStyles,
  cardStyles,
  figureStyles,
  css`
    :host {
      --_figure-size: var(--wb-staffing-figure-size, 2em);
      --_value-size: 1.25em;
      --_indicator: var(--wb-staffing-indicator-color, var(--_status-fill));
      --_meter: var(--wb-staffing-meter-color, var(--_accent));
    }
    dl {
      display: grid;
      grid-template-columns: repeat(3, auto);
      justify-content: space-between;
      align-items: end;
      gap: 0.5em 1em;
      margin: 0.5em 0;
    }
    .bar,
    .meter {
      position: relative;
      block-size: 0.6em;
      border-radius: 0.3em;
      background: var(--_track);
    }
    .meter {
      block-size: 0.4em;
    }
    .meter [part~='indicator'] {
      background: var(--_meter);
    }
    [part~='target'] {
      inset-block: -0.25em;
    }
    .sl {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      margin-block: 0.75em 0.25em;
      font-size: 0.85em;
      color: var(--_muted);
    }
    .sl [part~='value'] {
      color: var(--_on-surface);
      font-size: 1.3em;
      font-weight: 700;
    }
    [part~='legend'] {
      margin-block-start: 0.6em;
      color: var(--_muted);
      font-size: 0.8em;
    }
    @media (forced-colors: active) {
      .bar,
      .meter {
        border: 1px solid CanvasText;
      }
      .meter [part~='indicator'] {
        background: Highlight;
      }
    }
  `,
];
