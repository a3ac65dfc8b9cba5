import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphDocument } from '../link/graph-document.js';
import type { EntityLabel } from '../vocabulary/entity-labels.js';
import { BatchEvents } from './batch-events.js';
import type { WriteSummary } from './document-graph-writer.js';
import { deriveEventValues, type PartyLookup, partyLookups, readStoredEvents } from './event-sources.js';
import { companyRoleKeys, lateLinkClauses, lateLinkParameters, listedCompanyKeys } from './late-parties.js';
import {
  documentRow,
  type EntityPresent,
  entityNode,
  entityRows,
  eventRows,
  mentionRows,
  mergeEntityClauses,
  ratingRows,
  referencedEntities,
  WRITE_DOCUMENTS,
  WRITE_EVENTS,
  WRITE_MENTIONS,
  WRITE_RATINGS,
} from './write-rows.js';
import { writeArgs, writeStatement } from './write-statement.js';

/**
 * The batch cannot be written set-wise with the one-by-one result; nothing of it is kept. `splitAt`:
 * the batch can be, in two parts, the documents before this position, then the others.
 */
export class NeedsDocumentByDocument extends Error {
  constructor(
    message: string,
    readonly splitAt?: number,
  ) {
    super(message);
  }
}

/**
 * Which of the documents the graph holds already, and which of the entities (Label:key) it holds,
 * before anything of the batch is written.
 */
const HELD_BEFORE = writeStatement(`CALL () {
  UNWIND $args.ids AS id
  MATCH (d:Document {id: id})
  RETURN collect(d.id) AS documents
}
CALL () {
  UNWIND $args.entities AS row
  CALL (row) { ${entityNode('key')} }
  RETURN collect(row.label + ':' + row.key) AS entities
}
RETURN documents, entities`);

/**
 * Each document's entities, then the late parties its listed companies take, document after document
 * in one statement: a CALL runs once per row, in order, and sees what the runs before it wrote, so each
 * lookup reads the names its companies have after that document, as when written one by one.
 */
const MERGE_AND_LINK = writeStatement(`UNWIND $args.documents AS doc
CALL (doc) {
  CALL (doc) {
    UNWIND doc.rows AS row
    ${mergeEntityClauses()}
  }
  CALL (doc) {
    ${lateLinkClauses('doc.keys', 'doc.id', ', doc')}
    RETURN collect({key: c.key, names: [c.name] + coalesce(c.shortNames, []), linked: linked}) AS late
  }
  RETURN late
}
RETURN doc.position AS position, late`);

/**
 * Writes documents the graph does not hold yet in one transaction, with a handful of statements for the
 * whole batch instead of ten or so per document, leaving the graph that writing them one by one, in
 * order, leaves. What depends on order (entity MERGEs, and linking late parties, which reads the names
 * companies have after each document) runs document after document inside one statement. The event match
 * of every document is done in the client (BatchEvents) from one read of the stored events the batch
 * reaches; a row that refers to an entity only a later document creates is left out, as its MATCH
 * would have found nothing. Throws NeedsDocumentByDocument (in the transaction, so nothing is kept)
 * when a document is held already (its earlier extraction is taken back first, document by document)
 * or when a document's listed company may take a worded party of an earlier document of the batch.
 */
