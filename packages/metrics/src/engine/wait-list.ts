/**
 * The calls waiting at one scope, oldest first, as an intrusive doubly linked list: add and remove are
 * O(1) with no allocation and no hash-table churn (a Set per scope cost the engine a quarter of its time
 * in garbage collection), and the head is the longest-waiting call.
 */

/** A call as the waiting lists see it: when it started waiting at each level, and its links. */
export interface WaitingCall {
  visitAt: number;
  partnerAt: number;
  firstAt: number;
  /** prev/next per level: [queue prev, queue next, partner prev, partner next, all prev, all next]. */
  links: Array<WaitingCall | null>;
  /** Bit L set while the call is in a list of level L. */
  inLists: number;
}

export function newLinks(): Array<WaitingCall | null> {
  return [null, null, null, null, null, null];
}

export class WaitList {
  head: WaitingCall | null = null;
  tail: WaitingCall | null = null;
  size = 0;
  private readonly prev: number;
  private readonly next: number;
  private readonly bit: number;

  /** `level` is 0 (queue), 1 (partner) or 2 (all): which of a call's links and wait starts this list uses. */
  constructor(private readonly level: number) {
    this.prev = level * 2;
    this.next = level * 2 + 1;
    this.bit = 1 << level;
  }

  add(c: WaitingCall): void {
    if (c.inLists & this.bit) return;
    c.inLists |= this.bit;
    c.links[this.prev] = this.tail;
    c.links[this.next] = null;
    if (this.tail) this.tail.links[this.next] = c;
    else this.head = c;
    this.tail = c;
    this.size++;
  }

  delete(c: WaitingCall): void {
    if (!(c.inLists & this.bit)) return;
    c.inLists &= ~this.bit;
    const p = c.links[this.prev];
    const n = c.links[this.next];
    if (p) p.links[this.next] = n;
    else this.head = n;
    if (n) n.links[this.prev] = p;
    else this.tail = p;
    c.links[this.prev] = null;
    c.links[this.next] = null;
    this.size--;
  }

  /** When the oldest waiting call started waiting at this level, or null when none waits. */
  oldestStart(): number | null {
    const h = this.head;
    if (!h) return null;
    return this.level === 0 ? h.visitAt : this.level === 1 ? h.partnerAt : h.firstAt;
  }
}
