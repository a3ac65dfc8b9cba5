import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../api/client';
import type { TrackedJob, TrackedStatus } from './useJobs';

function summary(job: TrackedJob): string {
  const { status } = job;
  if (status.state === 'failed')
    return status.error ? `[${status.error.code}] ${status.error.message}` : 'failed';
  if (status.state === 'completed' && status.result && typeof status.result === 'object') {
    // The worker's result summary (workers/document-processor.ts); counts it does not give read as 0.
    const r = status.result as { pages?: number; sentences?: number; entities?: number; events?: number };
    return `${r.pages ?? 0} pages, ${r.sentences ?? 0} sentences, ${r.entities ?? 0} entities, ${r.events ?? 0} events`;
  }
  return status.stage ?? status.state;
}

/** What became of an admin's cancel request, shown above the list. */
interface CancelOutcome {
  ok: boolean;
  text: string;
}

/**
 * Live progress of the jobs submitted here. Given `onCancelled` (admins), an active job has a cancel
 * button: after a confirmation the worker stops it, and it ends failed, not retried.
 */
export function JobList({
  jobs,
  onClear,
  onCancelled,
}: {
  jobs: TrackedJob[];
  onClear: () => void;
  onCancelled?: (status: TrackedStatus) => void;
}) {
  const [cancelling, setCancelling] = useState<string>();
  const [outcome, setOutcome] = useState<CancelOutcome>();
  if (jobs.length === 0) return null;

  const cancel = async (job: TrackedJob) => {
    if (!onCancelled) return;
    const question = `Cancel the job of ${job.fileName}? Its worker stops reading it; the job fails and is not retried.`;
    if (!window.confirm(question)) return;
    setCancelling(job.id);
    setOutcome(undefined);
    try {
      const status = await api.cancelJob(job.id);
      onCancelled(status);
      const ended = status.state === 'failed' ? 'it failed and will not be retried' : `it is ${status.state}`;
      setOutcome({ ok: true, text: `Cancelled the job of ${job.fileName}: ${ended}.` });
    } catch (error) {
      const reason = error instanceof ApiError ? error.message : String(error);
      setOutcome({ ok: false, text: `Could not cancel the job of ${job.fileName}: ${reason}` });
    } finally {
      setCancelling(undefined);
    }
  };

  return (
    <section>
      <h2>
        Jobs{' '}
        <button type="button" className="link" onClick={onClear}>
          clear finished
        </button>
      </h2>
      {outcome && (
        <p className={outcome.ok ? 'notice' : 'error'} role="status" data-testid="cancel-outcome">
          {outcome.text}
        </p>
      )}
      <table className="jobs" data-testid="jobs">
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-state={job.status.state} data-job={job.id}>
              <td className="file">
                {job.status.state === 'completed' ? (
                  <Link href={`/documents/${job.documentId}`}>{job.fileName}</Link>
                ) : (
                  job.fileName
                )}
              </td>
              <td className="state">{job.status.state}</td>
              <td>
                <progress
                  max={100}
                  value={job.status.state === 'completed' ? 100 : (job.status.progress ?? 0)}
                />
              </td>
              <td className={job.status.state === 'failed' ? 'error' : 'muted'}>{summary(job)}</td>
              {onCancelled && (
                <td>
                  {job.status.state === 'active' && (
                    <button
                      type="button"
                      disabled={cancelling === job.id}
                      aria-label={`cancel ${job.fileName}`}
                      onClick={() => void cancel(job)}
                    >
                      {cancelling === job.id ? 'cancelling…' : 'cancel'}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
