import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

export type WbTheme = 'dark' | 'light' | 'high-contrast';
export type WbScale = 'desk' | 'tv';

/** The events an element of the kit may emit, by name. */
type WbEventMap = Pick<GlobalEventHandlersEventMap, 'wb-threshold-change' | 'wb-stale' | 'wb-fresh'>;
type WbEvent = WbEventMap[keyof WbEventMap];

/**
 * The base of every element: ElementInternals for custom states, a typed `emit()`, and the `theme`
 * and `scale` attributes that the shared styles read. It never registers itself.
 */
export class WbElement extends LitElement {
  /** Colour theme applied to this element and everything inside it. Unset: inherit the page tokens (dark by default). */
  @property({ reflect: true }) theme?: WbTheme;

  /** `tv` doubles `--wb-font-size-scale` for reading from across the floor. */
  @property({ reflect: true }) scale?: WbScale;

  protected readonly internals: ElementInternals = this.attachInternals();

  /** Dispatches one of the kit's event classes; returns false when a listener cancelled it. */
  protected emit<E extends WbEvent>(event: E): boolean {
    return this.dispatchEvent(event);
  }

  /** Sets exactly one of `names` as a custom state (`:state(x)`), clearing the others. */
  protected setExclusiveState(names: readonly string[], active: string | null): void {
    const states = this.internals.states;
    for (const name of names) {
      if (name === active) states.add(name);
      else states.delete(name);
    }
  }
}
