import { defineConfig } from 'vitest/config';

// Property and fuzz tests are CPU-bound: 1-2 s quiet, over 5 s (vitest's default) on a busy 2-core box.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
});
