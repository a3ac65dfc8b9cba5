import { type Job, type Processor, UnrecoverableError } from 'bullmq';
import type { WriteSummary } from '../src/graph/index.js';
import type { Gazetteer } from '../src/link/gazetteer.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import type { Logger } from '../src/log/logger.js';
import { asJobFailure } from '../src/queue/index.js';
import type { DocumentJobResult, ReadJobResult } from './document-processor.js';
import { CANCELLED_BY_ADMIN } from './limited-sandbox.js';
import { LeftBeforeReading, type ReadSlots } from './read-slots.js';

/** The worker's graph stage as a job sees it (GraphBatcher): resolves once the document is committed. */
export interface GraphWriter {
  write(doc: GraphDocument): Promise<WriteSummary>;
}

/**
 * Company lookups that first wait for the documents handed to the writer so far: a document read while
 * earlier ones are written links against the companies they bring, as when reading and writing took
 * turns, while its parsing and the model's reading, the most of a read, go on beside the write.
 */
export function afterWrites(gazetteer: Gazetteer, writer: { written(): Promise<void> }): Gazetteer {
  return {
    async findCompanies(query) {
      await writer.written();
      return gazetteer.findCompanies(query);
    },
  };
}

function cancelled(signal?: AbortSignal): UnrecoverableError {
  return new UnrecoverableError(typeof signal?.reason === 'string' ? signal.reason : CANCELLED_BY_ADMIN);
}

/**
 * A job: read in a sandboxed processor child once a reading slot is free, then written to the graph by
 * this process's batcher with the documents its other jobs have read meanwhile. The slot is given back
 * as soon as the read is done, so the next job is read while this one's write is in flight. The job
 * completes only once its document is committed. A cancellation that comes before the write stops the
 * job (one waiting for its slot reads nothing); one that comes during it waits for the commit, as the
 * write is one short transaction.
 */
export function readThenWrite(
  read: Processor,
  slots: ReadSlots,
  writer: GraphWriter,
  log: Logger,
): Processor {
  return async (job: Job, token?: string, signal?: AbortSignal): Promise<DocumentJobResult> => {
    let readResult: ReadJobResult;
    try {
      readResult = (await slots.hold(() => read(job, token, signal), signal)) as ReadJobResult;
    } catch (error) {
      if (error instanceof LeftBeforeReading) throw cancelled(signal);
      throw error;
    }
    const { result, graph } = readResult;
    if (signal?.aborted) throw cancelled(signal);
    await job.updateProgress({ stage: 'graph', percent: 85 });
    const started = performance.now();
    let summary: DocumentJobResult['graph'];
    try {
      summary = await writer.write(graph);
    } catch (error) {
      throw asJobFailure(error);
    }
    const done: DocumentJobResult = {
      ...result,
      graph: summary,
      timings: { ...result.timings, graph: Math.round(performance.now() - started) },
    };
    await job.updateProgress({ stage: 'done', percent: 100 });
    log.info(
      {
        jobId: job.id,
        documentId: done.documentId,
        result: { ...done, warnings: undefined, report: undefined },
      },
      'document processed',
    );
    return done;
  };
}
