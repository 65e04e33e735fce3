/**
 * The event calendar: a binary min-heap of slot numbers over typed arrays. Each scheduled event lives in a
 * slot (time, insertion sequence, two int32 payload words) written once; sifting moves only the 32-bit
 * slot number, which is cheaper than moving four values per level. No object per event, so scheduling
 * allocates nothing; the arrays double when full. Ties in time pop in insertion order (the sequence
 * number), which keeps same-instant events causal (a shift that ends at 17:00 and a break that starts at
 * 17:00 happen in the order they were scheduled). Cancelled events are not removed: their payload carries
 * a generation that the handler checks.
 */
export class EventHeap {
  /** Heap order: slot numbers. */
  private order: Int32Array;
  private time: Float64Array;
  private seq: Float64Array;
  private a: Int32Array;
  private b: Int32Array;
  /** Free slots, a stack. */
  private free: Int32Array;
  private freeCount: number;
  size = 0;
  private nextSeq = 0;
  /** The popped event (valid after `pop()` returned true). */
  topTime = 0;
  topA = 0;
  topB = 0;

  constructor(capacity = 1024) {
    this.order = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** Entries the arrays can hold before they double. */
  get capacity(): number {
    return this.order.length;
  }

  /** Time of the earliest event, or +Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.time[this.order[0]] : Number.POSITIVE_INFINITY;
  }

  push(t: number, a: number, b: number): void {
    if (this.freeCount === 0) this.grow();
    const slot = this.free[--this.freeCount];
    const time = this.time;
    const seq = this.seq;
    const order = this.order;
    const s = this.nextSeq++;
    time[slot] = t;
    seq[slot] = s;
    this.a[slot] = a;
    this.b[slot] = b;
    // Sift the hole up, then drop the new slot in.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const ps = order[p];
      const tp = time[ps];
      if (tp < t || (tp === t && seq[ps] < s)) break;
      order[i] = ps;
      i = p;
    }
    order[i] = slot;
  }

  /** Removes the earliest event into topTime/topA/topB; false when empty. */
  pop(): boolean {
    return this.popUntil(Number.POSITIVE_INFINITY);
  }

  /** Removes the earliest event if it is due at or before `limit`; false otherwise (or when empty). */
  popUntil(limit: number): boolean {
    const n = this.size;
    if (n === 0) return false;
    const order = this.order;
    const time = this.time;
    const seq = this.seq;
    const top = order[0];
    if (time[top] > limit) return false;
    this.topTime = time[top];
    this.topA = this.a[top];
    this.topB = this.b[top];
    this.free[this.freeCount++] = top;
    const last = n - 1;
    this.size = last;
    if (last === 0) return true;
    const slot = order[last];
    const t = time[slot];
    const s = seq[slot];
    // Sift the hole at the root down, choosing the earlier child each level.
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      let cs = order[c];
      let tc = time[cs];
      const r = c + 1;
      if (r < last) {
        const rs = order[r];
        const tr = time[rs];
        if (tr < tc || (tr === tc && seq[rs] < seq[cs])) {
          c = r;
          cs = rs;
          tc = tr;
        }
      }
      if (t < tc || (t === tc && s < seq[cs])) break;
      order[i] = cs;
      i = c;
    }
    order[i] = slot;
    return true;
  }

  clear(): void {
    const cap = this.order.length;
    this.size = 0;
    for (let i = 0; i < cap; i++) this.free[i] = cap - 1 - i;
    this.freeCount = cap;
  }

  private grow(): void {
    const old = this.order.length;
    const cap = old * 2;
    const grow64 = (x: Float64Array) => {
      const y = new Float64Array(cap);
      y.set(x);
      return y;
    };
    const grow32 = (x: Int32Array) => {
      const y = new Int32Array(cap);
      y.set(x);
      return y;
    };
    this.order = grow32(this.order);
    this.time = grow64(this.time);
    this.seq = grow64(this.seq);
    this.a = grow32(this.a);
    this.b = grow32(this.b);
    this.free = new Int32Array(cap);
    // Every old slot is in use (the pool was empty); the new ones are free.
    for (let i = 0; i < old; i++) this.free[i] = cap - 1 - i;
    this.freeCount = old;
  }
}
