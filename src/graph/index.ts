export { createCompanyGazetteer, warmUpCompanyGazetteer } from './company-gazetteer.js';
export {
  removeDocumentGraph,
  type WriteOptions,
  type WriteSummary,
  writeDocumentGraph,
  writeDocumentsGraph,
} from './document-graph-writer.js';
export { ensureGraphSchema } from './graph-schema.js';
export { type ExampleFact, type GraphSummary, summarizeGraph } from './graph-summary.js';
export { KNOWN_NAMES_QUERY, readKnownNames } from './known-names.js';
export { createNeo4jDriver } from './neo4j-driver.js';
export { runReadQuery, WriteRefusedError } from './read-query.js';
export { roleRelationshipType } from './relationship-types.js';
export { warmUpGraphWrites } from './write-warm-up.js';
