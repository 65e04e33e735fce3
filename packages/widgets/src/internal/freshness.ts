import type { WallboardStore } from '@wallboard/metrics';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Watches a store's snapshots and decides when the data is stale: no snapshot for `staleAfterMs`
 * (counted from the last snapshot, or from subscribing when none has come). One timer at a time, re-armed
 * lazily: ten snapshots a second do not reset ten timers.
 */
export class FreshnessController implements ReactiveController {
  stale = false;
  /** Wall-clock ms of the last snapshot, null before the first. */
  lastSnapshotAt: number | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #onChange: (stale: boolean) => void;
  #store: WallboardStore | undefined;
  #staleAfterMs = 10_000;
  #watchingSince = 0;
  #subscription: { unsubscribe(): void } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, onChange: (stale: boolean) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** Called by the host whenever its store or threshold may have changed. */
  watch(store: WallboardStore | undefined, staleAfterMs: number): void {
    const changedStore = store !== this.#store;
    this.#store = store;
    this.#staleAfterMs = Number.isFinite(staleAfterMs) && staleAfterMs > 0 ? staleAfterMs : 10_000;
    if (changedStore) this.#restart();
    else this.#arm();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#restart();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #restart(): void {
    this.#stop();
    this.lastSnapshotAt = null;
    this.#setStale(false);
    if (!this.#connected || !this.#store) return;
    this.#watchingSince = Date.now();
    this.#subscription = this.#store.snapshots$.subscribe({
      next: () => {
        this.lastSnapshotAt = Date.now();
        this.#setStale(false);
        this.#arm();
      },
    });
    this.#arm();
  }

  #stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Ensures a timer runs until the moment the data would turn stale. */
  #arm(): void {
    if (!this.#subscription || this.stale || this.#timer !== undefined) return;
    const due = (this.lastSnapshotAt ?? this.#watchingSince) + this.#staleAfterMs;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        if (Date.now() >= (this.lastSnapshotAt ?? this.#watchingSince) + this.#staleAfterMs)
          this.#setStale(true);
        else this.#arm();
      },
      Math.max(0, due - Date.now()),
    );
  }

  #setStale(stale: boolean): void {
    if (stale === this.stale) return;
    this.stale = stale;
    this.#onChange(stale);
    this.#host.requestUpdate();
  }
}
