// React 19 ships CommonJS only, which a browser cannot import. This dev-server plugin bundles React and
// ReactDOM into one ES module with Vite (a devDependency) when the test server starts, and serves it at
// /__vendor/react.js for the React test. Vue needs nothing: it ships a standalone browser build.
import { join } from 'node:path';
import { build } from 'vite';

export function frameworkVendorPlugin(packageDir) {
  let code;
  return {
    name: 'wb-framework-vendor',
    async serverStart() {
      const result = await build({
        configFile: false,
        logLevel: 'warn',
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          write: false,
          minify: false,
          lib: {
            entry: join(packageDir, 'test/frameworks/react-vendor.ts'),
            formats: ['es'],
            fileName: 'react',
          },
        },
      });
      const outputs = Array.isArray(result) ? result : [result];
      code = outputs.flatMap((o) => o.output).find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code;
    },
    serve(context) {
      if (context.path === '/__vendor/react.js') return { body: code, type: 'js' };
      return undefined;
    },
  };
}
