import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { announcer } from './announcer.js';
import { type ThresholdLevel, WbThresholdChangeEvent } from './events.js';
import { STATUS_WORDS, type ThresholdDirection, type Thresholds, thresholdLevel } from './thresholds.js';
import { WbWidget } from './widget.js';

/** A finite number or null: attributes such as `warn="abc"` must not produce NaN levels. */
const finite = (n: number | null | undefined): number | null => (n != null && Number.isFinite(n) ? n : null);

/**
 * A widget with one measured value and thresholds: `warn` and `critical` levels crossed `above` or
 * `below`. Each crossing into another level fires one `wb-threshold-change` and one polite, throttled
 * announcement. The first level a widget sees is a crossing too when it is `warning` or `critical`
 * (a board started mid-incident says so once, `previous` null); a first `ok` fires nothing. Stale or
 * empty spells keep the last level, so returning to it is not a crossing.
 */
export class WbMeasure extends WbWidget {
  /** Level beyond which the status is `warning`. */
  @property({ type: Number }) warn: number | null = null;

  /** Level beyond which the status is `critical`. */
  @property({ type: Number }) critical: number | null = null;

  /** Which way is bad: `above` (the default) or `below`. */
  @property() direction: ThresholdDirection = 'above';

  /** Do not announce threshold crossings to screen readers (the event still fires). */
  @property({ type: Boolean }) silent = false;

  #baseline: ThresholdLevel | null = null;
  #level: ThresholdLevel | null = null;

  /** The value the thresholds apply to. */
  protected thresholdValue(): number | null {
    return null;
  }

  /** The thresholds in force; subclasses may supply defaults (an SL gauge warns below its target). */
  protected thresholds(): Thresholds {
    return {
      warn: finite(this.warn),
      critical: finite(this.critical),
      direction: this.direction === 'below' ? 'below' : 'above',
    };
  }

  /** The name of the figure the thresholds apply to: the event's `metric`. */
  protected thresholdMetric(): string {
    return this.metric || 'value';
  }

  /** How the value reads in an announcement ("62%"). */
  protected valueText(): string {
    return String(this.thresholdValue() ?? '');
  }

  protected override contentLevel(): ThresholdLevel | null {
    return thresholdLevel(this.thresholdValue(), this.thresholds());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#level = this.isStale ? null : this.contentLevel();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const level = this.#level;
    if (level === null || level === this.#baseline) return;
    const previous = this.#baseline;
    this.#baseline = level;
    if (previous === null && level === 'ok') return;
    const value = this.thresholdValue() ?? Number.NaN;
    this.emit(new WbThresholdChangeEvent({ level, previous, metric: this.thresholdMetric(), value }));
    if (!this.silent) {
      announcer.announce(
        this,
        `${this.label || this.localName}: ${STATUS_WORDS[level]}, ${this.valueText()}`,
      );
    }
  }
}
