import type { ScopeSnapshot, SlSettings, Snapshot, WallboardStore } from '@wallboard/metrics';
import { BehaviorSubject, distinctUntilChanged, filter, map, Observable, type Subject } from 'rxjs';

const SETTINGS: WallboardStore['settings'] = {
  slThresholdSec: 20,
  slTarget: 0.8,
  slFormula: 'abandons-count-against',
  shortAbandonSec: 5,
  timeZone: 'Europe/Berlin',
  intervalMin: 15,
};

/** Reads a dotted path (`interval.asaSec`, `agentsByState.available`) from a scope. */
function at(scope: unknown, path: string): unknown {
  let node = scope;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return node ?? null;
}

/**
 * A WallboardStore over an rxjs Subject, for tests: `push()` a snapshot, widgets receive it. It counts
 * live subscriptions so tests can prove that widgets unsubscribe.
 */
export class FakeStore implements WallboardStore {
  readonly settings: WallboardStore['settings'];
  readonly #snapshots: Subject<Snapshot | null> = new BehaviorSubject<Snapshot | null>(null);
  readonly snapshots$: Observable<Snapshot>;
  readonly #source: Observable<Snapshot>;
  activeSubscriptions = 0;
  selects: Array<{ scope: string; metric: string }> = [];
  #seq = 0;

  constructor(settings: Partial<WallboardStore['settings']> = {}) {
    this.settings = { ...SETTINGS, ...settings };
    this.#source = this.#snapshots.pipe(filter((s): s is Snapshot => s !== null));
    this.snapshots$ = this.#counted(this.#source);
  }

  select<T = number | null>(scope: string, metric: string): Observable<T> {
    this.selects.push({ scope, metric });
    return this.#counted(
      this.#source.pipe(
        map((s) => at(s.scopes[scope], metric) as T),
        distinctUntilChanged(),
      ),
    );
  }

  /** Emits a snapshot whose scopes hold the given (partial) figures. */
  push(scopes: Record<string, Partial<ScopeSnapshot>>, t = Date.UTC(2026, 2, 2, 9, 30)): void {
    const full: Record<string, ScopeSnapshot> = {};
    for (const [name, figures] of Object.entries(scopes))
      full[name] = { ...emptyScope(name, this.settings), ...figures };
    this.#snapshots.next({ seq: ++this.#seq, t, timeZone: this.settings.timeZone, scopes: full });
  }

  #counted<T>(source: Observable<T>): Observable<T> {
    return new Observable<T>((subscriber) => {
      this.activeSubscriptions++;
      const inner = source.subscribe(subscriber);
      return () => {
        this.activeSubscriptions--;
        inner.unsubscribe();
      };
    });
  }
}

export function emptyScope(scope: string, sl: SlSettings): ScopeSnapshot {
  const window = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    shortAbandoned: 0,
    overflowed: 0,
    answeredWithin: 0,
    abandonedWithin: 0,
    handled: 0,
    surveys: 0,
    serviceLevel: null,
    asaSec: null,
    ataSec: null,
    attSec: null,
    acwSec: null,
    ahtSec: null,
    abandonRate: null,
    occupancy: null,
    csat: null,
    avgStaffed: null,
  };
  return {
    ...window,
    scope,
    sl: {
      slThresholdSec: sl.slThresholdSec,
      slTarget: sl.slTarget,
      slFormula: sl.slFormula,
      shortAbandonSec: sl.shortAbandonSec,
    },
    staffedAgents: 0,
    waiting: 0,
    longestWaitSec: 0,
    agentsByState: { offline: 0, available: 0, 'on-call': 0, acw: 0, break: 0, other: 0 },
    interval: { ...window, start: 0, end: 0, label: '' },
    rolling: window,
    intervals: [],
  };
}
