import { css, unsafeCSS } from 'lit';
import { GLOBAL_TOKENS, type GlobalToken, THEMES, themeDeclarations, tokenVar } from './tokens.js';

const v = (name: GlobalToken) => unsafeCSS(tokenVar(name));

/** The tokens a theme switches (colours and border width; type, motion and spacing stay). */
const THEMED = GLOBAL_TOKENS.filter(
  (name) => name.startsWith('color-') || name.startsWith('status-') || name === 'border-width',
);

const themeRules = Object.entries(THEMES)
  .map(([name, theme]) => `:host([theme='${name}']) { ${themeDeclarations(theme, THEMED)} }`)
  .join('\n');

/**
 * Shared by every element: private copies of the global tokens, the theme and scale attributes,
 * forced colors and reduced motion. Components add their own `--wb-<component>-*` on top.
 */
export const baseStyles = [
  unsafeCSS(themeRules),
  css`
    :host([scale='tv']) {
      --wb-font-size-scale: 2;
    }
    :host {
      --_background: ${v('color-background')};
      --_surface: ${v('color-surface')};
      --_on-surface: ${v('color-on-surface')};
      --_muted: ${v('color-on-surface-muted')};
      --_border: ${v('color-border')};
      --_track: ${v('color-track')};
      --_accent: ${v('color-accent')};
      --_border-width: ${v('border-width')};
      --_radius: ${v('radius')};
      --_space: ${v('space')};
      --_motion: ${v('motion-duration')};
      --_status-fill: ${v('status-empty-fill')};
      --_status-on: ${v('status-empty-on')};
      box-sizing: border-box;
      display: block;
      color: var(--_on-surface);
      font-family: ${v('font-family')};
      font-size: calc(${v('font-size-base')} * ${v('font-size-scale')});
      font-variant-numeric: tabular-nums;
      line-height: 1.25;
    }
    :host([hidden]) {
      display: none;
    }
    :host(:state(ok)) {
      --_status-fill: ${v('status-ok-fill')};
      --_status-on: ${v('status-ok-on')};
    }
    :host(:state(warning)) {
      --_status-fill: ${v('status-warning-fill')};
      --_status-on: ${v('status-warning-on')};
    }
    :host(:state(critical)) {
      --_status-fill: ${v('status-critical-fill')};
      --_status-on: ${v('status-critical-on')};
    }
    :host(:state(stale)) {
      --_status-fill: ${v('status-stale-fill')};
      --_status-on: ${v('status-stale-on')};
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    @media (prefers-reduced-motion: reduce) {
      :host {
        --_motion: 0ms;
      }
    }
    @media (forced-colors: active) {
      :host {
        --_background: Canvas;
        --_surface: Canvas;
        --_on-surface: CanvasText;
        --_muted: CanvasText;
        --_border: CanvasText;
        --_track: GrayText;
        --_accent: Highlight;
        --_status-fill: Highlight;
        --_status-on: HighlightText;
      }
      :host(:state(stale)),
      :host(:state(empty)) {
        --_status-fill: GrayText;
        --_status-on: Canvas;
      }
    }
  `,
];

/** The surface card most widgets sit on, and its head row (label, then status or legend). */
export const cardStyles = css`
  :host {
    contain: content;
  }
  .card {
    position: relative;
    background: var(--_surface);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    min-inline-size: 0;
  }
  :host(:state(warning)) .card,
  :host(:state(critical)) .card {
    border-color: var(--_status-fill);
    box-shadow: inset 0.25em 0 0 var(--_status-fill);
  }
  :host(:state(warning):dir(rtl)) .card,
  :host(:state(critical):dir(rtl)) .card {
    box-shadow: inset -0.25em 0 0 var(--_status-fill);
  }
  :host(:state(stale)) .card {
    border-style: dashed;
  }
  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  [part~='label'] {
    color: var(--_muted);
    font-size: 0.9em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.1em 0.5em;
    border-radius: 1em;
    background: var(--_status-fill);
    color: var(--_status-on);
    font-size: 0.8em;
    font-weight: 700;
    white-space: nowrap;
  }
  .status svg {
    width: 1em;
    height: 1em;
    fill: currentColor;
  }
  @media (forced-colors: active) {
    .status {
      border: 1px solid CanvasText;
      forced-color-adjust: none;
    }
  }
`;

/**
 * Labelled figures (a \`dl\`: \`dt\` label, \`dd\` figure, \`.big\` for the headline ones) and a bar's
 * \`indicator\` and \`target\` mark, as the queue tile and the staffing card show them. Each sets
 * \`--_figure-size\`, \`--_value-size\` and \`--_indicator\`, and its own grid, bar and mark sizes.
 */
export const figureStyles = css`
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
  [part~='target'] {
    position: absolute;
    inline-size: 0.15em;
    margin-inline-start: -0.075em;
    background: var(--_on-surface);
  }
  @media (forced-colors: active) {
    [part~='indicator'] {
      background: Highlight;
    }
    [part~='target'] {
      background: CanvasText;
    }
  }
`;
