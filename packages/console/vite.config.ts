import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const WIDGETS_DIST = fileURLToPath(new URL('../widgets/dist/', import.meta.url));
const BUNDLE_FILES = ['wallboard.js', 'wallboard.js.map'];

/**
 * Puts the widget kit's one-file bundle (packages/widgets/dist/wallboard.js) beside the pages, as
 * /wallboard.js: the embed example loads it with one script tag, exactly as a CRM page would. Served
 * from the widgets' dist in dev and copied into dist/ by the build.
 */
function wallboardBundle(): Plugin {
  const read = (name: string): Buffer | null => {
    const file = `${WIDGETS_DIST}${name}`;
    return existsSync(file) ? readFileSync(file) : null;
  };
  const missing =
    'packages/widgets/dist/wallboard.js is missing: run `pnpm --filter @wallboard/widgets build` first';
  return {
    name: 'wallboard-bundle',
    configureServer(server) {
      server.middlewares.use((req, res: ServerResponse, next) => {
        const name = req.url?.split('?')[0].slice(1) ?? '';
        if (!BUNDLE_FILES.includes(name)) return next();
        const body = read(name);
        if (body === null) {
          res.statusCode = 404;
          res.end(missing);
          return;
        }
        res.setHeader('Content-Type', name.endsWith('.map') ? 'application/json' : 'text/javascript');
        res.end(body);
      });
    },
    generateBundle() {
      for (const name of BUNDLE_FILES) {
        const source = read(name);
        if (source === null) {
          if (name === 'wallboard.js') this.error(missing);
          continue;
        }
        this.emitFile({ type: 'asset', fileName: name, source });
      }
    },
  };
}

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  plugins: [wallboardBundle()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: { input: { index: page('index.html'), tv: page('tv.html') } },
  },
  worker: { format: 'es' },
});
