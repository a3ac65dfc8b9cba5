import { type JobFailure, type JobLookup, parseFailure, readJob, readProgress } from './job-status.js';

export type JobOutcome =
  | { jobId: string; state: 'completed'; result: unknown }
  | { jobId: string; state: 'failed'; error: JobFailure };

/** The QueueEvents events waiting needs; a BullMQ QueueEvents of the documents queue fits. */
export interface JobEvents {
  on(event: 'progress', listener: (args: { jobId: string; data: unknown }) => void): unknown;
  on(event: 'completed', listener: (args: { jobId: string; returnvalue: unknown }) => void): unknown;
  on(event: 'failed', listener: (args: { jobId: string; failedReason: string }) => void): unknown;
  off(event: 'progress' | 'completed' | 'failed', listener: (...args: never[]) => void): unknown;
}

export interface WaitCallbacks {
  onProgress?: (jobId: string, stage: string | undefined, percent: number | undefined) => void;
  onFinished?: (outcome: JobOutcome) => void;
}

/**
 * Resolves when every job has completed or failed for good (retries are not failures). Listens first,
 * then looks at each job's current state, so a job that finished before the listeners is not missed.
 * A job that no longer exists counts as failed.
 */
export async function waitForJobs(
  queue: JobLookup,
  events: JobEvents,
  jobIds: readonly string[],
  callbacks: WaitCallbacks = {},
): Promise<Map<string, JobOutcome>> {
  const pending = new Set(jobIds);
  const outcomes = new Map<string, JobOutcome>();
  let allDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    allDone = resolve;
  });
  const finish = (outcome: JobOutcome) => {
    if (!pending.delete(outcome.jobId)) return;
    outcomes.set(outcome.jobId, outcome);
    callbacks.onFinished?.(outcome);
    if (pending.size === 0) allDone();
  };

  const onProgress = ({ jobId, data }: { jobId: string; data: unknown }) => {
    if (!pending.has(jobId)) return;
    const { stage, percent } = readProgress(data as Parameters<typeof readProgress>[0]);
    callbacks.onProgress?.(jobId, stage, percent);
  };
  const onCompleted = ({ jobId, returnvalue }: { jobId: string; returnvalue: unknown }) =>
    finish({ jobId, state: 'completed', result: returnvalue });
  const onFailed = ({ jobId, failedReason }: { jobId: string; failedReason: string }) =>
    finish({ jobId, state: 'failed', error: parseFailure(failedReason) });
  events.on('progress', onProgress);
  events.on('completed', onCompleted);
  events.on('failed', onFailed);
  try {
    if (pending.size === 0) return outcomes;
    for (const jobId of jobIds) {
      const read = await readJob(queue, jobId);
      if (!read) {
        finish({
          jobId,
          state: 'failed',
          error: { code: 'missing', message: 'the job is no longer in the queue' },
        });
        continue;
      }
      const { job, state } = read;
      if (state === 'completed') finish({ jobId, state, result: job.returnvalue });
      else if (state === 'failed') finish({ jobId, state, error: parseFailure(job.failedReason ?? '') });
    }
    await done;
    return outcomes;
  } finally {
    events.off('progress', onProgress);
    events.off('completed', onCompleted);
    events.off('failed', onFailed);
  }
}
