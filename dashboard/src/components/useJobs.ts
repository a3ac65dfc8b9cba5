import { useCallback, useEffect, useMemo, useState } from 'react';
import { watchJobs } from '../api/client';
import type { JobStatus } from '../api/types';

/** What is known of a job: at least its state; the stream's progress events carry only part of it. */
export type TrackedStatus = Pick<JobStatus, 'id' | 'state'> & Partial<JobStatus>;

export interface TrackedJob {
  id: string;
  documentId: string;
  fileName: string;
  status: TrackedStatus;
}

const STORAGE_KEY = 'finkg.jobs';

function stored(): TrackedJob[] {
  try {
    const value = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as TrackedJob[]) : [];
  } catch {
    return [];
  }
}

/**
 * The jobs submitted from this browser tab (kept across reloads) and their live status, fed by the
 * server's event stream; the stream is reopened when the set of unfinished jobs changes.
 */
export function useJobs() {
  const [jobs, setJobs] = useState<TrackedJob[]>(stored);
  useEffect(() => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(jobs.slice(0, 50))), [jobs]);

  const unfinished = useMemo(
    () =>
      jobs
        .filter((j) => j.status.state !== 'completed' && j.status.state !== 'failed')
        .map((j) => j.id)
        .join(','),
    [jobs],
  );
  useEffect(() => {
    if (!unfinished) return;
    return watchJobs(unfinished.split(','), (data) => {
      const update = data as TrackedStatus;
      setJobs((all) =>
        all.map((j) => (j.id === update.id ? { ...j, status: { ...j.status, ...update } } : j)),
      );
    });
  }, [unfinished]);

  const track = useCallback((job: TrackedJob) => {
    setJobs((all) => [job, ...all.filter((j) => j.id !== job.id)]);
  }, []);
  /** A status read elsewhere (a cancel's answer): it replaces what the stream said before. */
  const update = useCallback((status: TrackedStatus) => {
    setJobs((all) => all.map((j) => (j.id === status.id ? { ...j, status: { ...j.status, ...status } } : j)));
  }, []);
  const clearFinished = useCallback(() => {
    setJobs((all) => all.filter((j) => j.status.state !== 'completed' && j.status.state !== 'failed'));
  }, []);
  return { jobs, track, update, clearFinished };
}
