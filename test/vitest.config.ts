import { defineConfig } from 'vitest/config';

// End-to-end tests in a real Chromium against the built console (vite preview on a free loopback port).
// One file at a time: each drives a browser and a simulation worker, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
