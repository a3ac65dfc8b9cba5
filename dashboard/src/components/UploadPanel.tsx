import { type FormEvent, useState } from 'react';
import { api } from '../api/client';
import { KIND_NAMES } from '../format';
import type { TrackedJob } from './useJobs';

/** Upload PDFs, HTML or text; each file becomes a job the list below follows. */
export function UploadPanel({ onQueued }: { onQueued: (job: TrackedJob) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [kind, setKind] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [noWorker, setNoWorker] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    const failed: string[] = [];
    for (const file of files) {
      try {
        const submission = await api.submit(file, {
          ...(kind ? { kind } : {}),
          ...(publishedAt ? { publishedAt } : {}),
        });
        if (submission.workersRunning !== undefined) setNoWorker(submission.workersRunning === 0);
        onQueued({
          id: submission.jobId,
          documentId: submission.documentId,
          fileName: file.name,
          status: { id: submission.jobId, state: 'waiting', stage: 'queued', progress: 0 },
        });
      } catch (error) {
        failed.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    setErrors(failed);
    setFiles([]);
    form.reset();
    setBusy(false);
  };

  return (
    <form className="upload" onSubmit={(e) => void submit(e)}>
      <input
        type="file"
        name="file"
        multiple
        accept=".pdf,.html,.htm,.txt,application/pdf,text/html,text/plain"
        aria-label="documents to upload"
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
      />
      <select value={kind} onChange={(e) => setKind(e.target.value)} aria-label="document kind">
        <option value="">kind from file name</option>
        {Object.entries(KIND_NAMES).map(([value, name]) => (
          <option key={value} value={value}>
            {name}
          </option>
        ))}
      </select>
      <label className="muted">
        published{' '}
        <input
          type="date"
          aria-label="published on"
          title="when the document does not print its date (research reports often do not)"
          value={publishedAt}
          onChange={(e) => setPublishedAt(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy || files.length === 0}>
        Upload {files.length > 1 ? `${files.length} files` : ''}
      </button>
      {noWorker && (
        <p className="error" role="alert">
          No worker is running: uploads wait in the queue until one starts (npx finkg worker).
        </p>
      )}
      {errors.map((e) => (
        <p key={e} className="error">
          {e}
        </p>
      ))}
    </form>
  );
}
