// Bundled for the browser by the determinism test: fingerprints every built-in scenario and writes the
// result into the page, where `chromium --dump-dom` can read it.
import { BUILT_IN_NAMES, builtInScenario } from '../../src/scenario/library.js';
import { fingerprint } from './ndjson-hash.js';

// The package compiles without the DOM library (the core must not need it): type the one call used.
const { document } = globalThis as unknown as {
  document: { getElementById(id: string): { textContent: string } | null };
};
const out: Record<string, string> = {};
try {
  for (const n of BUILT_IN_NAMES) out[n] = fingerprint(builtInScenario(n)).hash;
  document.getElementById('out')!.textContent = JSON.stringify(out);
} catch (err) {
  document.getElementById('out')!.textContent = `ERROR ${(err as Error).message}`;
}
