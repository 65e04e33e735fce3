// Bundles the Node entry points (CLI, benchmark) into dist/. The library itself ships as TypeScript
// source (exports point at src/), which every bundler and test runner in the workspace compiles.
import { existsSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });

// Named entries: dist/cli.js (what bin/wallboard-sim.js imports) and dist/bench.js (pnpm bench).
const entryPoints = Object.fromEntries(
  Object.entries({ cli: 'src/cli.ts', bench: 'bench/bench.ts' }).filter(([, f]) => existsSync(f)),
);
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies may call require(); give them one.
  banner: {
    js: "import { createRequire as __wbCreateRequire } from 'node:module'; const require = __wbCreateRequire(import.meta.url);",
  },
});
