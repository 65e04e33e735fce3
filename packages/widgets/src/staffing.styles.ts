import { css } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';

export const staffingStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_figure-size: var(--wb-staffing-figure-size, 2em);
      --_indicator: var(--wb-staffing-indicator-color, var(--_status-fill));
      --_meter: var(--wb-staffing-meter-color, var(--_accent));
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
      grid-template-columns: repeat(3, auto);
      justify-content: space-between;
      align-items: end;
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
    [part~='indicator'] {
      position: absolute;
      inset-block: 0;
      inset-inline-start: 0;
      /* 0 stays visible as a sliver. */
      min-inline-size: 0.25em;
      border-radius: inherit;
      background: var(--_indicator);
      transition: inline-size var(--_motion) ease-out;
    }
    .meter [part~='indicator'] {
      background: var(--_meter);
    }
    [part~='target'] {
      position: absolute;
      inset-block: -0.25em;
      inline-size: 0.15em;
      margin-inline-start: -0.075em;
      background: var(--_on-surface);
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
      [part~='indicator'],
      .meter [part~='indicator'] {
        background: Highlight;
      }
      [part~='target'] {
        background: CanvasText;
      }
    }
  `,
];
