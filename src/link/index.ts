export { CompanyResolver, canonicalName } from './company-resolver.js';
export { mergeDocumentEvents, type SentenceEvent } from './document-events.js';
export { type EventTypeInfo, loadEventRoles, type RoleInfo } from './event-roles.js';
export type { Gazetteer, KnownCompany } from './gazetteer.js';
export type * from './graph-document.js';
export { type LinkInput, linkDocument, sentenceModelText } from './link-document.js';
