import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { GraphDocument } from '../link/graph-document.js';
import { NeedsDocumentByDocument, writeNewDocuments } from './batch-writer.js';
import { deriveEventValues, matchStoredEvents, removeEventContributions } from './event-sources.js';
import { linkLateParties } from './late-parties.js';
import {
  documentRow,
  entityRows,
  eventRows,
  MERGE_ENTITIES,
  mentionRows,
  ratingRows,
  WRITE_DOCUMENTS,
  WRITE_EVENTS,
  WRITE_MENTIONS,
  WRITE_RATINGS,
} from './write-rows.js';
import { writeArgs, writeStatement } from './write-statement.js';

export interface WriteSummary {
  sentences: number;
  entities: number;
  mentions: number;
  events: number;
  /** Events this document tells that the graph already held from other documents (one node, another source). */
  eventsJoined: number;
  arguments: number;
  /** Entity nodes of an earlier extraction that nothing refers to any more. */
  orphansRemoved: number;
}

/**
 * Writes one document's extraction in one transaction. An earlier extraction of the same document is
 * removed first, in the same transaction, so reprocessing leaves no duplicates and no orphans, and a
 * failure leaves the graph as it was. The body is idempotent, as managed transactions may retry it.
 */
export async function writeDocumentGraph(
  driver: Driver,
  database: string,
  doc: GraphDocument,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const [summary] = await writeDocumentsGraph(driver, database, [doc], options);
  return summary as WriteSummary;
}

export interface WriteOptions {
  /**
   * Documents the graph does not hold yet are written set-wise (batch-writer.ts); false writes every
   * document with its own statements, as documents held already are (for comparing the two).
   */
  setWise?: boolean;
}

/**
 * Writes several documents in one transaction, each as writeDocumentGraph would and in the order given,
 * so the graph ends as if they were written one after another (a later document's event match sees the
 * events of the earlier ones). All or none are written. New documents go set-wise, a few statements for
 * the whole batch, or for two parts of it when a document takes a worded party of an earlier one; a
 * batch that holds a document written before (or that needs the order of its statements otherwise, see
 * writeNewDocuments) goes document by document: one round trip per document plus one, each document's
 * last statements sent with the next one's first. The ids must differ (a document
 * written twice in one transaction would match its own removal).
 */
export async function writeDocumentsGraph(
  driver: Driver,
  database: string,
  docs: readonly GraphDocument[],
  options: WriteOptions = {},
): Promise<WriteSummary[]> {
  if (docs.length === 0) return [];
  if (new Set(docs.map((d) => d.document.id)).size !== docs.length)
    throw new Error('a document appears twice in one graph write');
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    if (options.setWise ?? true) {
      let splitAt: number | undefined;
      try {
        return await session.executeWrite((tx) => writeNewDocuments(tx, docs));
      } catch (error) {
        if (!(error instanceof NeedsDocumentByDocument)) throw error;
        splitAt = error.splitAt;
      }
      // A document that takes a worded party of an earlier one of the batch: the documents before it
      // set-wise, then the others set-wise after them, still one transaction.
      if (splitAt !== undefined && splitAt > 0) {
        const at = splitAt;
        try {
          return await session.executeWrite(async (tx) => [
            ...(await writeNewDocuments(tx, docs.slice(0, at))),
            ...(await writeNewDocuments(tx, docs.slice(at))),
          ]);
        } catch (error) {
          if (!(error instanceof NeedsDocumentByDocument)) throw error;
        }
      }
    }
    return await session.executeWrite((tx) => writeDocumentByDocument(tx, docs));
  } finally {
    await session.close();
  }
}

/**
 * Writes documents in `tx` each with its own statements, in order, an earlier extraction of each taken
 * back first: one round trip per document plus one, each document's last statements sent with the next
 * one's first.
 */
