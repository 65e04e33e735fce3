/**
 * Design tokens. Global tokens are `--wb-<category>-<name>`; the values below are the dark TV theme,
 * which is also every component's fallback, so a widget looks right with no CSS at all. Light and high
 * contrast themes set the same names. Components copy each global token once to a private `--_name`
 * on `:host`, behind their own `--wb-<component>-<name>` where a component exposes one.
 */

export const GLOBAL_TOKENS = [
  'color-background',
  'color-surface',
  'color-on-surface',
  'color-on-surface-muted',
  'color-border',
  'color-track',
  'color-accent',
  'status-ok-fill',
  'status-ok-on',
  'status-warning-fill',
  'status-warning-on',
  'status-critical-fill',
  'status-critical-on',
  'status-stale-fill',
  'status-stale-on',
  'status-empty-fill',
  'status-empty-on',
  'font-family',
  'font-size-base',
  'font-size-scale',
  'motion-duration',
  'radius',
  'space',
  'border-width',
] as const;

export type GlobalToken = (typeof GLOBAL_TOKENS)[number];
export type ThemeTokens = Readonly<Record<GlobalToken, string>>;

/** Dark, the TV default (and the fallback of every `var()`). Contrast checked: text >= 4.5:1, track >= 3:1. */
export const darkTheme: ThemeTokens = {
  'color-background': '#0e1014',
  'color-surface': '#171a21',
  'color-on-surface': '#f3f5f8',
  'color-on-surface-muted': '#b4bcc8',
  'color-border': '#394150',
  'color-track': '#6b7585',
  'color-accent': '#58a6ff',
  'status-ok-fill': '#34c77b',
  'status-ok-on': '#06210f',
  'status-warning-fill': '#ffc53d',
  'status-warning-on': '#2a1d00',
  'status-critical-fill': '#ff6b6b',
  'status-critical-on': '#2b0505',
  'status-stale-fill': '#8d96a5',
  'status-stale-on': '#111318',
  'status-empty-fill': '#6b7585',
  'status-empty-on': '#ffffff',
  'font-family': 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  'font-size-base': '16px',
  'font-size-scale': '1',
  'motion-duration': '200ms',
  radius: '0.5em',
  space: '0.75em',
  'border-width': '1px',
};

export const lightTheme: ThemeTokens = {
  ...darkTheme,
  'color-background': '#eef1f5',
  'color-surface': '#ffffff',
  'color-on-surface': '#14171c',
  'color-on-surface-muted': '#4d5663',
  'color-border': '#c3cad5',
  'color-track': '#7b8594',
  'color-accent': '#0b63ce',
  'status-ok-fill': '#1a7f45',
  'status-ok-on': '#ffffff',
  'status-warning-fill': '#b57600',
  'status-warning-on': '#1a1200',
  'status-critical-fill': '#c62828',
  'status-critical-on': '#ffffff',
  'status-stale-fill': '#5f6b7a',
  'status-stale-on': '#ffffff',
  'status-empty-fill': '#7b8594',
  'status-empty-on': '#000000',
};

export const highContrastTheme: ThemeTokens = {
  ...darkTheme,
  'color-background': '#000000',
  'color-surface': '#000000',
  'color-on-surface': '#ffffff',
  'color-on-surface-muted': '#ffffff',
  'color-border': '#ffffff',
  'color-track': '#c8c8c8',
  'color-accent': '#ffff00',
  'status-ok-fill': '#00ff85',
  'status-ok-on': '#000000',
  'status-warning-fill': '#ffd400',
  'status-warning-on': '#000000',
  'status-critical-fill': '#ff5c5c',
  'status-critical-on': '#000000',
  'status-stale-fill': '#c8c8c8',
  'status-stale-on': '#000000',
  'status-empty-fill': '#c8c8c8',
  'status-empty-on': '#000000',
  'border-width': '2px',
};

export const THEMES = { dark: darkTheme, light: lightTheme, 'high-contrast': highContrastTheme } as const;

/** `var(--wb-<name>, <dark default>)`: the one way components read a global token. */
export function tokenVar(name: GlobalToken): string {
  return `var(--wb-${name}, ${darkTheme[name]})`;
}

/** The declarations of a theme, for a `:host([theme=x])` rule or a page stylesheet. */
export function themeDeclarations(theme: ThemeTokens, only?: readonly GlobalToken[]): string {
  return (only ?? GLOBAL_TOKENS).map((name) => `--wb-${name}: ${theme[name]};`).join(' ');
}
