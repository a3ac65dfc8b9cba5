import { loadEventRoles } from '../../link/event-roles.js';
import { DOCUMENT_KINDS } from '../../vocabulary/document-kinds.js';
import { ENTITY_LABELS, type EntityLabel } from '../../vocabulary/entity-labels.js';
import { roleRelationshipType } from '../relationship-types.js';

/** Labels and types that may appear in query text: fixed in the product, never taken from a request. */
export { DOCUMENT_KINDS, ENTITY_LABELS };
export type EntityLabelName = EntityLabel;

/** Node labels in the order that decides a node's one displayed label (a report is a Document first). */
export const DISPLAY_LABELS = [
  ...ENTITY_LABELS,
  'Event',
  'Document',
  'Analyst',
  'Broker',
  'Sentence',
] as const;

export interface EventVocabulary {
  /** FewFC type names (质押, …) by type key (pledge, …) and the names themselves. */
  typeNames: Map<string, string>;
  /** Relationship types of roles filled by entities (PLEDGOR, ACQUIRER, …). */
  roleTypes: string[];
}

let vocabulary: EventVocabulary | undefined;

/** The event types and role relationship types of schemas/events.json, read once. */
export function eventVocabulary(): EventVocabulary {
  if (vocabulary) return vocabulary;
  const typeNames = new Map<string, string>();
  const roleTypes = new Set<string>();
  for (const [name, info] of loadEventRoles()) {
    typeNames.set(name, name);
    typeNames.set(info.key, name);
    for (const role of info.roles.values()) {
      if (role.entityTypes.length > 0) roleTypes.add(roleRelationshipType(role.key));
    }
    for (const role of info.documentRoles.values()) {
      if (role.entityTypes.length > 0) roleTypes.add(roleRelationshipType(role.key));
    }
  }
  vocabulary = { typeNames, roleTypes: [...roleTypes].sort() };
  return vocabulary;
}

/** Relationships the neighbourhood walks: the semantic ones, not the sentence-level provenance. */
export function neighbourhoodRelationshipTypes(): string[] {
  return [
    'ISSUED_BY',
    'RATES',
    'AUTHORED',
    'PUBLISHED',
    'WORKS_AT',
    'REPORTED_IN',
    'SUBSIDIARY_OF',
    ...eventVocabulary().roleTypes,
  ];
}
