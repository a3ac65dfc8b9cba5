export { ENTITY_LABELS, type EntityLabelName, eventVocabulary } from './allow-lists.js';
export {
  type BrokerRating,
  type CompanyProfile,
  getCompanyProfile,
  getCompanyTimeline,
  getRatingHistory,
  type RatingHistory,
  type Timeline,
} from './companies.js';
export { InvalidCursorError } from './cursor.js';
export {
  type CypherResult,
  InvalidQueryError,
  QueryMemoryLimitError,
  QueryRefusedError,
  QueryTimeoutError,
  runUserCypher,
  WriteRefusedError,
} from './cypher.js';
export {
  type DocumentDetail,
  type DocumentSpan,
  type DocumentSummary,
  getDocumentDetail,
  getDocumentFile,
  listDocuments,
} from './documents.js';
export { type EventDetail, getEventDetail } from './event-detail.js';
export type { EventSummary } from './event-summary.js';
export { type EventFilter, type EventPage, listEvents, UnknownFilterValueError } from './events.js';
export { getNeighbourhood, MAX_HOPS, MAX_NODES, type Neighbourhood } from './neighbourhood.js';
export { getPersonProfile, type PersonProfile, type PositionStatement } from './people.js';
export { explainStatement, type PlanOperator, planOperators } from './plan.js';
export { type SearchHit, searchEntities } from './search.js';
export type { GraphReader, Statement } from './statement.js';
