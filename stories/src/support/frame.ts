/**
 * `<sb-story-frame>`: what the toolbar changes, applied around every story the way a host page would
 * (DESIGN.md "Who uses it"): theme tokens as CSS custom properties on an ancestor, the TV scale knob,
 * `dir`, a locale for widgets that have none of their own, and reduced motion (motion tokens to 0 and
 * tickers static, which is what `prefers-reduced-motion` does in the widgets' own styles).
 */
import { GLOBAL_TOKENS, THEMES, type WbTheme } from '@wallboard/widgets';

export type FrameScale = 'desk' | 'tv';
export type FrameMotion = 'full' | 'reduce';
export type FrameDirection = 'ltr' | 'rtl';

export interface FrameSettings {
  theme: WbTheme;
  scale: FrameScale;
  /** BCP 47 tag, or '' for the browser's. */
  locale: string;
  motion: FrameMotion;
  direction: FrameDirection;
  /** Fill the viewport (a story on its own), rather than fit the content (a story in a docs page). */
  fill?: boolean;
}

export const DEFAULT_FRAME: FrameSettings = {
  theme: 'dark',
  scale: 'desk',
  locale: '',
  motion: 'full',
  direction: 'ltr',
};

type Localised = HTMLElement & { locale?: string };
type Ticker = HTMLElement & { staticList: boolean };

export class SbStoryFrame extends HTMLElement {
  #settings: FrameSettings = DEFAULT_FRAME;
  /** What this frame wrote into each widget, so a value the story set itself is never overwritten. */
  readonly #localeSet = new WeakMap<Localised, string | undefined>();
  readonly #madeStatic = new WeakSet<Ticker>();
  readonly #observer = new MutationObserver(() => this.#applyToWidgets());

  set settings(settings: FrameSettings) {
    this.#settings = settings;
    if (this.isConnected) this.#apply();
  }
  get settings(): FrameSettings {
    return this.#settings;
  }

  connectedCallback(): void {
    this.#observer.observe(this, { childList: true, subtree: true });
    this.#apply();
  }

  disconnectedCallback(): void {
    this.#observer.disconnect();
  }

  #apply(): void {
    const s = this.#settings;
    const theme = THEMES[s.theme] ?? THEMES.dark;
    for (const name of GLOBAL_TOKENS) this.style.setProperty(`--wb-${name}`, theme[name]);
    this.style.setProperty('--wb-font-size-scale', s.scale === 'tv' ? '2' : '1');
    if (s.motion === 'reduce') this.style.setProperty('--wb-motion-duration', '0ms');
    this.style.display = 'block';
    this.style.padding = '1rem';
    this.style.boxSizing = 'border-box';
    this.style.minHeight = s.fill ? '100vh' : '';
    this.style.background = 'var(--wb-color-background)';
    this.style.color = 'var(--wb-color-on-surface)';
    this.style.fontFamily = 'var(--wb-font-family)';
    this.dir = s.direction;
    this.dataset.theme = s.theme;
    this.#applyToWidgets();
  }

  #applyToWidgets(): void {
    const s = this.#settings;
    const wanted = s.locale || undefined;
    for (const el of this.querySelectorAll<Localised>('*')) {
      if (!el.localName.startsWith('wb-') || !('locale' in el)) continue;
      const mine = this.#localeSet.get(el);
      if (el.locale === undefined || (this.#localeSet.has(el) && el.locale === mine)) {
        if (el.locale !== wanted) el.locale = wanted;
        this.#localeSet.set(el, wanted);
      }
    }
    for (const ticker of this.querySelectorAll<Ticker>('wb-ticker')) {
      if (s.motion === 'reduce' && !ticker.staticList) {
        ticker.staticList = true;
        this.#madeStatic.add(ticker);
      } else if (s.motion === 'full' && this.#madeStatic.has(ticker)) {
        ticker.staticList = false;
        this.#madeStatic.delete(ticker);
      }
    }
  }
}

if (!customElements.get('sb-story-frame')) customElements.define('sb-story-frame', SbStoryFrame);

declare global {
  interface HTMLElementTagNameMap {
    'sb-story-frame': SbStoryFrame;
  }
}
