/** What the pages expose for these tests: the console's state and the floor board's status. */
export interface ClockView {
  paused: boolean;
  speed: number;
  finished: boolean;
  now: number;
}

export interface TvView {
  state: 'loading' | 'running' | 'error';
  problems: string[];
  day: number;
  page: number;
  pages: number;
  snapshots: number;
  simNow: number;
}

declare global {
  interface Window {
    wallboardConsole?: { state: { clock: ClockView | null } };
    wallboardTv?: TvView;
  }
}

import type { Page } from 'playwright';

/** The console's simulated clock as the page last heard it from its worker. */
export function consoleClock(page: Page): Promise<ClockView | null> {
  return page.evaluate(() => window.wallboardConsole?.state.clock ?? null);
}

export async function waitForPaused(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.wallboardConsole?.state.clock?.paused));
}
