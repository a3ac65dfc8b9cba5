import { createHash, randomUUID } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { type DocumentJob, DocumentJobSchema, documentJobProblems } from '../queue/index.js';
import type { DocumentStore } from '../store/index.js';
import { DOCUMENT_KINDS, isDocumentKind } from '../vocabulary/document-kinds.js';
import { DocumentTooLargeError } from './errors/document-too-large-error.js';
import { InvalidSubmissionError } from './errors/invalid-submission-error.js';

/** BullMQ job name of every document job (workers do not dispatch on it; it shows in dashboards). */
export const DOCUMENT_JOB_NAME = 'document';

/** The part of a BullMQ Queue that submission needs; a real `Queue` fits, and so does a test double. */
export interface JobQueue {
  add(name: string, data: DocumentJob, opts?: JobsOptions): Promise<{ id?: string | undefined }>;
}

export interface SubmitDeps {
  queue: JobQueue;
  store: DocumentStore;
  maxDocumentBytes: number;
}

/** What people say about a document; everything but `kind` is optional. */
export interface DocumentMetadata {
  kind: string;
  fileName?: string | undefined;
  mimeType?: string | undefined;
  title?: string | undefined;
  publishedAt?: string | undefined;
  source?: { url?: string | undefined; name?: string | undefined } | undefined;
}

export interface SubmitDocumentInput extends DocumentMetadata {
  bytes: Uint8Array;
}

export interface SubmitTextInput extends DocumentMetadata {
  text: string;
}

export interface Submission {
  jobId: string;
  documentId: string;
  /** True when a job for the same document was already waiting or running; `jobId` is that job. */
  duplicate: boolean;
}

/** Texts up to the schema's inline limit travel in the job; longer ones go through the store. */
const INLINE_TEXT_MAX_CHARS = DocumentJobSchema.properties.text.maxLength ?? 0;

// Stands in for the real id while the metadata is checked before anything is stored.
const PLACEHOLDER_ID = '0'.repeat(64);

/**
 * Stores the bytes and queues one job for them. Metadata and size are checked before the store is
 * touched, so a rejected submission leaves nothing behind. The same bytes are the same document: while
 * a job for it waits or runs, no second job is queued and the existing job's id is returned.
 */
export async function submitDocument(deps: SubmitDeps, input: SubmitDocumentInput): Promise<Submission> {
  const { bytes, ...metadata } = input;
  if (bytes.byteLength > deps.maxDocumentBytes) {
    throw new DocumentTooLargeError(bytes.byteLength, deps.maxDocumentBytes);
  }
  const emptyProblem = bytes.byteLength === 0 ? ['file: the document is empty (0 bytes)'] : [];
  checkJob(buildJob(metadata, { documentId: PLACEHOLDER_ID, storeKey: PLACEHOLDER_ID }), emptyProblem);

  const stored = await deps.store.put(bytes);
  return enqueue(deps.queue, buildJob(metadata, { documentId: stored.documentId, storeKey: stored.key }));
}

/** Queues plain text given inline (an HTTP JSON body); very long texts are stored like files. */
export async function submitText(deps: SubmitDeps, input: SubmitTextInput): Promise<Submission> {
  const { text, ...metadata } = input;
  const bytes = new TextEncoder().encode(text);
  if (bytes.byteLength > deps.maxDocumentBytes) {
    throw new DocumentTooLargeError(bytes.byteLength, deps.maxDocumentBytes);
  }
  if (text.length > INLINE_TEXT_MAX_CHARS) {
    return submitDocument(deps, {
      ...metadata,
      bytes,
      mimeType: metadata.mimeType ?? 'text/plain; charset=utf-8',
    });
  }
  const documentId = createHash('sha256').update(bytes).digest('hex');
  const job = buildJob(metadata, { documentId, text });
  checkJob(job, []);
  return enqueue(deps.queue, job);
}

function buildJob(
  metadata: DocumentMetadata,
  content: { documentId: string; storeKey: string } | { documentId: string; text: string },
): DocumentJob {
  const job: Record<string, unknown> = { ...content, kind: metadata.kind };
  // Absent fields stay absent: the schema forbids explicit undefined/null in places other services read.
  for (const key of ['fileName', 'mimeType', 'title', 'publishedAt'] as const) {
    const value = metadata[key];
    if (value !== undefined && value !== '') job[key] = value;
  }
  const source = Object.fromEntries(
    Object.entries(metadata.source ?? {}).filter(([, value]) => value !== undefined && value !== ''),
  );
  if (Object.keys(source).length > 0) job.source = source;
  job.submittedAt = new Date().toISOString();
  return job as DocumentJob;
}

function checkJob(job: DocumentJob, extra: string[]): void {
  const problems = [...extra];
  if (!isDocumentKind(job.kind)) {
    // The schema's own message for a union ("Expected union value") does not say what is allowed.
    problems.push(`kind: must be one of ${DOCUMENT_KINDS.join(', ')}; got ${JSON.stringify(job.kind)}`);
  }
  for (const problem of documentJobProblems(job)) {
    if (!problem.startsWith('/kind:')) problems.push(fieldFirst(problem));
  }
  if (problems.length > 0) throw new InvalidSubmissionError(problems);
}

/** `/source/url: Expected …` → `source.url: Expected …`, the way fields are named in the API. */
function fieldFirst(problem: string): string {
  return problem.replace(/^\/([^:]*):/, (_, at: string) => `${at ? at.replaceAll('/', '.') : 'document'}:`);
}

async function enqueue(queue: JobQueue, job: DocumentJob): Promise<Submission> {
  // Our own id for the new job: if BullMQ hands back another id, an existing job took the document.
  const proposedId = randomUUID();
  const added = await queue.add(DOCUMENT_JOB_NAME, job, {
    jobId: proposedId,
    deduplication: { id: job.documentId },
  });
  const jobId = added.id ?? proposedId;
  return { jobId, documentId: job.documentId, duplicate: jobId !== proposedId };
}
