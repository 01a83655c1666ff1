/** What a batch writer does with the items submitted in one event-loop turn: one result per item, in order. */
export type BatchWriter<Item, Result> = (items: readonly Item[]) => Result[];

/**
 * Group commit: items submitted while the event loop is busy are written together in one transaction at the
 * next `setImmediate`, so concurrent turns share one fsync instead of paying one each. Every promise resolves
 * only after its batch committed (durability is unchanged), and a failed batch rejects every item in it.
 * `flush()` writes whatever is pending at once; readers call it so they always see every submitted item.
 */
export class GroupCommit<Item, Result> {
  private pending: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly write: BatchWriter<Item, Result>,
    private readonly wrapError: (error: unknown) => unknown = (error) => error,
  ) {}

  /** Queues an item; resolves with its result once the batch it joined has committed. */
  submit(item: Item): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** How many items wait for the next commit. */
  get size(): number {
    return this.pending.length;
  }

  /** Commits everything pending now, in submission order. */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let results: Result[];
    try {
      results = this.write(batch.map((entry) => entry.item));
    } catch (error) {
      const wrapped = this.wrapError(error);
      for (const entry of batch) entry.reject(wrapped);
      return;
    }
    batch.forEach((entry, index) => {
      entry.resolve(results[index] as Result);
    });
  }
}
