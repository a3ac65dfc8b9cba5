export { DocumentTooLargeError } from './document-too-large-error.js';
export { InvalidSubmissionError } from './invalid-submission-error.js';
export { QueueUnavailableError } from './queue-unavailable-error.js';
