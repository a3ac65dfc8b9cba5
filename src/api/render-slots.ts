/**
 * A small semaphore for work the API does itself (page renders): at most `size` at once, a few more
 * waiting briefly, the rest refused, so that a burst of requests cannot take the API's memory and event
 * loop. Nothing is kept once a piece of work is done.
 */

export interface RenderSlotsOptions {
  /** Renders at once. */
  size: number;
  /** Requests that may wait for a slot; past that they are refused at once. */
  waiting: number;
  /** How long one request waits for a slot before it is refused. */
  waitMs: number;
}

/** No slot came free in time: the client should retry after `retryAfterSeconds`. */
export class RenderSlotsBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many page images are being drawn; try again in ${retryAfterSeconds} s`);
    this.name = new.target.name;
  }
}

export class RenderSlots {
  private busy = 0;
  private readonly queue: Array<{ grant: () => void }> = [];

  constructor(readonly options: RenderSlotsOptions) {
    if (!Number.isInteger(options.size) || options.size < 1)
      throw new RangeError(`render slots need a size of at least 1, not ${options.size}`);
  }

  /** Work running now. */
  get active(): number {
    return this.busy;
  }

  /** Requests waiting for a slot now. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `work` in a slot; throws RenderSlotsBusyError when none comes free in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.options.waitMs / 1000));
  }

  private acquire(): Promise<void> {
    if (this.busy < this.options.size) {
      this.busy++;
      return Promise.resolve();
    }
    if (this.queue.length >= this.options.waiting)
      return Promise.reject(new RenderSlotsBusyError(this.retryAfterSeconds()));
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.queue.splice(this.queue.indexOf(entry), 1);
        reject(new RenderSlotsBusyError(this.retryAfterSeconds()));
      }, this.options.waitMs);
      this.queue.push(entry);
    });
  }

  /** The slot passes straight to the longest waiter, so `busy` counts it throughout. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next.grant();
    else this.busy--;
  }
}
