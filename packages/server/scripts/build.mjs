// Bundles the Node entry points (CLI, benchmark) into dist/, as packages/metrics does. The library
// itself ships as TypeScript source (exports point at src/).
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

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
  // Bundled CommonJS dependencies (ws, ioredis) call require(); give them one.
  banner: {
    js: "import { createRequire as __wbCreateRequire } from 'node:module'; const require = __wbCreateRequire(import.meta.url);",
  },
});
