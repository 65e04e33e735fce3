// web-test-runner for @wallboard/widgets, in Debian's chromium (TOOLCHAIN.md "Config").
//   pnpm test                      all tests
//   UPDATE_SNAPSHOTS=1 pnpm test   rewrite the screenshot baselines in screenshots/Chromium/baseline
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';
import { frameworkVendorPlugin } from './test/frameworks/vendor-plugin.js';

const here = dirname(fileURLToPath(import.meta.url));

export default {
  rootDir: join(here, '../..'),
  files: [join(here, 'test/**/*.test.ts')],
  // `development` resolves Lit's dev build, so its warnings are visible to the "no Lit warnings" tests.
  nodeResolve: { exportConditions: ['development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    // The esbuild plugin reads the tsconfig raw, without `extends`: point it at the file that holds
    // experimentalDecorators (TOOLCHAIN.md pitfall 7).
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, '../../tsconfig.base.json') }),
    visualRegressionPlugin({
      update: process.env.UPDATE_SNAPSHOTS === '1' || process.env.UPDATE_SNAPSHOTS === 'true',
      baseDir: join(here, 'screenshots'),
      // Anti-aliasing may differ by a few pixels between runs; layout or colour changes do not. 0.1% is
      // about 160 pixels of a desk tile: enough for a glyph's edges, not for a moved or recoloured figure.
      failureThreshold: 0.1,
      failureThresholdType: 'percent',
    }),
    frameworkVendorPlugin(here),
  ],
  browsers: [
    // Playwright rather than the Chrome launcher: its emulateMedia also covers `forced-colors`.
    // Baselines are therefore under screenshots/Chromium/.
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        ...chromiumLaunchOptions,
        // Screenshots: the same glyph edges from run to run.
        args: [...chromiumLaunchOptions.args, '--font-render-hinting=none'],
      },
    }),
  ],
};
