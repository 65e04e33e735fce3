/**
 * Auto-fit: the type scales with the screen (rem from the viewport, see tv.css), and a page whose
 * widgets still do not fit shrinks its own scale step by step until they do, but never below
 * `MIN_FIT`: smaller type is not read from across a room. Pages are kept small enough for that by
 * `paginate` (layout.ts); a page that still does not fit at `MIN_FIT` is marked `data-cramped`.
 */
interface Updating extends Element {
  updateComplete?: Promise<unknown>;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

async function settle(page: HTMLElement): Promise<void> {
  await Promise.all([...page.querySelectorAll<Updating>('*')].map((el) => el.updateComplete));
  await frame();
  await frame();
}

const spills = (el: Element) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;

/**
 * Whether the page's grid spills, or the content of one of its size-contained cards (tv.css) does: those
 * take their cell whatever their content, so their own card is where too little room shows.
 */
function overflows(grid: HTMLElement): boolean {
  if (spills(grid)) return true;
  for (const el of grid.children) {
    if (getComputedStyle(el).containerType !== 'size') continue;
    const card = el.shadowRoot?.querySelector('[part~="base"]');
    if (card && spills(card)) return true;
  }
  return false;
}

/** The smallest scale auto-fit uses: body text at 0.7 x 1.35 rem, about 19 px at 1080p. */
export const MIN_FIT = 0.7;

/** Fits a visible page; returns the scale it settled on. */
export async function fitPage(page: HTMLElement): Promise<number> {
  const grid = page.querySelector<HTMLElement>('.tv-grid');
  if (!grid || page.hidden) return 1;
  let fit = 1;
  page.style.setProperty('--fit', '1');
  await settle(page);
  while (overflows(grid) && fit > MIN_FIT) {
    fit = Math.max(MIN_FIT, fit * 0.9);
    page.style.setProperty('--fit', fit.toFixed(3));
    await settle(page);
  }
  page.toggleAttribute('data-cramped', overflows(grid));
  return fit;
}
