/** A job that was cancelled while it waited for a read slot: it never read anything. */
export class LeftBeforeReading extends Error {
  constructor() {
    super('cancelled while waiting to be read');
  }
}

/**
 * The worker's reading slots: at most `size` documents are read at once (one processor child each),
 * whatever the number of jobs the worker holds; the others wait in the order they came. A job that
 * holds no slot is waiting for its read or for its graph write, so the processors read the next
 * documents while the graph writes earlier ones.
 */
export class ReadSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new Error('a worker reads at least one document at a time');
    this.free = size;
  }

  /** Runs `read` in a slot. Rejects with LeftBeforeReading, not running it, when `signal` aborts first. */
  async hold<T>(read: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.take(signal);
    try {
      return await read();
    } finally {
      this.give();
    }
  }

  private take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new LeftBeforeReading());
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const granted = () => {
        signal?.removeEventListener('abort', left);
        resolve();
      };
      const left = () => {
        const at = this.waiting.indexOf(granted);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new LeftBeforeReading());
      };
      this.waiting.push(granted);
      signal?.addEventListener('abort', left, { once: true });
    });
  }

  /** The slot goes straight to the oldest waiter, if any. */
  private give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
