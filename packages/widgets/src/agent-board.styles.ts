import { css, unsafeCSS } from 'lit';
import { baseStyles, cardStyles } from './internal/styles.js';
import { tokenVar } from './internal/tokens.js';

const v = (name: Parameters<typeof tokenVar>[0]) => unsafeCSS(tokenVar(name));

export const agentBoardStyles = [
  baseStyles,
  cardStyles,
  css`
    :host {
      --_max-height: var(--wb-agent-board-max-height, 24em);
      --_row-min: var(--wb-agent-board-row-min, 11em);
      /* A row with \`fit\`: the name line and the team line (0.8em) at line-height 1.25, and padding. */
      --_row-height: 2.75em;
      --_available: var(--wb-agent-board-available-color, ${v('status-ok-fill')});
      --_on-call: var(--wb-agent-board-on-call-color, var(--_accent));
      --_acw: var(--wb-agent-board-acw-color, var(--_muted));
      --_break: var(--wb-agent-board-break-color, ${v('status-warning-fill')});
      --_other: var(--wb-agent-board-other-color, var(--_track));
      --_offline: var(--wb-agent-board-offline-color, ${v('status-empty-fill')});
    }
    .s-available {
      --_state: var(--_available);
    }
    .s-on-call {
      --_state: var(--_on-call);
    }
    .s-acw {
      --_state: var(--_acw);
    }
    .s-break {
      --_state: var(--_break);
    }
    .s-other {
      --_state: var(--_other);
    }
    .s-offline {
      --_state: var(--_offline);
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1em;
      margin-block: 0.5em;
      font-size: 0.85em;
    }
    .counts li {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      color: var(--_muted);
    }
    [part~='value'] {
      color: var(--_on-surface);
      font-size: 1.3em;
      font-weight: 700;
    }
    .dot {
      flex: none;
      inline-size: 0.75em;
      block-size: 0.75em;
      border-radius: 50%;
      background: var(--_state);
    }
    .s-offline .dot {
      background: none;
      border: 0.15em solid var(--_state);
    }
    .mix {
      display: flex;
      gap: 2px;
      block-size: 0.5em;
      border-radius: 0.25em;
      overflow: hidden;
    }
    [part~='indicator'] {
      flex-basis: 0;
      background: var(--_state);
    }
    .rows {
      max-block-size: var(--_max-height);
      margin-block-start: 0.75em;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    .rows:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    .group + .group {
      margin-block-start: 0.6em;
    }
    .group-head {
      display: flex;
      align-items: center;
      gap: 0.4em;
      margin-block-end: 0.3em;
      font-size: 0.8em;
      font-weight: 700;
      color: var(--_muted);
    }
    /* auto-fit: a state with fewer agents than columns gives them the width (names cut only then). */
    .group ul {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_row-min)), 1fr));
      gap: 0.25em;
    }
    /* The time as wide as it reads, the name everything else. */
    .group li {
      display: grid;
      grid-template-columns: minmax(0, 1fr) max-content;
      column-gap: 0.5em;
      padding: 0.2em 0.5em;
      border-inline-start: 0.3em solid var(--_state);
      border-radius: 0.2em;
      background: var(--_background);
      /* Rows scrolled out of view skip layout and paint: 500 agents stay cheap. */
      content-visibility: auto;
      contain-intrinsic-size: auto 2.6em;
    }
    .name {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 600;
    }
    .team {
      grid-row: 2;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      color: var(--_muted);
      font-size: 0.8em;
    }
    .time {
      grid-row: 1 / span 2;
      align-self: center;
      font-weight: 700;
    }
    .more {
      margin-block-start: 0.3em;
      padding: 0.15em 0.6em;
      border: var(--_border-width) solid var(--_border);
      border-radius: 1em;
      background: none;
      color: inherit;
      font: inherit;
      font-size: 0.8em;
      cursor: pointer;
    }
    .more:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    /*
     * fit: the card fills the host's height; the states share the room left under the legend as
     * equal cells (columns, wrapping into rows when narrow), each a head, a list of fixed-height rows
     * clipped to whole rows by the count the element renders, and a "+N more" line always reserved.
     */
    :host([fit]) .card {
      display: flex;
      flex-direction: column;
      block-size: 100%;
    }
    :host([fit]) .rows {
      position: relative;
      flex: 1 1 var(--_max-height);
      min-block-size: 0;
      max-block-size: none;
      overflow: hidden;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_row-min)), 1fr));
      grid-auto-rows: minmax(0, 1fr);
      gap: 0.6em 0.75em;
    }
    :host([fit]) .group {
      display: grid;
      grid-template-rows: auto minmax(0, 1fr) auto;
      min-block-size: 0;
      min-inline-size: 0;
    }
    :host([fit]) .group + .group {
      margin-block-start: 0;
    }
    :host([fit]) .group-head {
      white-space: nowrap;
      overflow: hidden;
      font-size: 0.9em;
    }
    .group-word {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .group-count {
      margin-inline-start: auto;
      color: var(--_on-surface);
    }
    /* As many columns as the agents shown need (set by the element), each at least \`-row-min\` wide. */
    :host([fit]) .group ul {
      grid-template-columns: repeat(var(--_columns, 1), minmax(0, 1fr));
      grid-auto-rows: var(--_row-height);
      align-content: start;
      min-block-size: 0;
      overflow: hidden;
    }
    :host([fit]) .group li {
      align-content: center;
      overflow: hidden;
      content-visibility: visible;
    }
    .rest {
      block-size: 1.25em;
      margin: 0.2em 0 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      color: var(--_muted);
      font-size: 0.9em;
      font-weight: 600;
    }
    .ruler {
      position: absolute;
      inset-block-start: 0;
      inset-inline-start: 0;
      inline-size: var(--_row-min);
      block-size: var(--_row-height);
      visibility: hidden;
      pointer-events: none;
    }
    .nodata {
      margin-block: 0.75em;
      color: var(--_muted);
    }
    @media (forced-colors: active) {
      .dot,
      [part~='indicator'],
      .group li {
        forced-color-adjust: none;
      }
      .dot,
      [part~='indicator'] {
        background: CanvasText;
      }
      .s-available .dot,
      .s-available[part~='indicator'] {
        background: Highlight;
      }
      .s-offline .dot {
        background: Canvas;
        border-color: CanvasText;
      }
      .group li {
        border-inline-start-color: CanvasText;
        background: Canvas;
        color: CanvasText;
      }
    }
  `,
];
