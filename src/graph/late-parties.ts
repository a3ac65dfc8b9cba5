import type { ManagedTransaction } from 'neo4j-driver';
import { loadEventRoles } from '../link/event-roles.js';
import type { GraphDocument } from '../link/graph-document.js';
import { roleRelationshipType } from './relationship-types.js';
import { writeStatement } from './write-statement.js';

/**
 * A party an earlier document named only in words (a news item's 小米集团 before any filing of the
 * company was read) stays a HAS_ARGUMENT with its text. When a document brings a listed company of
 * exactly that name (its code stated), those arguments become the company's role relationships, so the
 * graph ends the same whichever document came first, and the event match that follows finds the
 * earlier event through the company. A name another company node carries too is left alone. Each
 * lookup is pinned to its index: with the OR on codes, a planner that knows many companies would scan
 * the hkCode index for every document.
 */
const LINK_LATE_PARTIES = writeStatement(`UNWIND $keys AS key
MATCH (c:Company {key: key}) USING INDEX c:Company(key) WHERE c.code IS NOT NULL OR c.hkCode IS NOT NULL
UNWIND [c.name] + coalesce(c.shortNames, []) AS name
WITH DISTINCT c, name WHERE size(name) >= 2
  AND NOT EXISTS { MATCH (o:Company) USING INDEX o:Company(name) WHERE o.name = name AND o <> c }
MATCH (e:Event)-[h:HAS_ARGUMENT {text: name}]->(s:Sentence) USING INDEX h:HAS_ARGUMENT(text)
WHERE h.value IS NULL AND h.documentId <> $documentId AND h.roleKey IN keys($roleTypes)
CREATE (e)-[r:$($roleTypes[h.roleKey])]->(c)
SET r = {role: h.role, roleKey: h.roleKey, documentRole: h.documentRole, documentId: h.documentId,
         text: h.text, sentenceId: s.id, start: h.start, end: h.end, confidence: h.confidence,
         inferred: coalesce(h.inferred, false)}
DELETE h
RETURN count(r) AS linked`);

let roleTypes: Record<string, string> | undefined;

/** Relationship type of every role a company may fill, by the role key an argument carries. */
function companyRoleTypes(): Record<string, string> {
  if (roleTypes) return roleTypes;
  const types: Record<string, string> = {};
  for (const info of loadEventRoles().values())
    for (const role of [...info.roles.values(), ...info.documentRoles.values()])
      if (role.entityTypes.includes('company')) types[role.key] = roleRelationshipType(role.key);
  roleTypes = types;
  return types;
}

/** Links earlier documents' worded parties to the document's listed companies; the count linked. */
export async function linkLateParties(tx: ManagedTransaction, doc: GraphDocument): Promise<number> {
  const keys = doc.entities.filter((e) => e.label === 'Company' && (e.code || e.hkCode)).map((e) => e.key);
  if (keys.length === 0) return 0;
  const result = await tx.run(LINK_LATE_PARTIES, {
    keys,
    documentId: doc.document.id,
    roleTypes: companyRoleTypes(),
  });
  return Number(result.records[0]?.get('linked') ?? 0);
}
