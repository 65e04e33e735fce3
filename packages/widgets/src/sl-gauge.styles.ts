import { css } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';

export const slGaugeStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_size: var(--wb-sl-gauge-size, 9em);
      --_track-width: var(--wb-sl-gauge-track-width, 10);
      --_indicator: var(--wb-sl-gauge-indicator-color, var(--_status-fill));
      --_target: var(--wb-sl-gauge-target-color, var(--_on-surface));
    }
    .dial {
      position: relative;
      inline-size: min(100%, var(--_size));
      aspect-ratio: 1;
      margin: 0.5em auto;
    }
    svg {
      display: block;
      inline-size: 100%;
      block-size: 100%;
      overflow: visible;
    }
    circle {
      fill: none;
      stroke-width: var(--_track-width);
      transform: rotate(-90deg);
      transform-origin: 50% 50%;
    }
    [part~='track'] {
      stroke: var(--_track);
    }
    [part~='indicator'] {
      stroke: var(--_indicator);
      /* A round cap keeps 0% visible as a dot at the top of the ring. */
      stroke-linecap: round;
      transition: stroke-dasharray var(--_motion) ease-out;
    }
    [part~='target'] {
      stroke: var(--_target);
      stroke-width: 2.5;
      stroke-linecap: round;
    }
    .figure {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: calc(var(--_size) / 4.5);
      font-weight: 700;
      unicode-bidi: isolate;
    }
    [part~='unit'] {
      font-size: 0.55em;
      font-weight: 600;
    }
    [part~='legend'] {
      text-align: center;
      color: var(--_muted);
      font-size: 0.85em;
    }
    @media (forced-colors: active) {
      [part~='indicator'] {
        stroke: Highlight;
      }
      [part~='track'] {
        stroke: GrayText;
      }
      [part~='target'] {
        stroke: CanvasText;
      }
    }
  `,
];
