/**
 * One polite live region for the whole page, for threshold crossings only (never ticking values).
 * Messages that arrive within `minIntervalMs` of the last announcement are merged, keeping the latest
 * message per source, and spoken together when the interval has passed: a board whose ten queues all
 * turn critical at once is one announcement, not ten.
 */
export class Announcer {
  /** Shortest time between two announcements. */
  minIntervalMs: number;
  #region: HTMLElement | undefined;
  #pending = new Map<object, string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastAt = Number.NEGATIVE_INFINITY;

  constructor(minIntervalMs = 4000) {
    this.minIntervalMs = minIntervalMs;
  }

  /** Queues `message` from `source`; a later message from the same source replaces it. */
  announce(source: object, message: string): void {
    this.#pending.set(source, message);
    this.#ensureRegion();
    if (this.#timer !== undefined) return;
    // The region must exist in the accessibility tree before its text changes, hence a delay even
    // for the first message.
    const wait = Math.max(50, this.#lastAt + this.minIntervalMs - Date.now());
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  /** The live region element (created on first use), for tests and for hosts that move it. */
  get region(): HTMLElement {
    return this.#ensureRegion();
  }

  #ensureRegion(): HTMLElement {
    if (this.#region?.isConnected) return this.#region;
    const region = document.createElement('div');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    region.dataset.wbAnnouncer = '';
    // Visually hidden but read by screen readers.
    region.style.cssText =
      'position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0';
    document.body.append(region);
    this.#region = region;
    return region;
  }

  #flush(): void {
    this.#timer = undefined;
    if (this.#pending.size === 0) return;
    const text = [...this.#pending.values()].join('. ');
    this.#pending.clear();
    this.#lastAt = Date.now();
    this.#ensureRegion().textContent = text;
  }
}

/** The page's announcer, shared by every widget. */
export const announcer = new Announcer();
