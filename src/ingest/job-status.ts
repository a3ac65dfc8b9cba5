import type { Job, JobProgress } from 'bullmq';

/** A document job as the API and `finkg status` show it. */
export interface JobStatus {
  id: string;
  /** BullMQ state: waiting, active, delayed, prioritized, completed, failed, … */
  state: string;
  /** Pipeline stage the worker last reported (load, parse, extract, link, graph, done), or queued. */
  stage: string;
  /** Percent, 0–100. */
  progress: number;
  attemptsMade: number;
  /** The worker's summary (documentId, pages, sentences, entities, events, timings, …) once completed. */
  result?: unknown;
  /** Why the last attempt failed; while retries remain the state is delayed, not failed. */
  error?: JobFailure;
  documentId: string | null;
  submittedAt: string;
  finishedAt?: string;
}

export interface JobFailure {
  /** The bracketed code of a permanent failure (`[corrupt_pdf] …`), or `internal`. */
  code: string;
  message: string;
}

/** Code of failures whose message does not start with a bracketed code (crashes, stalls, outages). */
export const UNCLASSIFIED_FAILURE = 'internal';

/** Splits a worker failure `[corrupt_pdf] The PDF is truncated …` into its code and text. */
export function parseFailure(reason: string): JobFailure {
  const match = /^\[([A-Za-z0-9_.-]+)\]\s*([\s\S]*)$/.exec(reason.trim());
  return match?.[1]
    ? { code: match[1], message: match[2] ?? '' }
    : { code: UNCLASSIFIED_FAILURE, message: reason.trim() };
}

/** Reads `{ stage, percent }` progress; plain numbers (other producers' workers) count as percent. */
export function readProgress(progress: JobProgress | undefined): { stage?: string; percent?: number } {
  if (typeof progress === 'number') return { percent: clampPercent(progress) };
  if (progress && typeof progress === 'object') {
    const { stage, percent } = progress as { stage?: unknown; percent?: unknown };
    return {
      ...(typeof stage === 'string' ? { stage } : {}),
      ...(typeof percent === 'number' ? { percent: clampPercent(percent) } : {}),
    };
  }
  return {};
}

function clampPercent(value: number): number {
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}

export function describeJob(job: Job, state: string): JobStatus {
  const reported = readProgress(job.progress);
  const completed = state === 'completed';
  const data = (job.data ?? {}) as { documentId?: unknown; submittedAt?: unknown };
  const status: JobStatus = {
    id: String(job.id),
    state,
    stage: completed ? 'done' : (reported.stage ?? 'queued'),
    progress: completed ? 100 : (reported.percent ?? 0),
    attemptsMade: job.attemptsMade,
    documentId: typeof data.documentId === 'string' ? data.documentId : null,
    submittedAt:
      typeof data.submittedAt === 'string' ? data.submittedAt : new Date(job.timestamp).toISOString(),
  };
  if (completed && job.returnvalue !== undefined && job.returnvalue !== null) status.result = job.returnvalue;
  if (!completed && job.failedReason) status.error = parseFailure(job.failedReason);
  if (job.finishedOn) status.finishedAt = new Date(job.finishedOn).toISOString();
  return status;
}

/** The part of a Queue that looking up a job needs. */
export interface JobLookup {
  getJob(id: string): Promise<Job | undefined>;
}

/**
 * The job and its state, read so that they agree: a job can finish between reading its hash and
 * reading its state, so a finished job is read again to get its return value or failure reason.
 */
export async function readJob(
  queue: JobLookup,
  id: string,
): Promise<{ job: Job; state: Awaited<ReturnType<Job['getState']>> } | undefined> {
  const job = await queue.getJob(id);
  if (!job) return undefined;
  const state = await job.getState();
  if (state !== 'completed' && state !== 'failed') return { job, state };
  const settled = await queue.getJob(id);
  return settled ? { job: settled, state } : undefined;
}

/** The job's current status, or undefined when no such job exists (or it was removed). */
export async function getJobStatus(queue: JobLookup, id: string): Promise<JobStatus | undefined> {
  const read = await readJob(queue, id);
  return read && describeJob(read.job, read.state);
}
