/**
 * The trainer console's layout and wording at common screen sizes: figure labels never break inside a
 * word, numbers stay inside their cards, the console's own times read like its clock widget's, the
 * scenario description can be read whole, the what-if says whether the live run goes on, and the embed
 * page does not scroll sideways on a phone-sized window.
 */
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.js';
import { waitForPaused } from './support/globals.js';
import { consoleSession } from './support/session.js';

const session = consoleSession();

/** Labels whose words are split over two lines, and figures wider than their card. */
function layoutFaults(page: Page) {
  return page.evaluate(() => {
    const split: string[] = [];
    const overflow: string[] = [];
    for (const el of document.querySelectorAll('.grid.figures > :is(wb-metric, wb-sl-gauge)')) {
      const root = el.shadowRoot!;
      const label = root.querySelector('[part~="label"]');
      const text = label?.firstChild;
      if (label && text?.nodeType === Node.TEXT_NODE) {
        const s = text.textContent ?? '';
        for (const m of s.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, m.index);
          range.setEnd(text, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(`${s}: "${m[0]}"`);
        }
      }
      const card = root.querySelector('[part~="base"]')!.getBoundingClientRect();
      for (const v of root.querySelectorAll('[part~="value"]')) {
        const r = v.getBoundingClientRect();
        if (r.right > card.right - 4) overflow.push(`${el.getAttribute('label')}: ${v.textContent}`);
      }
    }
    return { split, overflow };
  });
}

describe('console layout', () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    it(`at ${width}x${height}: no label breaks inside a word, no figure touches its card's edge`, async () => {
      const { page, errors, close } = await openPage(session.browser, { viewport: { width, height } });
      // floor-1000 at 15:00: five-digit counts.
      await page.goto(`${session.server.url}/?scenario=floor-1000&seed=5&at=15:00&paused=1`);
      await waitForPaused(page);
      await page.waitForTimeout(500);
      expect(await layoutFaults(page)).toEqual({ split: [], overflow: [] });
      expect(errors).toEqual([]);
      await close();
    });
  }

  it('says what a live control did beside its button, on screen at 1366x768, by queue name', async () => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: { width: 1366, height: 768 },
    });
    await page.goto(`${session.server.url}/?scenario=outage-surge&seed=5&at=10:40&paused=1`);
    await waitForPaused(page);
    const button = page.getByRole('button', { name: 'Add agents' });
    await button.click();
    const form = page.locator('form', { has: button });
    const said = form.getByRole('status');
    await expect.poll(() => said.textContent()).toBe('Added 10 agents (Mobile support)');
    // Inside the viewport, right under the button (it was at y 840, under every collapsed control).
    const b = (await button.boundingBox())!;
    const f = (await said.boundingBox())!;
    expect(f.y).toBeGreaterThan(b.y);
    expect(f.y - (b.y + b.height)).toBeLessThan(40);
    expect(f.y + f.height).toBeLessThan(768);
    // A refusal is said in the same place, as an alert.
    await page.locator('input[name="skills"]').uncheck();
    await button.click();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toBe('Tick at least one queue for the new agents.');
    expect(await page.locator('.feedback').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it("shows times in one format, the clock widget's (the browser's locale)", async () => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: { width: 1366, height: 768 },
    });
    await page.goto(`${session.server.url}/?scenario=outage-surge&seed=5&at=14:00&paused=1`);
    await waitForPaused(page);
    const widget = () =>
      page
        .locator('.board-head wb-clock')
        .evaluate((el) => el.shadowRoot?.querySelector('time')?.textContent);
    await expect.poll(widget).toMatch(/\d/);
    expect(await page.getByTestId('sim-time').textContent()).toBe(await widget());
    // The timeline's times too (the scenario's 10:30 incident).
    const first = await page.getByTestId('timeline').locator('li time').first().textContent();
    const expected = await page.evaluate(() => {
      const info = (window as unknown as { wallboardConsole: { state: { info: { timeZone: string } } } })
        .wallboardConsole.state.info;
      const t = Date.UTC(2025, 2, 5, 10, 30); // 10:30 in the center's zone (GMT in March)
      const f = { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: info.timeZone } as const;
      return new Intl.DateTimeFormat(undefined, f).format(t);
    });
    expect(first).toBe(expected);
    expect(errors).toEqual([]);
    await close();
  });

  it('lets the whole scenario description be read', async () => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: { width: 1366, height: 768 },
    });
    await page.goto(`${session.server.url}/?scenario=outage-surge&autostart=0`);
    const text = page.locator('#scenario-description');
    const clipped = () => text.evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(await clipped()).toBe(true);
    const toggle = page.getByRole('button', { name: 'Show all' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await clipped()).toBe(false);
    expect(await page.getByRole('button', { name: 'Show less' }).getAttribute('aria-expanded')).toBe('true');
    expect(errors).toEqual([]);
    await close();
  });

  it('the what-if says the live run goes on only while it does', async () => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: { width: 1366, height: 768 },
    });
    await page.goto(`${session.server.url}/?scenario=steady-day&seed=3&at=09:00&paused=1`);
    await waitForPaused(page);
    await page.getByRole('tab', { name: 'What-if' }).click();
    const intro = page.locator('.what-if-intro p').first();
    expect(await intro.textContent()).toContain('The live run goes on meanwhile.');
    await page.getByLabel('Jump to (center time)').fill('15:59');
    await page.getByRole('button', { name: 'Jump' }).click();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(() => window.wallboardConsole?.state.clock?.finished === true, null, {
      timeout: 30_000,
    });
    await expect.poll(() => intro.textContent()).toContain('The live run has finished');
    expect(await intro.textContent()).not.toContain('goes on meanwhile');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('embed page', () => {
  it('does not scroll sideways at 420 px', async () => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: { width: 420, height: 800 },
    });
    await page.goto(`${session.server.url}/embed.html`);
    await page.locator('wb-sl-gauge').first().waitFor();
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
    expect(errors).toEqual([]);
    await close();
  });
});
