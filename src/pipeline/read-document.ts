import { createHash } from 'node:crypto';
import { assembleDocument } from '../assemble/index.js';
import { documentKnownNames, KnownNames, type SentenceExtractor } from '../extract/index.js';
import {
  type EventTypeInfo,
  type Gazetteer,
  type GraphDocument,
  type LinkInput,
  linkDocument,
  linkRecordParties,
} from '../link/index.js';
import {
  type OcrLimits,
  type ParsedDocument,
  type ParseLimits,
  parseDocument,
  sentenceModelText,
} from '../parse/index.js';
import type { DocumentJob } from '../queue/index.js';

export type ReadStage = 'parse' | 'extract' | 'link' | 'assemble';

export interface ReadDocumentDeps {
  extractor: SentenceExtractor;
  /** What the graph already knows of companies; linking matches mentions against it. */
  gazetteer: Gazetteer;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
  limits: ParseLimits;
  /** Names the model is told are known (the graph's, a user's file); the document's issuer is added. */
  knownNames?: KnownNames;
  /** Runs each stage; the worker reports progress and times stages through it. */
  stage?: <T>(name: ReadStage, run: () => Promise<T>) => Promise<T>;
  /** The parser; evaluations pass one that keeps its results between runs. */
  parse?: typeof parseDocument;
}

export interface ReadDocument {
  parsed: ParsedDocument;
  graph: GraphDocument;
}

/** A gazetteer that knows no company: for reading documents without a graph. */
const EMPTY_GAZETTEER: Gazetteer = { findCompanies: async () => [] };
/** Reading without a graph is for one user's own files: the limits that protect shared workers do not apply. */
const NO_LIMITS: ParseLimits = { maxBytes: Number.MAX_SAFE_INTEGER, maxPages: Number.MAX_SAFE_INTEGER };

/** A document read on its own, outside the queue: a file or a record of `finkg extract`, an evaluation set. */
export interface StandaloneDocument {
  bytes: Uint8Array;
  fileName: string;
  mimeType?: string;
  title?: string;
}

export interface StandaloneOptions {
  extractor: SentenceExtractor;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
  /** `other` (the default) lets the parser tell the kind from the content. */
  kind?: DocumentJob['kind'];
  knownNames?: KnownNames;
  /** OCR's limits, or false for none; the parser's defaults when absent. */
  ocr?: OcrLimits | false;
  parse?: typeof parseDocument;
}

/** Reads a document as the workers do, with no graph behind it: the CLI and the evaluations read through here. */
export function readStandalone(doc: StandaloneDocument, options: StandaloneOptions): Promise<ReadDocument> {
  const job: DocumentJob = {
    documentId: createHash('sha256').update(doc.bytes).digest('hex'),
    kind: options.kind ?? 'other',
    fileName: doc.fileName,
    ...(doc.mimeType ? { mimeType: doc.mimeType } : {}),
    ...(doc.title ? { title: doc.title } : {}),
    submittedAt: new Date().toISOString(),
  };
  return readDocument(doc.bytes, job, {
    extractor: options.extractor,
    gazetteer: EMPTY_GAZETTEER,
    eventTypes: options.eventTypes,
    limits: options.ocr === undefined ? NO_LIMITS : { ...NO_LIMITS, ocr: options.ocr },
    ...(options.knownNames ? { knownNames: options.knownNames } : {}),
    ...(options.parse ? { parse: options.parse } : {}),
  });
}

/**
 * Reads one document into the facts the graph gets: parse → extract → link → assemble. The worker and
 * `finkg extract` both read documents through here, so what the CLI prints is what the graph holds.
 * The job's kind is the declared one; `other` lets the parser tell the kind from the content.
 */
export async function readDocument(
  bytes: Uint8Array,
  job: DocumentJob,
  deps: ReadDocumentDeps,
): Promise<ReadDocument> {
  const stage = deps.stage ?? ((_name, run) => run());
  const parse = deps.parse ?? parseDocument;
  const parsed = await stage('parse', () =>
    parse(
      bytes,
      {
        ...(job.fileName ? { fileName: job.fileName } : {}),
        ...(job.mimeType
          ? { mimeType: job.mimeType }
          : job.text !== undefined
            ? { mimeType: 'text/plain' }
            : {}),
        ...(job.kind !== 'other' ? { kind: job.kind } : {}),
      },
      deps.limits,
    ),
  );
  const gazetteer = deps.extractor.usesKnowledge
    ? (deps.knownNames ?? new KnownNames()).extend(documentKnownNames(parsed.header))
    : undefined;
  // What the model reads of each sentence; assembly reads the same texts for statements that are no event.
  const sentenceTexts = parsed.sentences.map((s) => sentenceModelText(parsed, s));
  const extractions = await stage('extract', () =>
    deps.extractor.extract(sentenceTexts, gazetteer ? { gazetteer } : {}),
  );
  const graph = await linkAndAssemble(
    {
      job,
      parsed,
      sentenceTexts,
      extractions,
      modelVersion: deps.extractor.modelVersion,
      eventTypes: deps.eventTypes,
      gazetteer: deps.gazetteer,
    },
    stage,
  );
  return { parsed, graph };
}

/**
 * The stages after the model: link the model's reading of each sentence to the graph's identities, then
 * assemble document-level records, the facts the graph gets. `sentenceTexts` are the texts the model read.
 */
export async function linkAndAssemble(
  input: LinkInput & { sentenceTexts: readonly string[] },
  stage: <T>(name: ReadStage, run: () => Promise<T>) => Promise<T> = (_name, run) => run(),
): Promise<GraphDocument> {
  const { sentenceTexts, ...link } = input;
  const linked = await stage('link', () => linkDocument(link));
  return stage('assemble', async () =>
    linkRecordParties(
      assembleDocument({ parsed: input.parsed, sentenceTexts, linked, eventTypes: input.eventTypes }),
      input.gazetteer,
      input.eventTypes,
    ),
  );
}
