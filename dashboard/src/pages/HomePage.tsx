import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client';
import type { DocumentSummary } from '../api/types';
import { JobList } from '../components/JobList';
import { UploadPanel } from '../components/UploadPanel';
import { useJobs } from '../components/useJobs';
import { KIND_NAMES } from '../format';

/** Upload documents, follow their jobs, browse what has been processed. */
export function HomePage({ canSubmit, canCancel }: { canSubmit: boolean; canCancel: boolean }) {
  const { jobs, track, update, clearFinished } = useJobs();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  // Bumped by "Try again" after a read that failed.
  const [attempt, setAttempt] = useState(0);
  const showError = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const completed = jobs.filter((j) => j.status.state === 'completed').length;
  // Reload the list when a job finishes, so a new document shows up without a page reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the count of finished jobs is the trigger
  useEffect(() => {
    setError(undefined);
    api.documents().then((page) => {
      setDocuments(page.items);
      setCursor(page.nextCursor);
    }, showError);
  }, [completed, attempt]);

  const more = () => {
    if (!cursor) return;
    setError(undefined);
    api.documents(cursor).then((page) => {
      setDocuments((all) => [...all, ...page.items]);
      setCursor(page.nextCursor);
    }, showError);
  };

  return (
    <>
      {canSubmit && (
        <section>
          <h2>Upload</h2>
          <UploadPanel onQueued={track} />
        </section>
      )}
      <JobList jobs={jobs} onClear={clearFinished} onCancelled={canCancel ? update : undefined} />
      <section>
        <h2>Documents</h2>
        {error && (
          <p className="error" data-testid="documents-error">
            {error}{' '}
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </p>
        )}
        <table className="list" data-testid="documents">
          <thead>
            <tr>
              <th>published</th>
              <th>title</th>
              <th>kind</th>
              <th>issuer</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td className="nowrap">{d.publishedAt?.slice(0, 10) ?? ''}</td>
                <td>
                  <Link href={`/documents/${d.id}`}>{d.title ?? d.fileName ?? d.id.slice(0, 12)}</Link>
                </td>
                <td className="nowrap">{KIND_NAMES[d.kind] ?? d.kind}</td>
                <td>
                  {d.issuer && (
                    <Link href={`/companies/${encodeURIComponent(d.issuer.key)}`}>{d.issuer.name}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {cursor && (
          <button type="button" onClick={more}>
            More
          </button>
        )}
      </section>
    </>
  );
}
