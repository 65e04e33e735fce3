import { css, unsafeCSS } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';

export const tickerStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_gap: var(--wb-ticker-gap, 3em);
    }
    .card {
      display: flex;
      align-items: center;
      gap: 1em;
      overflow: hidden;
    }
    .card:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part~='label'] {
      flex: none;
    }
    .viewport {
      flex: 1;
      min-inline-size: 0;
      overflow: hidden;
    }
    .track {
      display: flex;
      inline-size: max-content;
      animation: wb-ticker-scroll var(--_duration) linear infinite;
    }
    :host(:dir(rtl)) .track {
      animation-name: wb-ticker-scroll-rtl;
    }
    .card:hover .track,
    .card:focus-within .track {
      animation-play-state: paused;
    }
    .list {
      display: flex;
      gap: var(--_gap);
      margin: 0;
      padding-inline: 0 var(--_gap);
      list-style: none;
      white-space: nowrap;
      font-size: 1.25em;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
    }
    .badge {
      flex: none;
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
      padding: 0 0.4em;
      border-radius: 0.3em;
      font-size: 0.8em;
      font-weight: 700;
    }
    .badge svg {
      width: 1em;
      height: 1em;
      fill: currentColor;
    }
    .warning .badge {
      background: ${unsafeCSS(tokenVar('status-warning-fill'))};
      color: ${unsafeCSS(tokenVar('status-warning-on'))};
    }
    .critical .badge {
      background: ${unsafeCSS(tokenVar('status-critical-fill'))};
      color: ${unsafeCSS(tokenVar('status-critical-on'))};
    }
    .empty {
      color: var(--_muted);
    }
    @keyframes wb-ticker-scroll {
      to {
        transform: translateX(-50%);
      }
    }
    @keyframes wb-ticker-scroll-rtl {
      to {
        transform: translateX(50%);
      }
    }
    /* Static: no motion, every message visible, no duplicate copy. */
    :host([static]) .track {
      animation: none;
      inline-size: auto;
    }
    :host([static]) .list {
      flex-direction: column;
      gap: 0.25em;
      white-space: normal;
    }
    :host([static]) .list[aria-hidden] {
      display: none;
    }
    @media (prefers-reduced-motion: reduce) {
      .track {
        animation: none;
        inline-size: auto;
      }
      .list {
        flex-direction: column;
        gap: 0.25em;
        white-space: normal;
      }
      .list[aria-hidden] {
        display: none;
      }
    }
    @media (forced-colors: active) {
      .badge {
        border: 1px solid CanvasText;
      }
    }
  `,
];