export async function writeNewDocuments(
  tx: ManagedTransaction,
  docs: readonly GraphDocument[],
): Promise<WriteSummary[]> {
  // Where each entity is first created in the batch, and the rows that create it then.
  const createdAt = new Map<string, number>();
  const rowsByDocument = docs.map((doc, position) => {
    const referenced = referencedEntities(doc);
    for (const e of doc.entities)
      if (createdAt.has(`${e.label}:${e.key}`)) referenced.add(`${e.label}:${e.key}`);
    const rows = entityRows(doc, referenced);
    for (const row of rows) {
      const labelKey = `${row.label}:${row.key}`;
      if (row.referenced && !createdAt.has(labelKey)) createdAt.set(labelKey, position);
    }
    return rows;
  });
  // Entities a document refers to that no document of the batch up to it creates: held before, or absent.
  const askHeld = new Map<string, { label: string; key: string }>();
  docs.forEach((doc, position) => {
    for (const labelKey of referencedEntities(doc)) {
      if ((createdAt.get(labelKey) ?? Number.POSITIVE_INFINITY) <= position) continue;
      const [label, ...key] = labelKey.split(':');
      askHeld.set(labelKey, { label: label as string, key: key.join(':') });
    }
  });

  const held = tx.run(
    HELD_BEFORE,
    writeArgs({ ids: docs.map((d) => d.document.id), entities: [...askHeld.values()] }),
  );
  const merged = tx.run(
    MERGE_AND_LINK,
    writeArgs({
      documents: docs.map((doc, position) => ({
        id: doc.document.id,
        position,
        rows: rowsByDocument[position],
        keys: listedCompanyKeys(doc),
      })),
      ...lateLinkParameters(),
    }),
  );
  const lookups = new Map<string, Omit<PartyLookup, 'index'>>();
  for (const doc of docs)
    for (const { type, label, key } of partyLookups(doc))
      lookups.set(`${type}\u0000${label}:${key}`, { type, label, key });
  const [heldResult, mergeResult, stored] = await Promise.all([
    held,
    merged,
    readStoredEvents(tx, [...lookups.values()]),
  ]);
  const lateResults = mergeResult.records.map((record) => {
    const late = record.get('late') as { key: string; names: string[]; linked: string[] }[];
    return [
      Number(record.get('position')),
      {
        names: new Map(late.map((l) => [l.key, l.names])),
        linked: late.flatMap((l) => l.linked),
      },
    ] as const;
  });

  const heldDocuments = heldResult.records[0]?.get('documents') as string[];
  if (heldDocuments.length > 0)
    throw new NeedsDocumentByDocument(`held already: ${heldDocuments.join(', ')}`);
  const heldEntities = new Set(heldResult.records[0]?.get('entities') as string[]);
  refuseWordedPartiesTakenInBatch(docs, lateResults);

  const linkedBy = new Map<string, number>();
  for (const [position, result] of lateResults) for (const id of result.linked) linkedBy.set(id, position);
  const events = new BatchEvents(stored, linkedBy);
  const documents: Record<string, unknown>[] = [];
  const mentions: Record<string, unknown>[] = [];
  const ratings: Record<string, unknown>[] = [];
  const rows = {
    created: [] as unknown[],
    joined: [] as unknown[],
    roles: [] as unknown[],
    values: [] as unknown[],
  };
  const joinedIds = new Set<string>();
  const summaries = docs.map((doc, position): WriteSummary => {
    const present: EntityPresent = (label: EntityLabel, key: string) =>
      (createdAt.get(`${label}:${key}`) ?? Number.POSITIVE_INFINITY) <= position ||
      heldEntities.has(`${label}:${key}`);
    const document = documentRow(doc, present);
    documents.push(document);
    mentions.push(...mentionRows(doc, present));
    ratings.push(...ratingRows(doc, present));
    const matches = events.matchDocument(position, doc, present, document.issuerKey !== null);
    const written = eventRows(doc, matches, present);
    rows.created.push(...written.created);
    rows.joined.push(...written.joined);
    rows.roles.push(...written.roles);
    rows.values.push(...written.values);
    for (const id of written.joinedIds) joinedIds.add(id);
    return {
      sentences: doc.sentences.length,
      entities: doc.entities.length,
      mentions: doc.mentions.length,
      events: doc.events.length,
      eventsJoined: written.joinedIds.length,
      arguments: written.arguments,
      orphansRemoved: 0,
    };
  });

  const finished: PromiseLike<unknown>[] = [tx.run(WRITE_DOCUMENTS, writeArgs({ documents }))];
  if (mentions.length > 0) finished.push(tx.run(WRITE_MENTIONS, writeArgs({ rows: mentions })));
  if (rows.created.length + rows.joined.length + rows.values.length + rows.roles.length > 0)
    finished.push(tx.run(WRITE_EVENTS, writeArgs(rows)));
  // After the joins: each joined event's values from all its sources, as after the last document joining it.
  finished.push(deriveEventValues(tx, [...joinedIds]));
  if (ratings.length > 0) finished.push(tx.run(WRITE_RATINGS, writeArgs({ ratings })));
  await Promise.all(finished);
  return summaries;
}

/**
 * Linking late parties at a document takes worded parties of the documents before it. The batch writes
 * its events after all lookups ran, so a worded party of the batch that a later document's listed
 * company may take (its text among the names the company had then) needs that document written after
 * the earlier ones' events: the first such document is where the batch splits.
 */
function refuseWordedPartiesTakenInBatch(
  docs: readonly GraphDocument[],
  lateResults: readonly (readonly [number, { names: Map<string, string[]> }])[],
): void {
  const roleKeys = companyRoleKeys();
  for (const [position, { names }] of lateResults) {
    const taken = new Set([...names.values()].flat());
    for (const earlier of docs.slice(0, position))
      for (const e of earlier.events)
        for (const a of e.arguments)
          if (!(a.entityKey && a.label) && a.value == null && roleKeys.has(a.roleKey) && taken.has(a.text))
            throw new NeedsDocumentByDocument(
              `${docs[position]?.document.id} may take the worded party ${a.text} of ${earlier.document.id}`,
              position,
            );
  }
}
