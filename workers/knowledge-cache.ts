import { type KnownName, KnownNames } from '../src/extract/index.js';
import type { Logger } from '../src/log/logger.js';

/**
 * The names a processor tells the model it knows: those of a file, plus the graph's, re-read once they
 * are `maxAgeMs` old so that companies and people written by any worker reach every other worker within
 * that time. A failed read keeps the names known before and is tried again on the next document:
 * knowledge improves extraction but is never a reason to fail a job.
 */
export class KnowledgeCache {
  private current: KnownNames | undefined;
  private loadedAt: number | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly readGraph: () => Promise<KnownName[]>,
    /** 0: the graph is never read. */
    private readonly maxAgeMs: number,
    private readonly log: Logger,
    /** Names from a file, kept under the graph's. */
    private readonly fixed: KnownNames | undefined = undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.current = fixed;
  }

  async gazetteer(): Promise<KnownNames | undefined> {
    if (this.maxAgeMs > 0 && (this.loadedAt === undefined || this.now() - this.loadedAt >= this.maxAgeMs)) {
      this.refreshing ??= this.refresh().finally(() => {
        this.refreshing = undefined;
      });
      await this.refreshing;
    }
    return this.current;
  }

  private async refresh(): Promise<void> {
    try {
      const names = await this.readGraph();
      this.current = (this.fixed ?? new KnownNames()).extend(names);
      this.log.debug({ names: this.current.size }, 'known names read from the graph');
    } catch (error) {
      this.log.warn(
        { err: error },
        'reading known names from the graph failed; keeping the names known before',
      );
    } finally {
      this.loadedAt = this.now();
    }
  }
}
