/**
 * The kit's events: one class each, all `bubbles` and `composed` so they cross shadow roots and reach
 * framework listeners on any ancestor. Typed in `GlobalEventHandlersEventMap` below.
 */

/** A threshold level: where a value sits against its `warn` and `critical` levels. */
export type ThresholdLevel = 'ok' | 'warning' | 'critical';

export interface ThresholdChangeDetail {
  level: ThresholdLevel;
  /** The level before, or null when the widget had no data yet (its first value is already bad). */
  previous: ThresholdLevel | null;
  /** The figure that crossed: a queue tile's `serviceLevel` or `longestWaitSec`, else the widget's own. */
  metric: string;
  /** That figure's value. */
  value: number;
}

/**
 * Fired once each time a widget's value crosses into another threshold level, and once when its first
 * value is already `warning` or `critical` (`previous` null).
 */
export class WbThresholdChangeEvent extends Event {
  static readonly eventName = 'wb-threshold-change';
  readonly level: ThresholdLevel;
  readonly previous: ThresholdLevel | null;
  readonly metric: string;
  readonly value: number;

  constructor(detail: ThresholdChangeDetail) {
    super(WbThresholdChangeEvent.eventName, { bubbles: true, composed: true });
    this.level = detail.level;
    this.previous = detail.previous;
    this.metric = detail.metric;
    this.value = detail.value;
  }
}

/** Fired by `wb-board` when no snapshot has arrived for `staleAfter` seconds. */
export class WbStaleEvent extends Event {
  static readonly eventName = 'wb-stale';
  /** Epoch ms (wall clock) of the last snapshot received, or null when none ever came. */
  readonly lastSnapshotAt: number | null;

  constructor(lastSnapshotAt: number | null) {
    super(WbStaleEvent.eventName, { bubbles: true, composed: true });
    this.lastSnapshotAt = lastSnapshotAt;
  }
}

/** Fired by `wb-board` when snapshots flow again after a `wb-stale`. */
export class WbFreshEvent extends Event {
  static readonly eventName = 'wb-fresh';

  constructor() {
    super(WbFreshEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wb-threshold-change': WbThresholdChangeEvent;
    'wb-stale': WbStaleEvent;
    'wb-fresh': WbFreshEvent;
  }
}
