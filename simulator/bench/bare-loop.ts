/**
 * The reference for the benchmark: the M/M/n+M model as a bare event loop in plain JavaScript, the
 * fastest a JS simulation of it can reasonably be. A typed-array binary heap, a ring buffer of waiting
 * calls with lazy removal of abandons, an inlined sfc32 generator, three counters. No routing lists, no
 * agents as entities, no shifts, no events out: everything the real simulator adds is absent.
 */

const ARRIVAL = 0;
const DEPARTURE = 1;
const ABANDON = 2;

export interface BareResult {
  calls: number;
  answered: number;
  abandoned: number;
  answeredWithin: number;
}

export function bareLoop(p: {
  calls: number;
  callsPerHour: number;
  ahtSec: number;
  patienceSec: number;
  agents: number;
  thresholdSec: number;
  seed: number;
}): BareResult {
  // sfc32 state, seeded through the same finalizer idea as the simulator (any decent seeding will do).
  let a = p.seed ^ 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = 1;
  const uniform = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    return ((t >>> 0) + 0.5) / 4294967296;
  };
  for (let i = 0; i < 15; i++) uniform();

  let cap = 4096;
  let time = new Float64Array(cap);
  let kind = new Int32Array(cap);
  let ref = new Int32Array(cap);
  let size = 0;
  const push = (t: number, k: number, r: number) => {
    if (size === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      const k2 = new Int32Array(cap);
      const r2 = new Int32Array(cap);
      t2.set(time);
      k2.set(kind);
      r2.set(ref);
      time = t2;
      kind = k2;
      ref = r2;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (time[parent] <= t) break;
      time[i] = time[parent];
      kind[i] = kind[parent];
      ref[i] = ref[parent];
      i = parent;
    }
    time[i] = t;
    kind[i] = k;
    ref[i] = r;
  };

  // Waiting calls: a ring of arrival times and "still waiting" flags (queues never reach 65,536 calls here).
  const RING = 1 << 16;
  const MASK = RING - 1;
  const ringArrive = new Float64Array(RING);
  const ringWaiting = new Uint8Array(RING);
  let head = 0;
  let tail = 0;

  const meanGap = 3600 / p.callsPerHour;
  const threshold = p.thresholdSec;
  let free = p.agents;
  let arrived = 0;
  let answered = 0;
  let abandoned = 0;
  let within = 0;

  push(-Math.log(uniform()) * meanGap, ARRIVAL, 0);
  while (size > 0) {
    // Pop the root.
    const now = time[0];
    const k = kind[0];
    const r = ref[0];
    const last = --size;
    if (last > 0) {
      const lt = time[last];
      const lk = kind[last];
      const lr = ref[last];
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        if (child + 1 < last && time[child + 1] < time[child]) child++;
        if (lt <= time[child]) break;
        time[i] = time[child];
        kind[i] = kind[child];
        ref[i] = ref[child];
        i = child;
      }
      time[i] = lt;
      kind[i] = lk;
      ref[i] = lr;
    }

    if (k === ARRIVAL) {
      arrived++;
      if (arrived < p.calls) push(now - Math.log(uniform()) * meanGap, ARRIVAL, 0);
      if (free > 0) {
        free--;
        answered++;
        within++;
        push(now - Math.log(uniform()) * p.ahtSec, DEPARTURE, 0);
      } else {
        const slot = tail & MASK;
        ringArrive[slot] = now;
        ringWaiting[slot] = 1;
        tail++;
        push(now - Math.log(uniform()) * p.patienceSec, ABANDON, tail - 1);
      }
    } else if (k === DEPARTURE) {
      while (head < tail && ringWaiting[head & MASK] === 0) head++;
      if (head < tail) {
        const slot = head & MASK;
        ringWaiting[slot] = 0;
        head++;
        answered++;
        if (now - ringArrive[slot] <= threshold) within++;
        push(now - Math.log(uniform()) * p.ahtSec, DEPARTURE, 0);
      } else free++;
    } else {
      // An abandon timer of ring position r: still waiting (not answered, slot not reused)?
      if (r >= head && ringWaiting[r & MASK] === 1) {
        ringWaiting[r & MASK] = 0;
        abandoned++;
      }
    }
  }
  return { calls: arrived, answered, abandoned, answeredWithin: within };
}
