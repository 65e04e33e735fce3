/**
 * Auto-fit: the type scales with the screen (rem from the viewport, see tv.css), and a page whose
 * widgets still do not fit shrinks its own scale step by step until they do (down to half).
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

function overflows(grid: HTMLElement): boolean {
  return grid.scrollHeight > grid.clientHeight + 1 || grid.scrollWidth > grid.clientWidth + 1;
}

/** Fits a visible page; returns the scale it settled on. */
export async function fitPage(page: HTMLElement): Promise<number> {
  const grid = page.querySelector<HTMLElement>('.tv-grid');
  if (!grid || page.hidden) return 1;
  let fit = 1;
  page.style.setProperty('--fit', '1');
  await settle(page);
  for (let i = 0; i < 8 && overflows(grid); i++) {
    fit *= 0.9;
    page.style.setProperty('--fit', fit.toFixed(3));
    await settle(page);
  }
  return fit;
}