export async function writeDocumentByDocument(
  tx: ManagedTransaction,
  docs: readonly GraphDocument[],
): Promise<WriteSummary[]> {
  const summaries: WriteSummary[] = [];
  if (docs.length === 0) return summaries;
  let started = startDocument(tx, docs[0] as GraphDocument);
  for (const [index, doc] of docs.entries()) {
    const { previousIds, matches } = await started.answers;
    const finished = finishDocument(tx, doc, matches, previousIds);
    // Sent behind this document's last statements, so its match sees this document's events.
    const next = docs[index + 1];
    if (next) started = startDocument(tx, next);
    summaries.push(await finished);
  }
  return summaries;
}

interface StartedDocument {
  /** The event match and the entities of an earlier extraction (candidates for orphan removal). */
  answers: Promise<{ matches: Awaited<ReturnType<typeof matchStoredEvents>>; previousIds: string[] }>;
}

/**
 * Statements per document: the earlier extraction's removal (no-ops when there is none), the
 * entities, the document with its sentences, the mentions, the event match, then the events with their
 * arguments, and for a report its rating: two groups, each sent without waiting between statements
 * (the driver pipelines them, in order); the second needs the match's answer. This is the first group.
 */
function startDocument(tx: ManagedTransaction, doc: GraphDocument): StartedDocument {
  const documentId = doc.document.id;

  // An earlier extraction of the document goes first, in the same round trip as the new facts.
  const removed = removeContribution(tx, documentId);

  // Entities first: the document's issuer and subsidiaries link to them, and the event match relies on
  // holding their write locks (see matchStoredEvents).
  const rows = entityRows(doc);
  // Statements whose results the next ones do not need go out together, in order: one round trip up
  // to the event match, one after it.
  const written: PromiseLike<unknown>[] = [];
  if (rows.length > 0) written.push(tx.run(MERGE_ENTITIES, writeArgs({ rows })));
  written.push(tx.run(WRITE_DOCUMENTS, writeArgs({ documents: [documentRow(doc)] })));
  const mentions = mentionRows(doc);
  if (mentions.length > 0) written.push(tx.run(WRITE_MENTIONS, writeArgs({ rows: mentions })));

  // Before the match: an earlier document's event named this document's company only in words.
  written.push(linkLateParties(tx, doc));
  const matching = matchStoredEvents(tx, doc);
  const answers = Promise.all([matching, removed, ...written]).then(([matches, previousIds]) => ({
    matches,
    previousIds,
  }));
  // Awaited by the caller once the previous document's statements are out; a failure is seen there.
  answers.catch(() => {});
  return { answers };
}

/** The second group: the document's events, their arguments and values, its rating, orphan removal. */
async function finishDocument(
  tx: ManagedTransaction,
  doc: GraphDocument,
  matches: Awaited<ReturnType<typeof matchStoredEvents>>,
  previousIds: readonly string[],
): Promise<WriteSummary> {
  const rows = eventRows(doc, matches);
  // Each source's own values stay on its REPORTED_IN; the Event's are derived from them (deriveEventValues).
  const finished: PromiseLike<unknown>[] = [];
  const { created, joined, roles, values } = rows;
  if (doc.events.length > 0)
    finished.push(tx.run(WRITE_EVENTS, writeArgs({ created, joined, roles, values })));
  finished.push(deriveEventValues(tx, rows.joinedIds));
  const ratings = ratingRows(doc);
  if (ratings.length > 0) finished.push(tx.run(WRITE_RATINGS, writeArgs({ ratings })));

  // Last: an entity is an orphan only once every new fact has been written.
  const removing = removeOrphans(tx, previousIds);
  const [orphansRemoved] = await Promise.all([removing, ...finished]);

  return {
    sentences: doc.sentences.length,
    entities: doc.entities.length,
    mentions: doc.mentions.length,
    events: doc.events.length,
    eventsJoined: rows.joinedIds.length,
    arguments: rows.arguments,
    orphansRemoved,
  };
}

