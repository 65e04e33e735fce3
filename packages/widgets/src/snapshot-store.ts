import type { Snapshot, WallboardStore } from '@wallboard/metrics';
import { BehaviorSubject, distinctUntilChanged, filter, map, type Observable } from 'rxjs';

const DEFAULT_SETTINGS: WallboardStore['settings'] = {
  slThresholdSec: 20,
  slTarget: 0.8,
  slFormula: 'abandons-count-against',
  shortAbandonSec: 5,
  timeZone: 'UTC',
  intervalMin: 15,
};

/** Reads a dotted path (`interval.asaSec`, `agentsByState.available`); missing is null. */
export function readPath(from: unknown, path: string): unknown {
  let node = from;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return node ?? null;
}

/**
 * A `WallboardStore` for snapshots that come from anywhere (polling `/snapshot`, a message bus, a
 * framework's state): `push()` a snapshot and every bound widget updates. `select` emits only on change.
 * For pages that have snapshots but no engine, e.g. with the one-file bundle:
 *
 *     const store = new SnapshotStore({ timeZone: 'Europe/Berlin' });
 *     board.store = store;
 *     store.push(await (await fetch('/snapshot')).json());
 */
export class SnapshotStore implements WallboardStore {
  readonly settings: WallboardStore['settings'];
  readonly snapshots$: Observable<Snapshot>;
  readonly #latest = new BehaviorSubject<Snapshot | null>(null);

  constructor(settings: Partial<WallboardStore['settings']> = {}) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.snapshots$ = this.#latest.pipe(filter((s): s is Snapshot => s !== null));
  }

  /** The latest snapshot, or null before the first. */
  get snapshot(): Snapshot | null {
    return this.#latest.value;
  }

  /** Publishes a snapshot. Anything without a `scopes` object is ignored (and reported as false). */
  push(snapshot: Snapshot): boolean {
    if (
      !snapshot ||
      typeof snapshot !== 'object' ||
      typeof snapshot.scopes !== 'object' ||
      snapshot.scopes === null
    )
      return false;
    this.#latest.next(snapshot);
    return true;
  }

  select<T = number | null>(scope: string, metric: string): Observable<T> {
    return this.snapshots$.pipe(
      map((s) => readPath(s.scopes[scope], metric) as T),
      distinctUntilChanged(),
    );
  }
}
