import { describe, expect, it } from 'vitest';
import { EventHeap } from '../src/engine/heap.js';
import { Rng } from '../src/engine/rng.js';

describe('EventHeap', () => {
  it('pops in time order, ties in insertion order, through growth and interleaved pushes', () => {
    const heap = new EventHeap(4);
    const rng = new Rng(3);
    // Reference: a plain array sorted by (time, insertion number).
    const ref: Array<{ t: number; n: number }> = [];
    let n = 0;
    const popped: Array<{ t: number; n: number; pushed: number }> = [];
    for (let round = 0; round < 2000; round++) {
      const pushes = rng.int(4);
      for (let k = 0; k < pushes; k++) {
        // Coarse times so that ties are frequent.
        const t = rng.int(50);
        heap.push(t, n, -n);
        ref.push({ t, n });
        n++;
      }
      if (rng.uniform() < 0.6 && heap.pop()) {
        if (heap.topB !== -heap.topA) throw new Error('payload words out of step');
        popped.push({ t: heap.topTime, n: heap.topA, pushed: n });
      }
    }
    while (heap.pop()) popped.push({ t: heap.topTime, n: heap.topA, pushed: n });
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBe(false);
    expect(popped.length).toBe(ref.length);
    // Each pop is the (time, insertion) minimum of everything pushed before it and not yet popped.
    const present = new Set<number>();
    let nextPush = 0;
    const violations: string[] = [];
    for (const p of popped) {
      while (nextPush < p.pushed) present.add(nextPush++);
      for (const q of present) {
        const r = ref[q];
        if (!(r.t > p.t || (r.t === p.t && r.n >= p.n))) violations.push(`${p.n} popped before ${r.n}`);
      }
      if (!present.delete(p.n)) violations.push(`${p.n} popped but not present`);
    }
    expect(violations).toEqual([]);
  });

  it('peekTime is +Infinity when empty', () => {
    const heap = new EventHeap();
    expect(heap.peekTime()).toBe(Number.POSITIVE_INFINITY);
    heap.push(5, 1, 2);
    expect(heap.peekTime()).toBe(5);
  });
});
