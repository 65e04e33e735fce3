// Bundles a package's Node entry points into its dist/: dist/cli.js (what its bin/ script imports) and
// dist/bench.js (pnpm bench), from src/cli.ts and bench/bench.ts where they exist. The libraries
// themselves ship as TypeScript source (exports point at src/), which every bundler and test runner in
// the workspace compiles. Called from each package's scripts/build.mjs, in the package's directory, with
// that package's own esbuild `build` (esbuild is a dependency of each package, not of the root).
import { existsSync, rmSync } from 'node:fs';

/**
 * @param {typeof import('esbuild').build} build
 * @param {{ clean?: boolean }} [options] clean: empty dist/ first
 */
export async function buildNodeEntries(build, { clean = false } = {}) {
  if (clean) rmSync('dist', { recursive: true, force: true });
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
    // Bundled CommonJS dependencies (csv-parse, ws, ioredis) may call require(); give them one.
    banner: {
      js: "import { createRequire as __wbCreateRequire } from 'node:module'; const require = __wbCreateRequire(import.meta.url);",
    },
  });
}
