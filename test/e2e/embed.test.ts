/**
 * The CRM embed example in Chromium: a plain page with one script tag (wallboard.js, the kit's bundle,
 * served beside the console) renders its widgets from plain properties, styled by its custom properties.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { openPage } from './support/browser.js';
import { compareWithBaseline } from './support/screenshots.js';
import { consoleSession } from './support/session.js';

const session = consoleSession();

describe('CRM embed page (embed.html)', () => {
  it('renders three widgets from one script tag and plain properties, in the page colours', async () => {
    const { page, errors, close } = await openPage(session.browser, {
      viewport: { width: 1280, height: 800 },
    });
    // The page's own feed ticks every 2 s: a fake clock holds it still for the picture.
    await page.clock.install({ time: Date.UTC(2025, 2, 5, 10, 0, 0) });
    await page.goto(`${session.server.url}/embed.html`);
    const scripts = await page
      .locator('script[src]')
      .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(scripts).toEqual([`${session.server.url}/wallboard.js`]);
    const meter = page.getByRole('meter', { name: /Support service level/ });
    await expect.poll(() => meter.getAttribute('aria-valuenow')).not.toBeNull();
    // The gauge shows what the page set as a plain property.
    const gaugeValue = await page.locator('#sl').evaluate((el) => (el as unknown as { value: number }).value);
    expect(Number(await meter.getAttribute('aria-valuenow'))).toBe(Math.round(gaugeValue * 100));
    const tile = await page.locator('#tile').evaluate((el) => ({
      waiting: (el as unknown as { waiting: number }).waiting,
      text: el.shadowRoot?.textContent ?? '',
    }));
    expect(tile.text).toContain('Support queue');
    expect(tile.text.replace(/\s+/g, '')).toContain(`Waiting${tile.waiting}`);
    // No framework: only the kit's elements are defined.
    expect(await page.evaluate(() => ['React', 'Vue', 'angular'].filter((g) => g in window))).toEqual([]);
    for (const tag of ['wb-sl-gauge', 'wb-queue-tile', 'wb-metric'])
      expect(await page.evaluate((t) => customElements.get(t) !== undefined, tag)).toBe(true);
    // Styled by the page's custom properties: white cards and its own accent.
    const look = await page.locator('#sl').evaluate((el) => ({
      card: getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor,
      accent: getComputedStyle(el).getPropertyValue('--wb-color-accent').trim(),
    }));
    expect(look).toEqual({ card: 'rgb(255, 255, 255)', accent: '#5b2bb5' });
    const shot = compareWithBaseline('embed', await page.screenshot());
    expect(shot.ok, shot.message).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // Two seconds later the page's feed sets new values, and the widgets follow.
    const before = await meter.getAttribute('aria-valuenow');
    const tileBefore = tile.waiting;
    await page.clock.runFor(6_000);
    await expect
      .poll(async () => [
        await meter.getAttribute('aria-valuenow'),
        await page.locator('#tile').evaluate((el) => (el as unknown as { waiting: number }).waiting),
      ])
      .not.toEqual([before, tileBefore]);
    expect(errors).toEqual([]);
    await close();
  });
});
