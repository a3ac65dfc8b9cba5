export {
  linkAndAssemble,
  type ReadDocument,
  type ReadDocumentDeps,
  type ReadStage,
  readDocument,
  readStandalone,
  type StandaloneDocument,
  type StandaloneOptions,
} from './read-document.js';
