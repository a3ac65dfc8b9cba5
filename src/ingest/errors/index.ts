export { DocumentTooLargeError } from './document-too-large-error.js';
export { InvalidSubmissionError } from './invalid-submission-error.js';
