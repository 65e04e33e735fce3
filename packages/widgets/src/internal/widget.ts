import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { WbElement } from './base-element.js';
import type { ThresholdLevel } from './events.js';
import { StoreFeed } from './store-feed.js';
import { WIDGET_STATUSES, type WidgetStatus, widgetStatus } from './thresholds.js';

/**
 * What every widget shares: a text `label`, a `locale`, the optional binding to the nearest `wb-board`
 * (`scope` or `queue`, plus `metric`), the `stale` flag and the reflected `status` with its custom state.
 *
 * Subclasses render from their own plain properties; when bound, `storeValue()` writes store values into
 * those same properties, so there is one rendering path. Lifecycle: `willUpdate` binds the feed, calls
 * `derive()`, then sets `status`; `updated` sets the custom state.
 */
export class WbWidget extends WbElement {
  /** Name of what is shown, rendered as text and used as the accessible name. */
  @property() label = '';

  /** BCP 47 locale for numbers, percents, durations and times. Unset: the browser's. */
  @property() locale?: string;

  /** Scope to read from the board's store: `all`, `queue:<id>`, `partner:<id>`, `team:<id>`. */
  @property() scope?: string;

  /** Shorthand for `scope="queue:<id>"`. */
  @property() queue?: string;

  /** Dotted metric path to read from the store (`serviceLevel`, `interval.asaSec`, `agentsByState.available`). */
  @property() metric?: string;

  /** Marks the figures as stale (a board sets this state for its widgets when data stops). */
  @property({ type: Boolean }) stale = false;

  /** Current status, reflected for styling and tests; also set as the custom state `:state(<status>)`. */
  @property({ reflect: true }) status: WidgetStatus = 'empty';

  protected readonly feed = new StoreFeed(this, (metric, value) => this.storeValue(metric, value));

  /** The scope this widget reads: `scope`, else `queue:<queue>`, else `all`. */
  get resolvedScope(): string {
    if (this.scope) return this.scope;
    if (this.queue) return `queue:${this.queue}`;
    return 'all';
  }

  /** Whether the widget's figures come from a board right now. */
  get isBound(): boolean {
    return this.feed.bound;
  }

  /** The metrics to subscribe to for the current properties; none means "render from properties". */
  protected boundMetrics(): readonly string[] {
    return this.metric ? [this.metric] : [];
  }

  /** Receives each value the store emits for a bound metric; subclasses write it to a property. */
  protected storeValue(_metric: string, _value: unknown): void {}

  /** Derived values for render(), computed before each update. */
  protected derive(_changed: PropertyValues<this>): void {}

  /** The level of the widget's data, or null when it has none (status `empty`). */
  protected contentLevel(): ThresholdLevel | null {
    return 'ok';
  }

  /** Stale when the widget or its board says so. */
  get isStale(): boolean {
    return this.stale || this.feed.stale;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.feed.bind(this.boundMetrics().length > 0 ? this.resolvedScope : undefined, this.boundMetrics());
    this.derive(changed);
    this.status = widgetStatus(this.contentLevel(), this.isStale);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('status')) this.setExclusiveState(WIDGET_STATUSES, this.status);
  }
}
