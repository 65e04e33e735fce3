// web-test-runner for the live-feed client (src/live/) against a real wallboard-server, which the
// plugin in test/live/server-plugin.js starts and stops. Run from packages/server (`pnpm test` there):
//   pnpm --filter @wallboard/widgets exec wtr --config web-test-runner.live.config.js
// Kept apart from web-test-runner.config.js (the widgets' own tests), whose browser and esbuild set-up
// it reuses; the test files are *.live-test.ts so the shared config does not pick them up.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveServerPlugin } from './test/live/server-plugin.js';
import shared from './web-test-runner.config.js';

const here = dirname(fileURLToPath(import.meta.url));

// test/live/bundle.live-test.ts loads dist/wallboard.js: build it when it is missing (the server's tests
// may run before the widgets are built).
const widgetsBuilt = {
  name: 'wb-widgets-built',
  serverStart() {
    if (!existsSync(join(here, 'dist/wallboard.js')))
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: here, stdio: 'inherit' });
  },
};

export default {
  ...shared,
  files: [join(here, 'test/live/**/*.live-test.ts')],
  testFramework: { config: { timeout: 30000 } },
  plugins: [
    ...shared.plugins.filter((p) => p.name === 'esbuild'),
    widgetsBuilt,
    liveServerPlugin(join(here, '../server')),
  ],
};
