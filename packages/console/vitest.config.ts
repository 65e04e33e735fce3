import { defineConfig } from 'vitest/config';

// Node tests of the console's pure parts: the worker's run and replay, layouts, exports.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], environment: 'node' } });
