export { collectFiles, mimeTypeOf, SUBMITTABLE_TYPES } from './collect-files.js';
export { guessKind } from './document-kind.js';
export { DocumentTooLargeError, InvalidSubmissionError, QueueUnavailableError } from './errors/index.js';
export {
  describeJob,
  getJobStatus,
  type JobFailure,
  type JobLookup,
  type JobStatus,
  parseFailure,
  readProgress,
  UNCLASSIFIED_FAILURE,
} from './job-status.js';
export {
  DOCUMENT_JOB_NAME,
  type DocumentMetadata,
  type JobQueue,
  type Submission,
  type SubmitDeps,
  type SubmitDocumentInput,
  type SubmitTextInput,
  submitDocument,
  submitText,
} from './submit-document.js';
export { type JobEvents, type JobOutcome, type WaitCallbacks, waitForJobs } from './wait-for-jobs.js';
export { type WorkerCounter, type WorkerPresenceCallbacks, watchWorkers } from './worker-presence.js';
