import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Logical size of a ResizeObserver entry's box (inline along the text, block across it). */
const boxOf = (entry: ResizeObserverEntry, border: boolean) => {
  const box = (border ? entry.borderBoxSize : entry.contentBoxSize)?.[0];
  return box
    ? { inline: box.inlineSize, block: box.blockSize }
    : { inline: entry.contentRect.width, block: entry.contentRect.height };
};

const px = (v: string) => {
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : 0;
};

/**
 * How many agent rows fit in one state's list of `wb-agent-board fit`: it watches, with one
 * ResizeObserver, the first state's list (every state's cell has the same size) and a hidden ruler
 * one row high and one narrowest row wide (so type that grows or shrinks re-measures too), and
 * requests an update only when the number that fits changes. Nothing is measured per tick or per
 * data change: the list's size does not depend on its rows.
 */
export class AgentFitController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #observer: ResizeObserver | null = null;
  #list: Element | null = null;
  #ruler: Element | null = null;
  #listBox = { inline: 0, block: 0 };
  #rowBox = { inline: 0, block: 0 };
  #gap = { row: 0, column: 0 };
  /** Rows that fit in one state's list, or null before the first measurement. */
  capacity: number | null = null;
  /** Of those, the columns (tracks) and the rows per column. */
  grid = { tracks: 1, rows: 0 };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Watches these elements (cheap to call from every `updated`); nulls stop watching. */
  watch(list: Element | null, ruler: Element | null): void {
    if (list === this.#list && ruler === this.#ruler) return;
    this.#observer?.disconnect();
    this.#list = list;
    this.#ruler = ruler;
    if (!list || !ruler) {
      this.capacity = null;
      return;
    }
    this.#observe();
  }

  hostConnected(): void {
    if (this.#list && this.#ruler) this.#observe();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }

  #observe(): void {
    this.#observer ??= new ResizeObserver((entries) => this.#measured(entries));
    this.#observer.observe(this.#list!);
    this.#observer.observe(this.#ruler!, { box: 'border-box' });
  }

  #measured(entries: ResizeObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.target === this.#ruler) this.#rowBox = boxOf(entry, true);
      else if (entry.target === this.#list) {
        this.#listBox = boxOf(entry, false);
        // Layout is fresh inside a ResizeObserver callback: reading the gaps forces nothing.
        const style = getComputedStyle(this.#list);
        this.#gap = { row: px(style.rowGap), column: px(style.columnGap) };
      }
    }
    // Not rendered (a hidden page of a rotating board): keep what fitted, so it shows at once again.
    if (this.#listBox.inline === 0 && this.#listBox.block === 0) return;
    const next = fitGrid(this.#listBox, this.#rowBox, this.#gap);
    if (next.tracks * next.rows !== this.capacity || next.tracks !== this.grid.tracks) {
      this.grid = next;
      this.capacity = next.tracks * next.rows;
      this.#host.requestUpdate();
    }
  }
}

/**
 * Rows of `row` that fit in `list`: as many tracks as `repeat(auto-fill, minmax(row.inline, 1fr))`
 * makes (at least one), times the rows of `row.block` that fit in its height. Half a pixel of slack
 * for rounding.
 */
export function fitCount(
  list: { inline: number; block: number },
  row: { inline: number; block: number },
  gap: { row: number; column: number },
): number {
  const { tracks, rows } = fitGrid(list, row, gap);
  return tracks * rows;
}

/** The tracks and the rows per track of `fitCount`. */
export function fitGrid(
  list: { inline: number; block: number },
  row: { inline: number; block: number },
  gap: { row: number; column: number },
): { tracks: number; rows: number } {
  if (row.block <= 0 || list.block <= 0 || list.inline <= 0) return { tracks: 1, rows: 0 };
  const tracks =
    row.inline > 0
      ? Math.max(1, Math.floor((list.inline + gap.column + 0.5) / (row.inline + gap.column)))
      : 1;
  return { tracks, rows: Math.max(0, Math.floor((list.block + gap.row + 0.5) / (row.block + gap.row))) };
}

/**
 * Columns for `shown` agents in a list of `grid`: no more than the rows need, so a state with fewer
 * agents than fit gets wider rows and its names are cut only when the cell has no more room.
 */
export function fitColumns(shown: number, grid: { tracks: number; rows: number }): number {
  if (shown <= 0 || grid.rows <= 0) return 1;
  return Math.min(grid.tracks, Math.ceil(shown / grid.rows));
}
