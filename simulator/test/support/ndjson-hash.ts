/**
 * A fingerprint of a run's NDJSON text (two independent 32-bit FNV-1a lanes over the UTF-16 code units,
 * plus the length), computed the same way in Node and in the browser bundle of the determinism test.
 */
import type { WallboardEvent } from '@wallboard/metrics';
import { Simulation } from '../../src/engine/simulation.js';
import { toNdjsonLine } from '../../src/ndjson.js';
import { loadScenario } from '../../src/scenario/load.js';

export class TextHash {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  length = 0;

  update(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x000193a1) ^ (b >>> 13);
    }
    this.a = a;
    this.b = b;
    this.length += s.length;
  }

  digest(): string {
    return `${(this.a >>> 0).toString(16)}-${(this.b >>> 0).toString(16)}-${this.length}`;
  }
}

/** Runs a scenario document to its end and fingerprints its NDJSON. */
export function fingerprint(
  doc: unknown,
  seed?: number,
): { hash: string; events: number; first: WallboardEvent } {
  const loaded = loadScenario(doc, { seed });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const h = new TextHash();
  let first: WallboardEvent | undefined;
  const sim = new Simulation(loaded.model, {
    names: loaded.names,
    sink: (e) => {
      first ??= e;
      h.update(toNdjsonLine(e));
    },
  });
  sim.runToEnd();
  return { hash: h.digest(), events: sim.eventCount, first: first! };
}
