// Builds @wallboard/widgets into dist/:
//   wallboard.js            the one-file bundle (vite.config.ts): lit inside, every wb-* element defined
//   index.js, <widget>.js   class modules (register nothing), lit/@lit/context/rxjs/@wallboard/metrics external
//   define.js, define/*.js  modules that register the elements (the package's only side effects)
//   themes/*.css            the themes as page stylesheets
//   **/*.d.ts               types (from tsc -b)
//   custom-elements.json    the manifest (also beside package.json, for its "customElements" field)
// then prints gzipped sizes against the budgets.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';
import { reportSizes, WIDGETS } from './sizes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const quiet = { logLevel: 'warn' };
rmSync(dist, { recursive: true, force: true });

// 1. The bundle.
await build({ root, configFile: join(root, 'vite.config.ts'), ...quiet });

// 2. Class and define modules, one output file per source module.
const entries = Object.fromEntries(
  ['index', 'define', 'snapshot-store', ...WIDGETS]
    .map((name) => [name, join(root, `src/${name}.ts`)])
    .concat(
      readdirSync(join(root, 'src/define')).map((f) => [
        `define/${f.replace(/\.ts$/, '')}`,
        join(root, 'src/define', f),
      ]),
    ),
);
await build({
  root,
  configFile: false,
  ...quiet,
  build: {
    outDir: dist,
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, /^rxjs(\/|$)/, /^@wallboard\/metrics$/],
      output: { preserveModules: true, preserveModulesRoot: join(root, 'src'), entryFileNames: '[name].js' },
    },
  },
});

// 3. Themes as page stylesheets, from the same token maps the components use.
const { module: tokens } = await runnerImport(join(root, 'src/internal/tokens.ts'));
mkdirSync(join(dist, 'themes'), { recursive: true });
for (const [name, theme] of Object.entries(tokens.THEMES)) {
  const selector = name === 'dark' ? `:root, .wb-theme-dark` : `.wb-theme-${name}, :root.wb-theme-${name}`;
  const css = [
    `/* @wallboard/widgets ${name} theme: load it and put class="wb-theme-${name}" on <html> or any ancestor. */`,
    `${selector} { ${tokens.themeDeclarations(theme)} }`,
    `.wb-scale-tv { --wb-font-size-scale: 2; }`,
    `@media (prefers-reduced-motion: reduce) { :root { --wb-motion-duration: 0ms; } }`,
    '',
  ].join('\n');
  writeFileSync(join(dist, 'themes', `${name}.css`), css);
}

// 4. Types (tsconfig.types.json: emit only; the root's `tsc -b` type-checks).
const tsc = join(root, 'node_modules/.bin/tsc');
const tscBin = existsSync(tsc) ? tsc : join(root, '../../node_modules/.bin/tsc');
const typesOut = join(root, '../../.tsbuild/widgets-types');
rmSync(typesOut, { recursive: true, force: true });
execFileSync(tscBin, ['-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
cpSync(join(typesOut, 'packages/widgets/src'), dist, { recursive: true });

// 5. custom-elements.json (the analyzer brings its own TypeScript 5.4): beside package.json, where its
// "customElements" field points, and a copy beside dist/wallboard.js, as DESIGN.md "Delivery" has it.
execFileSync(join(root, 'node_modules/.bin/cem'), ['analyze', '--quiet'], { cwd: root, stdio: 'inherit' });
cpSync(join(root, 'custom-elements.json'), join(dist, 'custom-elements.json'));

// 6. Sizes.
const ok = reportSizes(dist);
console.log(`built ${relative(process.cwd(), dist) || 'dist'}`);
if (!ok) process.exitCode = 1;
