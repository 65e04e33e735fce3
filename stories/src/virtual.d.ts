declare module 'virtual:wallboard-manifest' {
  import type { CustomElementsManifest } from './support/manifest.js';

  const manifest: CustomElementsManifest;
  export default manifest;
}
