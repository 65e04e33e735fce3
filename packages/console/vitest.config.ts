import { defineConfig } from 'vitest/config';

// Node tests of the console's pure parts: the worker's run and replay, layouts, exports. The runs are
// CPU-bound simulations, about 1 s each quiet and over vitest's default 5 s on a busy 2-core box.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
});
