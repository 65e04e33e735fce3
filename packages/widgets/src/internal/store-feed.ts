import { ContextConsumer } from '@lit/context';
import type { WallboardStore } from '@wallboard/metrics';
import type { ReactiveController, ReactiveElement } from 'lit';
import { staleContext, storeContext } from './context.js';

/** Pseudo-metric for the engine time (`snapshot.t`) of every snapshot, for clocks. */
export const SNAPSHOT_TIME = '@t';

interface Unsubscribable {
  unsubscribe(): void;
}

/**
 * Connects a widget to the store of the nearest `wb-board`: it consumes the store and stale contexts,
 * subscribes to `store.select(scope, metric)` for each metric the widget binds, hands every emitted
 * value to `onValue`, and unsubscribes when the widget leaves the document.
 *
 * The widget calls `bind()` from `willUpdate()`: values a store emits synchronously on subscribe then
 * land in the same update, and later values set properties that schedule the next one.
 */
export class StoreFeed implements ReactiveController {
  /** The store of the nearest board, if any. */
  store: WallboardStore | undefined;
  /** Whether the nearest board reports stale data. */
  stale = false;

  readonly #host: ReactiveElement;
  readonly #onValue: (metric: string, value: unknown) => void;
  #scope: string | undefined;
  #metrics: readonly string[] = [];
  #subscriptions: Unsubscribable[] = [];

  constructor(host: ReactiveElement, onValue: (metric: string, value: unknown) => void) {
    this.#host = host;
    this.#onValue = onValue;
    // Added before the consumers so that on reconnection the store is cleared before they re-provide it.
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        if (store === this.store) return;
        this.store = store;
        this.#resubscribe();
        host.requestUpdate();
      },
    });
    new ContextConsumer(host, {
      context: staleContext,
      subscribe: true,
      callback: (stale) => {
        if (stale === this.stale) return;
        this.stale = stale;
        host.requestUpdate();
      },
    });
  }

  /** True when the widget has a store and something to read from it. */
  get bound(): boolean {
    return this.store !== undefined && this.#scope !== undefined && this.#metrics.length > 0;
  }

  /** Binds `metrics` of `scope`; no scope or no metrics unbinds. Idempotent: resubscribes only on change. */
  bind(scope: string | undefined, metrics: readonly string[]): void {
    if (scope === this.#scope && sameList(metrics, this.#metrics)) return;
    this.#scope = scope;
    this.#metrics = [...metrics];
    this.#resubscribe();
  }

  hostConnected(): void {
    // The contexts answer again right after this, from the new position in the tree.
    this.store = undefined;
    this.stale = false;
  }

  hostDisconnected(): void {
    this.#unsubscribe();
    this.store = undefined;
  }

  #resubscribe(): void {
    this.#unsubscribe();
    const store = this.store;
    const scope = this.#scope;
    if (!store || scope === undefined || !this.#host.isConnected) return;
    for (const metric of this.#metrics) {
      const observer = { next: (value: unknown) => this.#onValue(metric, value) };
      this.#subscriptions.push(
        metric === SNAPSHOT_TIME
          ? store.snapshots$.subscribe({ next: (snapshot) => this.#onValue(metric, snapshot.t) })
          : store.select<unknown>(scope, metric).subscribe(observer),
      );
    }
  }

  #unsubscribe(): void {
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions = [];
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A finite number from a store value, or null (the engine gives null for empty windows). */
export function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
