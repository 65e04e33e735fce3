import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Debian's chromium, as root: it needs --no-sandbox (TOOLCHAIN.md "Pitfalls" 5-6). No browser download.
const launchOptions = {
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'],
};
// A fresh object per project: Vitest writes each instance's name into it.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions }),
  instances: [{ browser: 'chromium' as const }],
});

/**
 * `storybook`: every story (but those tagged `!test`) renders, passes axe and its play function, in the
 * default dark theme. `storybook-light` / `storybook-high-contrast`: the stories tagged `themes` (the
 * all-states galleries, a board, two scenario boards) again under the other themes, through the
 * toolbar's global, so contrast is checked where every status colour is on screen.
 */
const themed = (theme: 'light' | 'high-contrast') => ({
  extends: true as const,
  plugins: [
    storybookTest({ configDir: '.storybook', tags: { include: ['themes'] }, initialGlobals: { theme } }),
  ],
  // Files without a `themes` story would only show up as empty, skipped files.
  test: { name: `storybook-${theme}`, browser: browser(), exclude: storyFilesWithout("'themes'") },
});

function storyFilesWithout(marker: string): string[] {
  return readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.stories.ts') && !readFileSync(join('src', f), 'utf8').includes(marker))
    .map((f) => join('src', f));
}

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: browser() },
      },
      themed('light'),
      themed('high-contrast'),
      // CPU-bound scenario runs (floor-1000): over vitest's default 5 s on a busy 2-core box.
      { test: { name: 'unit', include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
    ],
  },
});
