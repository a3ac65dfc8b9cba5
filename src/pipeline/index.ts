export {
  EMPTY_GAZETTEER,
  type ReadDocument,
  type ReadDocumentDeps,
  type ReadStage,
  readDocument,
} from './read-document.js';
