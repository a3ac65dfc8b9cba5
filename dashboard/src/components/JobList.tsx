import { Link } from 'wouter';
import type { TrackedJob } from './useJobs';

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

/** Live progress of the jobs submitted here. */
export function JobList({ jobs, onClear }: { jobs: TrackedJob[]; onClear: () => void }) {
  if (jobs.length === 0) return null;
  return (
    <section>
      <h2>
        Jobs{' '}
        <button type="button" className="link" onClick={onClear}>
          clear finished
        </button>
      </h2>
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
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
