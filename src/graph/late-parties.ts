import type { ManagedTransaction } from 'neo4j-driver';
import { loadEventRoles } from '../link/event-roles.js';
import type { GraphDocument } from '../link/graph-document.js';
import { roleRelationshipType } from './relationship-types.js';
import { writeArgs, writeStatement } from './write-statement.js';

/**
 * A party an earlier document named only in words (a news item's 小米集团 before any filing of the
 * company was read) stays a HAS_ARGUMENT with its text. When a document brings a listed company of
 * exactly that name (its code stated), those arguments become the company's role relationships, so the
 * graph ends the same whichever document came first, and the event match that follows finds the
 * earlier event through the company. A name another company node carries too is left alone. Each
 * lookup is pinned to an index seek: with the OR on codes, a planner that knows many companies would
 * scan the hkCode index for every document, and one whose statistics were sampled on an empty index
 * scanned the key index (SEEK), or sought each key twice, once per side of the OR (one coalesce); the
 * worded arguments are sought by their text (SEEK: inside the
 * batch writer's per-document CALL a planner scanned the whole text index). The clauses take the company keys from `keys` and leave `c`, the
 * company, and `linked`, the element ids of the relationships made; `imported` names more variables the
 * lookup needs (`documentId` is an expression of them). They take `$args.roleTypes` (lateLinkParameters).
 */
export function lateLinkClauses(keys: string, documentId: string, imported = ''): string {
  return `UNWIND ${keys} AS key
MATCH (c:Company {key: key}) USING INDEX SEEK c:Company(key) WHERE coalesce(c.code, c.hkCode) IS NOT NULL
CALL (c${imported}) {
  UNWIND [c.name] + coalesce(c.shortNames, []) AS name
  WITH DISTINCT name WHERE size(name) >= 2
    AND NOT EXISTS { MATCH (o:Company) USING INDEX o:Company(name) WHERE o.name = name AND o <> c }
  MATCH (e:Event)-[h:HAS_ARGUMENT {text: name}]->(s:Sentence) USING INDEX SEEK h:HAS_ARGUMENT(text)
  WHERE h.value IS NULL AND h.documentId <> ${documentId} AND h.roleKey IN keys($args.roleTypes)
  CREATE (e)-[r:$($args.roleTypes[h.roleKey])]->(c)
  SET r = {role: h.role, roleKey: h.roleKey, documentRole: h.documentRole, documentId: h.documentId,
           text: h.text, sentenceId: s.id, start: h.start, end: h.end, confidence: h.confidence,
           inferred: coalesce(h.inferred, false)}
  DELETE h
  RETURN collect(elementId(r)) AS linked
}`;
}

const LINK_LATE_PARTIES = writeStatement(`${lateLinkClauses('$args.keys', '$args.documentId')}
RETURN c.key AS key, [c.name] + coalesce(c.shortNames, []) AS names, linked`);

let roleTypes: Record<string, string> | undefined;

/** The parameters lateLinkClauses takes. */
export function lateLinkParameters(): { roleTypes: Record<string, string> } {
  return { roleTypes: companyRoleTypes() };
}

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

/** What linking late parties did for one document: the names it looked for and the relationships it made. */
export interface LateParties {
  /** Each listed company of the document (by key): its name and short names when the lookup ran. */
  names: Map<string, string[]>;
  /** Element ids of the role relationships made from worded parties. */
  linked: string[];
}

/** The document's listed companies: the keys linkLateParties looks up. */
export function listedCompanyKeys(doc: GraphDocument): string[] {
  return doc.entities.filter((e) => e.label === 'Company' && (e.code || e.hkCode)).map((e) => e.key);
}

/** The role keys a worded party may carry to become a company's role relationship. */
export function companyRoleKeys(): Set<string> {
  return new Set(Object.keys(companyRoleTypes()));
}

/** Links earlier documents' worded parties to the document's listed companies. */
export async function linkLateParties(tx: ManagedTransaction, doc: GraphDocument): Promise<LateParties> {
  const keys = listedCompanyKeys(doc);
  if (keys.length === 0) return { names: new Map(), linked: [] };
  const result = await tx.run(
    LINK_LATE_PARTIES,
    writeArgs({ keys, documentId: doc.document.id, ...lateLinkParameters() }),
  );
  return {
    names: new Map(
      result.records.map((r) => [String(r.get('key')), (r.get('names') as unknown[]).map(String)]),
    ),
    linked: result.records.flatMap((r) => (r.get('linked') as unknown[]).map(String)),
  };
}
