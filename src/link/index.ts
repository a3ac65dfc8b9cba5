export { CompanyResolver, canonicalName } from './company-resolver.js';
export {
  type DocumentRoleInfo,
  type EventTypeInfo,
  loadEventRoles,
  type RoleInfo,
} from './event-roles.js';
export type { Gazetteer, KnownCompany } from './gazetteer.js';
export type * from './graph-document.js';
export { type LinkInput, linkDocument } from './link-document.js';
export { linkRecordParties } from './record-parties.js';
export { normalizeArgumentValue } from './value-normalizer.js';
