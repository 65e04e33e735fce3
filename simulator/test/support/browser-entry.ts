// Bundled for the browser by the determinism test: fingerprints some built-in scenarios and writes the
// result into the page, where `chromium --dump-dom` can read it.
import { builtInScenario } from '../../src/scenario/library.js';
import { fingerprint } from './ndjson-hash.js';

// The package compiles without the DOM library (the core must not need it): type the one call used.
const { document } = globalThis as unknown as {
  document: { getElementById(id: string): { textContent: string } | null };
};
const names = ['steady-day', 'outage-surge', 'absenteeism-overflow'];
const out: Record<string, string> = {};
try {
  for (const n of names) out[n] = fingerprint(builtInScenario(n)).hash;
  document.getElementById('out')!.textContent = JSON.stringify(out);
} catch (err) {
  document.getElementById('out')!.textContent = `ERROR ${(err as Error).message}`;
}