/** The entities a document linked to: candidates for orphan removal once its old facts are gone. */
const PREVIOUS_ENTITIES = writeStatement(`MATCH (d:Document {id: $documentId})
RETURN COLLECT { MATCH (d)-[:HAS_SENTENCE]->(:Sentence)<-[:MENTIONED_IN]-(m) RETURN DISTINCT elementId(m) }
     + COLLECT { MATCH (d)<-[:REPORTED_IN]-(:Event)-->(a) WHERE a:Company OR a:Person OR a:Organization
                 RETURN DISTINCT elementId(a) }
     + COLLECT { MATCH (d)-[:RATES|ISSUED_BY]->(c) RETURN DISTINCT elementId(c) }
     + COLLECT { MATCH (an:Analyst)-[:AUTHORED]->(d) RETURN elementId(an) }
     + COLLECT { MATCH (b:Broker)-[:PUBLISHED]->(d) RETURN elementId(b) }
     + COLLECT { MATCH (c:Company)-[r:SUBSIDIARY_OF {documentId: $documentId}]->()
                 USING INDEX r:SUBSIDIARY_OF(documentId) RETURN elementId(c) } AS ids`);

/**
 * A document's sentences (with their mentions), ratings, authorship and stated subsidiaries. The
 * document is found on its own first: in one pattern with what hangs off it, a planner that knew few
 * documents scanned the Document(id) index for it.
 */
const REMOVE_DOCUMENT_FACTS = writeStatement(`MATCH (d:Document {id: $documentId})
CALL (d) {
  MATCH (d)-[:HAS_SENTENCE]->(s:Sentence)
  DETACH DELETE s
}
CALL (d) {
  MATCH (d)-[r:RATES|ISSUED_BY]->()
  DELETE r
}
CALL (d) {
  MATCH (d)<-[r:AUTHORED|PUBLISHED]-(:Analyst|Broker)
  DELETE r
}
CALL () {
  MATCH (:Company)-[r:SUBSIDIARY_OF {documentId: $documentId}]->(:Company) USING INDEX r:SUBSIDIARY_OF(documentId)
  DELETE r
}`);

/**
 * Takes back everything a document told: its sentences, mentions, ratings, authorship, stated
 * subsidiaries and its part of each event (see event-sources.ts; the events that keep other sources
 * take their values from those). Sent without waiting, as it changes nothing for a document the graph
 * does not hold. Resolves to the entities the document referred to (candidates for orphan removal).
 */
function removeContribution(tx: ManagedTransaction, documentId: string): Promise<string[]> {
  const previous = tx.run<{ ids: string[] }>(PREVIOUS_ENTITIES, { documentId });
  const events = removeEventContributions(tx, documentId);
  const facts = tx.run(REMOVE_DOCUMENT_FACTS, { documentId });
  return Promise.all([previous, events, facts]).then(([result]) => result.records[0]?.get('ids') ?? []);
}

/** Entity nodes among `ids` that nothing refers to any more. */
async function removeOrphans(tx: ManagedTransaction, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const orphans = await tx.run<{ removed: number }>(
    `UNWIND $args.ids AS id
     MATCH (n) WHERE elementId(n) = id AND NOT (n)-[:MENTIONED_IN|AUTHORED|PUBLISHED]->() AND NOT ()-->(n)
     DETACH DELETE n
     RETURN count(*) AS removed`,
    writeArgs({ ids }),
  );
  return Number(orphans.records[0]?.get('removed') ?? 0);
}

/**
 * Deletes a document and only what it told: an event another document tells too keeps that source and
 * its values; entities nothing refers to any more go. One transaction. False when there is no such document.
 */
export async function removeDocumentGraph(
  driver: Driver,
  database: string,
  documentId: string,
): Promise<boolean> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const found = await tx.run('MATCH (d:Document {id: $documentId}) RETURN d.id', { documentId });
      if (found.records.length === 0) return false;
      const previousIds = await removeContribution(tx, documentId);
      await tx.run('MATCH (d:Document {id: $documentId}) DETACH DELETE d', { documentId });
      await removeOrphans(tx, previousIds);
      return true;
    });
  } finally {
    await session.close();
  }
}
