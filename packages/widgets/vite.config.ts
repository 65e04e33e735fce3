import { defineConfig } from 'vite';

// The one-file bundle of DESIGN.md "Delivery": dist/wallboard.js, an ES module with lit (and whatever
// else the widgets import) inside, defining every wb-* element. scripts/build.mjs runs this, then the
// per-element modules, themes, types, custom-elements.json and the size report.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: true,
    lib: { entry: 'src/wallboard.ts', formats: ['es'], fileName: () => 'wallboard.js' },
  },
});
