import { defineConfig } from 'vitest/config';

// Whole-day runs, the Erlang validation and the headless-Chromium check take seconds each, more when the
// two cores are shared: a generous per-test limit keeps a busy machine from failing them.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
});
