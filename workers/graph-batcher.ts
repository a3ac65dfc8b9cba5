import type { WriteSummary } from '../src/graph/index.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import { isConnectionFault } from '../src/services/connection-faults.js';

/** Writes documents in one transaction, in order, all or none (writeDocumentsGraph). */
export type WriteDocuments = (docs: readonly GraphDocument[]) => Promise<WriteSummary[]>;

export interface GraphBatchOptions {
  /** Most documents in one transaction. */
  maxDocuments: number;
  /** How long a document that finds the writer idle waits for others to join it; 0 writes it at once. */
  maxWaitMs: number;
}

interface Pending {
  doc: GraphDocument;
  resolve(summary: WriteSummary): void;
  reject(error: unknown): void;
}

/**
 * The worker's graph stage: documents its jobs have read wait here while a transaction is being written
 * and go together into the next one (group commit), up to `maxDocuments`, in the order they came. One
 * transaction at a time, so a later document's event match sees the earlier ones' events, as when
 * written one by one. When a batch fails for any reason but an unreachable server, each of its
 * documents is written again alone, so a bad document fails alone and the others are written.
 */
export class GraphBatcher {
  private readonly queue: Pending[] = [];
  /** Documents handed over and not yet committed or failed. */
  private readonly inHand = new Set<Promise<unknown>>();
  private writing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly writeDocuments: WriteDocuments,
    private readonly options: GraphBatchOptions,
  ) {
    if (!(options.maxDocuments >= 1)) throw new Error('a graph batch holds at least one document');
  }

  /** Resolves once the document is committed, with what was written. */
  write(doc: GraphDocument): Promise<WriteSummary> {
    const written = new Promise<WriteSummary>((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      this.schedule();
    });
    const settled = written.then(
      () => undefined,
      () => undefined,
    );
    this.inHand.add(settled);
    void settled.then(() => this.inHand.delete(settled));
    return written;
  }

  /** Resolves once every document handed over so far is committed or has failed. */
  async written(): Promise<void> {
    await Promise.all([...this.inHand]);
  }

  private schedule(): void {
    if (this.writing || this.queue.length === 0) return;
    if (this.queue.length >= this.options.maxDocuments || this.options.maxWaitMs <= 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    } else {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        void this.flush();
      }, this.options.maxWaitMs);
    }
  }

  /** The next batch: the oldest documents, a document whose id is already in it left for the next. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.options.maxDocuments; ) {
      const pending = this.queue[i] as Pending;
      if (ids.has(pending.doc.document.id)) {
        i++;
        continue;
      }
      ids.add(pending.doc.document.id);
      batch.push(pending);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async flush(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      const batch = this.take();
      if (batch.length > 0) await this.writeBatch(batch);
    } finally {
      this.writing = false;
    }
    // Documents that came while this one was written have waited already: the next batch goes now.
    if (this.queue.length > 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.flush();
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const summaries = await this.writeDocuments(batch.map((p) => p.doc));
      for (const [i, p] of batch.entries()) p.resolve(summaries[i] as WriteSummary);
      return;
    } catch (error) {
      if (batch.length === 1 || isConnectionFault(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
    }
    // Nothing of the batch was written (one transaction): each document again, alone, in order.
    for (const p of batch) {
      try {
        const [summary] = await this.writeDocuments([p.doc]);
        p.resolve(summary as WriteSummary);
      } catch (error) {
        p.reject(error);
      }
    }
  }
}
