export { CALENDAR_DATE, isCalendarDate } from './calendar-date.js';
export { type DocumentJob, DocumentJobSchema, documentJobProblems } from './document-job.js';
export { createDocumentQueue, DOCUMENTS_QUEUE, documentJobOptions } from './document-queue.js';
export { cancellationChannel, listenForCancellations, requestCancellation } from './job-cancellation.js';
export { asJobFailure, isTransientFault, permanentFailure } from './job-failures.js';
export { redisConnectionOptions } from './redis-connection.js';
