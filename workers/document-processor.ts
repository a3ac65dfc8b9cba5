import type { SandboxedJob } from 'bullmq';
import { KnownNames } from '../src/extract/index.js';
import type { WriteSummary } from '../src/graph/index.js';
import type { GraphDocument } from '../src/link/graph-document.js';
import { isDocumentInputError, ocrLimitsOf, type ResearchReportHeader } from '../src/parse/index.js';
import { type ReadStage, readDocument } from '../src/pipeline/index.js';
import {
  asJobFailure,
  type DocumentJob,
  documentJobProblems,
  permanentFailure as rejected,
} from '../src/queue/index.js';
import { DocumentNotFoundError } from '../src/store/index.js';
import { exitWithParent } from './exit-with-parent.js';
import { type PipelineContext, pipelineContext } from './pipeline-context.js';

exitWithParent();

export type Stage = 'load' | ReadStage | 'graph' | 'done';

export interface DocumentJobResult {
  documentId: string;
  kind: string;
  pages: number;
  sentences: number;
  entities: number;
  mentions: number;
  events: number;
  eventTypes: Record<string, number>;
  arguments: number;
  modelVersion: string;
  graph: WriteSummary;
  /** Milliseconds per stage, for the stage latency metrics. */
  timings: Record<string, number>;
  warnings: string[];
  /**
   * A research report's own fields: broker, analysts with certificate numbers (contacts marked as
   * such), rating and its change, target and current price with currency, forecasts by year.
   */
  report?: ResearchReportHeader;
}

/**
 * What the sandboxed processor hands the worker: the job's result but for the graph write, and the
 * document to write. The worker writes it (workers/graph-batcher.ts), so that the documents several
 * processors have read can share a transaction; parsing untrusted bytes is what needs the sandbox.
 */
export interface ReadJobResult {
  result: Omit<DocumentJobResult, 'graph'>;
  graph: GraphDocument;
}

/**
 * Runs one document through load → parse → extract → link → assemble. Runs in a sandboxed child process, so
 * CPU-heavy parsing and inference never starve the lock renewal of the worker's other jobs. Only
 * connection and availability faults are retried (asJobFailure); anything else fails at once. A processor
 * that cannot load (a missing model) is the worker's fault, not the document's, so that is retried too.
 */
export default async function processDocument(job: SandboxedJob): Promise<ReadJobResult> {
  const problems = documentJobProblems(job.data);
  if (problems.length > 0)
    throw rejected('invalid_payload', `job payload is invalid: ${problems.join('; ')}`);
  const ctx = await pipelineContext();
  try {
    return await processPayload(job, job.data as DocumentJob, ctx);
  } catch (error) {
    throw asJobFailure(error);
  }
}

async function processPayload(
  job: SandboxedJob,
  payload: DocumentJob,
  ctx: PipelineContext,
): Promise<ReadJobResult> {
  const timings: Record<string, number> = {};
  const stage = async <T>(name: Stage, percent: number, run: () => Promise<T>): Promise<T> => {
    await job.updateProgress({ stage: name, percent });
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = Math.round(performance.now() - started);
    }
  };

  const bytes = await stage('load', 5, async () => {
    if (payload.text !== undefined) return new TextEncoder().encode(payload.text);
    try {
      return await ctx.store.get(payload.storeKey as string);
    } catch (error) {
      if (error instanceof DocumentNotFoundError) throw rejected('not_in_store', error.message);
      throw error;
    }
  });

  const percents: Record<ReadStage, number> = { parse: 15, extract: 40, link: 75, assemble: 80 };
  let read: Awaited<ReturnType<typeof readDocument>>;
  try {
    read = await readDocument(bytes, payload, {
      extractor: ctx.extractor,
      gazetteer: ctx.gazetteer,
      eventTypes: ctx.eventTypes,
      limits: {
        maxBytes: ctx.config.maxDocumentBytes,
        maxPages: ctx.config.maxDocumentPages,
        ocr: ocrLimitsOf(ctx.config),
      },
      // Known names for the model: the graph's and KNOWLEDGE_FILE's (readDocument adds the issuer).
      ...(ctx.extractor.usesKnowledge
        ? { knownNames: (await ctx.knowledge.gazetteer()) ?? new KnownNames() }
        : {}),
      stage: (name, run) => stage(name, percents[name], run),
    });
  } catch (error) {
    if (isDocumentInputError(error)) throw rejected(error.code.toLowerCase(), error.message);
    throw error;
  }
  const { parsed, graph: graphDocument } = read;

  const eventTypes: Record<string, number> = {};
  for (const e of graphDocument.events) eventTypes[e.type] = (eventTypes[e.type] ?? 0) + 1;
  const result: Omit<DocumentJobResult, 'graph'> = {
    documentId: payload.documentId,
    kind: graphDocument.document.kind,
    pages: parsed.pages.length,
    sentences: parsed.sentences.length,
    entities: graphDocument.entities.length,
    mentions: graphDocument.mentions.length,
    events: graphDocument.events.length,
    eventTypes,
    arguments: graphDocument.events.reduce((n, e) => n + e.arguments.length, 0),
    modelVersion: ctx.extractor.modelVersion,
    timings,
    warnings: parsed.warnings,
    ...(parsed.kind === 'research_report' && parsed.header.researchReport
      ? { report: parsed.header.researchReport }
      : {}),
  };
  return { result, graph: graphDocument };
}
