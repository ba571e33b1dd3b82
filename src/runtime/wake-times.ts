/**
 * When each incident next needs the engine (its earliest reminder or breach, in ms), with the
 * earliest of all found in O(log n) (what every send asks, to set the wake-up timer): a map from
 * incident id to time, and a binary min-heap of (time, id) pairs in which superseded pairs are
 * skipped when they surface (lazy deletion).
 * @internal
 *
 * @example
 * const wake = new WakeTimes();
 * wake.set('PO-1', 1_000);
 * wake.earliest(); // 1000
 */
export class WakeTimes {
  private readonly byId = new Map<string, number>();
  private heap: { at: number; id: string }[] = [];

  /** Number of incidents with a wake time. */
  get size(): number {
    return this.byId.size;
  }

  get(id: string): number | undefined {
    return this.byId.get(id);
  }

  set(id: string, at: number): void {
    if (this.byId.get(id) === at) return;
    this.byId.set(id, at);
    this.push({ at, id });
    // Superseded pairs pile up while times move; rebuild once they outnumber the live ones.
    if (this.heap.length > 2 * this.byId.size + 64) {
      this.heap = [];
      for (const [id, at] of this.byId) this.push({ at, id });
    }
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** The earliest wake time, or undefined when no incident has one. */
  earliest(): number | undefined {
    let top = this.heap[0];
    for (; top !== undefined && this.byId.get(top.id) !== top.at; top = this.heap[0]) this.pop();
    return top?.at;
  }

  /** Ids of the incidents whose wake time is at or before `now` (earliest first; a scan, for runDue only). */
  dueBy(now: number): string[] {
    const due: [string, number][] = [];
    for (const entry of this.byId) if (entry[1] <= now) due.push(entry);
    return due.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([id]) => id);
  }

  private push(node: { at: number; id: string }): void {
    const heap = this.heap;
    heap.push(node);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as { at: number; id: string };
      if (p.at <= node.at) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = node;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as { at: number }).at < (heap[left] as { at: number }).at ? right : left;
      const c = heap[child] as { at: number; id: string };
      if (c.at >= last.at) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = last;
  }
}
