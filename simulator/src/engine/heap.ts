/**
 * The event calendar: a binary min-heap over parallel typed arrays (time, insertion sequence, two int32
 * payload words). No object per event, so scheduling allocates nothing; the arrays double when full.
 * Ties in time pop in insertion order (the sequence number), which keeps same-instant events causal
 * (a shift that ends at 17:00 and a break that starts at 17:00 happen in the order they were scheduled).
 * Cancelled events are not removed: their payload carries a generation that the handler checks.
 */
export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private a: Int32Array;
  private b: Int32Array;
  size = 0;
  private nextSeq = 0;
  /** The popped event (valid after `pop()` returned true). */
  topTime = 0;
  topA = 0;
  topB = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }

  /** Time of the earliest event, or +Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.time[0] : Number.POSITIVE_INFINITY;
  }

  push(t: number, a: number, b: number): void {
    if (this.size === this.time.length) this.grow();
    const time = this.time;
    const seq = this.seq;
    const pa = this.a;
    const pb = this.b;
    const s = this.nextSeq++;
    // Sift the hole up, then drop the new entry in.
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = time[p];
      if (tp < t || (tp === t && seq[p] < s)) break;
      time[i] = tp;
      seq[i] = seq[p];
      pa[i] = pa[p];
      pb[i] = pb[p];
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    pa[i] = a;
    pb[i] = b;
  }

  /** Removes the earliest event into topTime/topA/topB; false when empty. */
  pop(): boolean {
    const n = this.size;
    if (n === 0) return false;
    const time = this.time;
    const seq = this.seq;
    const pa = this.a;
    const pb = this.b;
    this.topTime = time[0];
    this.topA = pa[0];
    this.topB = pb[0];
    const last = n - 1;
    this.size = last;
    if (last === 0) return true;
    const t = time[last];
    const s = seq[last];
    const a = pa[last];
    const b = pb[last];
    // Sift the hole at the root down, choosing the earlier child each level.
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      const r = c + 1;
      if (r < last && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
      const tc = time[c];
      if (t < tc || (t === tc && s < seq[c])) break;
      time[i] = tc;
      seq[i] = seq[c];
      pa[i] = pa[c];
      pb[i] = pb[c];
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    pa[i] = a;
    pb[i] = b;
    return true;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const a = new Int32Array(cap);
    const b = new Int32Array(cap);
    time.set(this.time);
    seq.set(this.seq);
    a.set(this.a);
    b.set(this.b);
    this.time = time;
    this.seq = seq;
    this.a = a;
    this.b = b;
  }
}
