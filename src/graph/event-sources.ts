import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphDocument, LinkedEvent } from '../link/graph-document.js';
import { type CandidateEvent, type EventFacts, type EventMatch, matchEvents } from './event-match.js';
import { roleRelationshipType } from './relationship-types.js';
import { writeArgs, writeStatement } from './write-statement.js';

/**
 * One Event node per real-world event, however many documents tell it. Each document that tells it has
 * its own REPORTED_IN relationship carrying that document's values (date, amount, shares, ratio,
 * trigger, confidence) and, for a document that joined an event already there, why (`match`); its role
 * and value arguments carry its `documentId`. The Event's own values are derived from its sources, so
 * removing a document takes back exactly what it told.
 */

/** What one document says of an event: stored on its REPORTED_IN relationship. */
export function sourceValues(event: LinkedEvent): Record<string, unknown> {
  const values: Record<string, unknown> = {
    eventId: event.id,
    trigger: event.trigger,
    confidence: event.confidence,
    date: event.date,
    amount: event.amount,
    amountLow: event.amountLow,
    currency: event.currency,
    shares: event.shares,
    ratio: event.ratio,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * Sets event `e`'s values (and, once its first source is gone, its id) from its sources, oldest
 * publication first (then by document id), so the result does not depend on the order documents
 * arrived in: each value is the first source's that states it (an amount with its currency), the
 * document, publication date and kind the first source's.
 */
const DERIVE_VALUES = `CALL (e) {
  CALL (e) {
    // No label on d (only REPORTED_IN reaches it): labelled, a planner scanned the Document(id) index.
    MATCH (e)-[r:REPORTED_IN]->(d)
    WITH r, d ORDER BY coalesce(d.publishedAt, '9999') ASC, d.id ASC
    RETURN collect(r) AS rs, collect(d) AS ds
  }
  WITH e, rs, ds, head([r IN rs WHERE r.amount IS NOT NULL]) AS withAmount
  // An event keeps its id while the source it was created from tells it; then it takes the first source's.
  SET e.id = CASE WHEN any(r IN rs WHERE r.eventId = e.id) THEN e.id ELSE coalesce(rs[0].eventId, e.id) END,
      e.documentId = ds[0].id, e.publishedAt = ds[0].publishedAt, e.documentKind = ds[0].kind,
      e.trigger = coalesce(rs[0].trigger, e.trigger), e.confidence = coalesce(rs[0].confidence, e.confidence),
      e.date = head([r IN rs WHERE r.date IS NOT NULL | r.date]),
      e.amount = withAmount.amount, e.amountLow = withAmount.amountLow, e.currency = withAmount.currency,
      e.shares = head([r IN rs WHERE r.shares IS NOT NULL | r.shares]),
      e.ratio = head([r IN rs WHERE r.ratio IS NOT NULL | r.ratio])
}`;

/**
 * Takes back a document's contribution to its events: its REPORTED_IN, its arguments and trigger
 * evidence. An event no document tells any more is deleted; one that keeps other sources takes its
 * values from those (DERIVE_VALUES). A no-op for a document the graph does not hold, so a writer can
 * send it without waiting to learn whether the document is new. The document is found first, on its
 * own: in one pattern with its events, a planner scanned the Document(id) index for it.
 */
export function removeEventContributions(tx: ManagedTransaction, documentId: string) {
  return tx.run(
    writeStatement(`MATCH (doc:Document {id: $documentId})
     CALL (doc) {
       MATCH (doc)<-[rep:REPORTED_IN]-(e:Event)
       DELETE rep
       RETURN DISTINCT e
     }
     CALL (e) {
       MATCH (e)-[r]->(x) WHERE r.documentId = $documentId OR (x:Sentence AND x.documentId = $documentId)
       DELETE r
     }
     WITH e, EXISTS { (e)-[:REPORTED_IN]->() } AS kept
     CALL (e, kept) {
       WITH e WHERE kept
       ${DERIVE_VALUES}
     }
     CALL (e, kept) {
       WITH e WHERE NOT kept
       DETACH DELETE e
     }`),
    { documentId },
  );
}

/** The events a party (row.label, row.key) plays a role in, as `e` (with the role as `r`), its node as `n`. */
/**
 * The publication dates of event `e`'s documents. Filtered after the subquery: a predicate on
 * d.publishedAt inside it let a planner whose index statistics were sampled empty scan the
 * Document(publishedAt) index for every event instead of expanding from it.
 */
const PUBLICATION_DATES = `[p IN COLLECT { MATCH (e)-[:REPORTED_IN]->(d:Document) RETURN d.publishedAt } WHERE p IS NOT NULL]`;

const EVENTS_OF_PARTY = `CALL (row) {
       MATCH (n:Company {key: row.key}) WHERE row.label = 'Company' RETURN n
       UNION MATCH (n:Person {key: row.key}) WHERE row.label = 'Person' RETURN n
       UNION MATCH (n:Organization {key: row.key}) WHERE row.label = 'Organization' RETURN n
     }
     MATCH (n)<-[r]-(e) WHERE r.roleKey IS NOT NULL`;

/**
 * For each event of the document, the stored event it is one with, if any (see event-match.ts).
 * Two workers writing the same event at once cannot both create it: an event matches only through a
 * shared party, and the writer has already MERGEd and SET every party node of the document in this
 * transaction, so it holds their write locks; the second writer waits on them until the first commits
 * and then reads its event (test/graph/concurrent-event-writes.test.ts). Keep the entity writes before
 * this call.
 */
export async function matchStoredEvents(
  tx: ManagedTransaction,
  doc: GraphDocument,
): Promise<(EventMatch | null)[]> {
  const lookups = partyLookups(doc);
  const candidates: CandidateEvent[][] = doc.events.map(() => []);
  if (lookups.length === 0) return candidates.map(() => null);
  // Candidates are the stored events of the same type one of the parties plays a role in. They are
  // reached from the party only: filtered by label and type past the DISTINCT, so the plan (kept, see
  // write-statement.ts) never seeks every event of the type, which a planner may pick on a small graph.
  const result = await tx.run(
    writeStatement(`UNWIND $args.lookups AS row
     ${EVENTS_OF_PARTY}
     WITH DISTINCT row.index AS index, row.type AS type, e
     WITH index, e WHERE e:Event AND e.type = type AND NOT $args.documentId IN coalesce(e.splitDocuments, [])
     RETURN index, e.id AS id, e.date AS date, e.amount AS amount, e.amountLow AS amountLow, e.currency AS currency, e.shares AS shares,
       e.ratio AS ratio,
       ${PUBLICATION_DATES} AS published,
       COLLECT { MATCH (e)-[:REPORTED_IN]->(:Document)-[:ISSUED_BY]->(c:Company) RETURN DISTINCT c.key } AS about,
       COLLECT { MATCH (e)-[p]->(m) WHERE p.roleKey IS NOT NULL AND (m:Company OR m:Person OR m:Organization)
                 RETURN DISTINCT {relationship: type(p), key: m.key} } AS parties`),
    // An event an admin split this document off (split-event.ts) is never its candidate again.
    writeArgs({ lookups, documentId: doc.document.id }),
  );
  for (const record of result.records) {
    const index = Number(record.get('index'));
    candidates[index]?.push({
      id: String(record.get('id')),
      type: doc.events[index]?.type ?? '',
      ...eventValues(record.toObject()),
      published: (record.get('published') as unknown[]).map(String),
      parties: record.get('parties') as CandidateEvent['parties'],
      about: (record.get('about') as unknown[]).map(String),
    });
  }
  return matchEvents(incomingEvents(doc), candidates);
}

/** What the match compares of each event of a document, by index. */
export function incomingEvents(doc: GraphDocument): EventFacts[] {
  const published = doc.document.publishedAt ? [doc.document.publishedAt] : [];
  return doc.events.map((e) => ({
    type: e.type,
    date: e.date ?? null,
    amount: e.amount ?? null,
    amountLow: e.amountLow ?? null,
    currency: e.currency ?? null,
    shares: e.shares ?? null,
    ratio: e.ratio ?? null,
    published,
    about: doc.document.issuerKey ? [doc.document.issuerKey] : [],
    parties: e.arguments
      .filter((a) => a.entityKey && a.label)
      .map((a) => ({ relationship: roleRelationshipType(a.roleKey), key: a.entityKey as string })),
  }));
}

export interface PartyLookup {
  /** The event's index in its document. */
  index: number;
  type: string;
  label: string;
  key: string;
}

/** The parties through which each event of a document reaches its candidates: each entity once per event. */
export function partyLookups(doc: GraphDocument): PartyLookup[] {
  return doc.events.flatMap((e, index) => {
    const seen = new Set<string>();
    return e.arguments.flatMap((a) => {
      if (!a.entityKey || !a.label || seen.has(`${a.label}:${a.entityKey}`)) return [];
      seen.add(`${a.label}:${a.entityKey}`);
      return [{ index, type: e.type, label: a.label, key: a.entityKey }];
    });
  });
}

/** The values the match compares, as an Event node or a REPORTED_IN holds them. */
export interface EventValues {
  date: string | null;
  amount: number | null;
  amountLow: number | null;
  currency: string | null;
  shares: number | null;
  ratio: number | null;
}

function eventValues(row: Record<string, unknown>): EventValues {
  return {
    date: (row.date as string | null) ?? null,
    amount: toNumber(row.amount),
    amountLow: toNumber(row.amountLow),
    currency: (row.currency as string | null) ?? null,
    shares: toNumber(row.shares),
    ratio: toNumber(row.ratio),
  };
}

/** One document's telling of an event, as DERIVE_VALUES orders and reads it. */
export interface EventSource extends EventValues {
  documentId: string;
  publishedAt: string | null;
}

/** A role relationship of a stored event: the party and the relationship's element id. */
export interface StoredParty {
  relationship: string;
  label: string;
  key: string;
  relationshipId: string;
}

/** A stored event as the match sees it, with what its values are derived from. */
export interface StoredEvent extends EventValues {
  id: string;
  type: string;
  published: string[];
  about: string[];
  /** Documents an admin split off this event: never matched to it again (split-event.ts). */
  splitDocuments: string[];
  parties: StoredParty[];
  sources: EventSource[];
}

/**
 * The stored events any of `lookups` reaches (the same type, a party in common), each once, with its
 * sources and the element ids of its role relationships, for a batch that matches its documents'
 * events itself (batch-events.ts). Planned as matchStoredEvents' statement.
 */
export async function readStoredEvents(
  tx: ManagedTransaction,
  lookups: readonly Omit<PartyLookup, 'index'>[],
): Promise<StoredEvent[]> {
  if (lookups.length === 0) return [];
  const result = await tx.run(
    writeStatement(`UNWIND $args.lookups AS row
     ${EVENTS_OF_PARTY}
     WITH DISTINCT row.type AS type, e
     WITH type, e WHERE e:Event AND e.type = type
     WITH DISTINCT e
     RETURN e.id AS id, e.type AS type, e.date AS date, e.amount AS amount, e.amountLow AS amountLow,
       e.currency AS currency, e.shares AS shares, e.ratio AS ratio,
       coalesce(e.splitDocuments, []) AS splitDocuments,
       ${PUBLICATION_DATES} AS published,
       COLLECT { MATCH (e)-[:REPORTED_IN]->(:Document)-[:ISSUED_BY]->(c:Company) RETURN DISTINCT c.key } AS about,
       COLLECT { MATCH (e)-[p]->(m) WHERE p.roleKey IS NOT NULL AND (m:Company OR m:Person OR m:Organization)
                 RETURN {relationship: type(p), key: m.key, relationshipId: elementId(p),
                         label: CASE WHEN m:Company THEN 'Company' WHEN m:Person THEN 'Person' ELSE 'Organization' END} } AS parties,
       COLLECT { MATCH (e)-[s:REPORTED_IN]->(d)
                 RETURN {documentId: d.id, publishedAt: d.publishedAt, date: s.date, amount: s.amount,
                         amountLow: s.amountLow, currency: s.currency, shares: s.shares, ratio: s.ratio} } AS sources`),
    writeArgs({ lookups }),
  );
  return result.records.map((record) => ({
    id: String(record.get('id')),
    type: String(record.get('type')),
    ...eventValues(record.toObject()),
    published: (record.get('published') as unknown[]).map(String),
    about: (record.get('about') as unknown[]).map(String),
    splitDocuments: (record.get('splitDocuments') as unknown[]).map(String),
    parties: record.get('parties') as StoredParty[],
    sources: (record.get('sources') as Record<string, unknown>[]).map((s) => ({
      documentId: String(s.documentId),
      publishedAt: (s.publishedAt as string | null) ?? null,
      ...eventValues(s),
    })),
  }));
}

/** DERIVE_VALUES in the client: each value the first source's that states it, oldest publication first. */
export function deriveValues(sources: readonly EventSource[]): EventValues {
  const order = (s: EventSource) => s.publishedAt ?? '9999';
  const sorted = [...sources].sort((a, b) =>
    order(a) !== order(b) ? (order(a) < order(b) ? -1 : 1) : a.documentId < b.documentId ? -1 : 1,
  );
  const first = <K extends keyof EventValues>(key: K) => sorted.find((s) => s[key] !== null)?.[key] ?? null;
  const withAmount = sorted.find((s) => s.amount !== null);
  return {
    date: first('date'),
    amount: withAmount?.amount ?? null,
    amountLow: withAmount?.amountLow ?? null,
    currency: withAmount?.currency ?? null,
    shares: first('shares'),
    ratio: first('ratio'),
  };
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}

/** Derives the values of the events `eventIds` from their sources (DERIVE_VALUES). */
export async function deriveEventValues(tx: ManagedTransaction, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await tx.run(
    writeStatement(`UNWIND $args.ids AS id
     MATCH (e:Event {id: id})
     ${DERIVE_VALUES}`),
    writeArgs({ ids: [...eventIds] }),
  );
}
