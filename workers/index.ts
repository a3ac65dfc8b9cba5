/** The workers' public entry: what the CLI (and any other host) needs to run a document worker in-process. */
export { closeOnSignals, startDocumentWorker } from './document-worker.js';
