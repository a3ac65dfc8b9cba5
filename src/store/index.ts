export { DocumentNotFoundError, type DocumentStore } from './document-store.js';
export { FilesystemDocumentStore } from './filesystem-document-store.js';
