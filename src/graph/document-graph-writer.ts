import { type Driver, type ManagedTransaction, int as neo4jInt } from 'neo4j-driver';
import type { GraphDocument, LinkedForecast } from '../link/graph-document.js';
import { personCompanyKey } from '../link/person-key.js';
import { ENTITY_LABELS } from '../vocabulary/entity-labels.js';
import {
  deriveEventValues,
  matchStoredEvents,
  removeEventContributions,
  sourceValues,
} from './event-sources.js';
import { linkLateParties } from './late-parties.js';
import { roleRelationshipType } from './relationship-types.js';
import { writeStatement } from './write-statement.js';

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
): Promise<WriteSummary> {
  const [summary] = await writeDocumentsGraph(driver, database, [doc]);
  return summary as WriteSummary;
}

/**
 * Writes several documents in one transaction, each as writeDocumentGraph would and in the order given,
 * so the graph ends as if they were written one after another (a later document's event match sees the
 * events of the earlier ones). One commit for all of them, and one round trip per document plus one:
 * each document's last statements go out with the next document's first. All or none are written.
 * The ids must differ (a document written twice in one transaction would match its own removal).
 */
export async function writeDocumentsGraph(
  driver: Driver,
  database: string,
  docs: readonly GraphDocument[],
): Promise<WriteSummary[]> {
  if (docs.length === 0) return [];
  if (new Set(docs.map((d) => d.document.id)).size !== docs.length)
    throw new Error('a document appears twice in one graph write');
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      const summaries: WriteSummary[] = [];
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
    });
  } finally {
    await session.close();
  }
}

/**
 * The entity node of `row.label` and `row.<keyField>`, each branch on its label's key constraint, so one
 * statement serves all entity labels (a label cannot be a parameter of an index seek).
 */
function entityNode(keyField: string): string {
  return ENTITY_LABELS.map(
    (label) => `MATCH (n:${label} {key: row.${keyField}}) WHERE row.label = '${label}' RETURN n`,
  ).join(' UNION ');
}

/**
 * Each entity of the document MERGEd on its label's key. Short names accumulate across documents: the
 * graph is the gazetteer and learns as documents arrive. An entity none of the document's facts refers
 * to (an argument assembly dropped) only teaches a node the graph already has: created, it would be a
 * node without relationships.
 */
const MERGE_ENTITIES = writeStatement(`UNWIND $rows AS row
${ENTITY_LABELS.map(
  (label) => `CALL (row) {
  WITH row WHERE row.label = '${label}'
  OPTIONAL MATCH (known:${label} {key: row.key})
  WITH row, known WHERE row.referenced OR known IS NOT NULL
  MERGE (n:${label} {key: row.key})
  ON CREATE SET n.name = row.name
  SET n.code = coalesce(row.code, n.code), n.hkCode = coalesce(row.hkCode, n.hkCode),
      n.bCode = coalesce(row.bCode, n.bCode),
      n.exchange = coalesce(row.exchange, n.exchange),
      n.category = coalesce(row.category, n.category),
      n.companyKey = coalesce(row.companyKey, n.companyKey),
      n.positions = CASE WHEN row.positions IS NULL THEN n.positions ELSE
        reduce(acc = coalesce(n.positions, []), x IN row.positions | CASE WHEN x IN acc THEN acc ELSE acc + x END) END,
      n.shortNames = reduce(acc = coalesce(n.shortNames, []), x IN coalesce(row.shortNames, []) |
                            CASE WHEN x IN acc THEN acc ELSE acc + x END)
  // A short name stands in until a full one arrives (a report may name a company before its filings do).
  // A bare code (a header with no name) never replaces a name.
  SET n.name = CASE WHEN n.name IN n.shortNames AND NOT row.name IN n.shortNames
                     AND NOT row.name =~ '[0-9]{5,6}' THEN row.name ELSE n.name END
}`,
).join('\n')}`);

/**
 * The document, its sentences, its issuer and the subsidiaries it states (nodes of their own, linked to
 * the parent by the document that says so).
 */
const WRITE_DOCUMENT = writeStatement(`MERGE (d:Document {id: $id})
SET d += $props
FOREACH (_ IN CASE WHEN $isReport THEN [1] ELSE [] END | SET d:ResearchReport)
WITH d
CALL (d) {
  MATCH (c:Company {key: $issuerKey}) CREATE (d)-[:ISSUED_BY]->(c)
}
CALL () {
  UNWIND $subsidiaries AS row
  MATCH (sub:Company {key: row.companyKey}) MATCH (parent:Company {key: row.parentKey})
  MERGE (sub)-[r:SUBSIDIARY_OF {documentId: $id}]->(parent) SET r.kind = row.kind
}
WITH d
UNWIND $sentences AS s
CREATE (sn:Sentence {id: s.id, documentId: $id, index: s.index, page: s.page, start: s.start, end: s.end, text: s.text, ocrBoxes: s.ocrBoxes})
CREATE (d)-[:HAS_SENTENCE]->(sn)`);

const WRITE_MENTIONS = writeStatement(`UNWIND $rows AS row
CALL (row) { ${entityNode('entityKey')} }
MATCH (s:Sentence {id: row.sentenceId})
CREATE (n)-[:MENTIONED_IN {type: row.type, start: row.start, end: row.end, text: row.text,
                           confidence: row.confidence, modelVersion: $modelVersion,
                           resolution: row.resolution}]->(s)`);

/**
 * The document's events: new Event nodes, its REPORTED_IN on events other documents told first, the
 * trigger evidence, role arguments (a relationship typed by the role, to the entity) and value arguments
 * (to the sentence they were read in). One statement: the events are created before the arguments.
 */
const WRITE_EVENTS = writeStatement(`MATCH (d:Document {id: $documentId})
CALL (d) {
  UNWIND $created AS row
  CREATE (e:Event {id: row.id, documentId: $documentId, type: row.type, typeKey: row.typeKey,
                   documentType: row.documentType, trigger: row.source.trigger, confidence: row.source.confidence,
                   modelVersion: $modelVersion})
  SET e.date = row.source.date, e.amount = row.source.amount, e.amountLow = row.source.amountLow,
      e.currency = row.source.currency,
      e.shares = row.source.shares, e.ratio = row.source.ratio, e.publishedAt = d.publishedAt, e.documentKind = d.kind
  CREATE (e)-[rep:REPORTED_IN]->(d) SET rep = row.source
  WITH e, row
  UNWIND row.mentions AS m
  MATCH (s:Sentence {id: m.sentenceId})
  CREATE (e)-[:EVIDENCED_BY {start: m.start, end: m.end, text: m.text, confidence: m.confidence}]->(s)
}
CALL (d) {
  UNWIND $joined AS row
  MATCH (e:Event {id: row.joinId})
  CREATE (e)-[rep:REPORTED_IN]->(d) SET rep = row.source
  WITH e, row
  UNWIND row.mentions AS m
  MATCH (s:Sentence {id: m.sentenceId})
  CREATE (e)-[:EVIDENCED_BY {start: m.start, end: m.end, text: m.text, confidence: m.confidence}]->(s)
}
CALL () {
  UNWIND $roles AS row
  MATCH (e:Event {id: row.eventId})
  CALL (row) { ${entityNode('entityKey')} }
  CREATE (e)-[r:$(row.relationship)]->(n)
  SET r = {role: row.role, roleKey: row.roleKey, documentRole: row.documentRole,
           documentId: $documentId, text: row.text, sentenceId: row.sentenceId,
           start: row.start, end: row.end, confidence: row.confidence,
           inferred: coalesce(row.inferred, false)}
}
CALL () {
  UNWIND $values AS row
  MATCH (e:Event {id: row.eventId})
  MATCH (s:Sentence {id: row.sentenceId})
  CREATE (e)-[:HAS_ARGUMENT {role: row.role, roleKey: row.roleKey, documentRole: row.documentRole,
                             documentId: $documentId, text: row.text, value: row.value,
                             start: row.start, end: row.end, confidence: row.confidence,
                             inferred: coalesce(row.inferred, false)}]->(s)
}`);

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
  const sentenceId = (index: number) => `${documentId}:${index}`;

  // An earlier extraction of the document goes first, in the same round trip as the new facts.
  const removed = removeContribution(tx, documentId);

  // Entities first: the document's issuer and subsidiaries link to them, and the event match relies on
  // holding their write locks (see matchStoredEvents).
  const referenced = referencedEntities(doc);
  const entityRows = doc.entities.map((e) =>
    stripUndefined({
      ...e,
      companyKey: e.companyKey ?? (e.label === 'Person' ? personCompanyKey(e.key) : undefined),
      referenced: referenced.has(`${e.label}:${e.key}`),
    }),
  );
  // Statements whose results the next ones do not need go out together, in order: one round trip up
  // to the event match, one after it.
  const written: PromiseLike<unknown>[] = [];
  if (entityRows.length > 0) written.push(tx.run(MERGE_ENTITIES, { rows: entityRows }));

  const { document } = doc;
  written.push(
    tx.run(WRITE_DOCUMENT, {
      id: documentId,
      props: stripUndefined({ ...document, id: undefined, issuerKey: undefined }),
      isReport: document.kind === 'research_report',
      issuerKey: document.issuerKey ?? null,
      subsidiaries: doc.subsidiaries ?? [],
      sentences: doc.sentences.map((s) => ({ ...s, id: sentenceId(s.index), ocrBoxes: s.ocrBoxes ?? null })),
    }),
  );

  if (doc.mentions.length > 0) {
    written.push(
      tx.run(WRITE_MENTIONS, {
        rows: doc.mentions.map((m) => ({ resolution: null, ...m, sentenceId: sentenceId(m.sentence) })),
        modelVersion: document.modelVersion,
      }),
    );
  }

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
  const documentId = doc.document.id;
  const sentenceId = (index: number) => `${documentId}:${index}`;
  const { document } = doc;
  const eventIds = new Map<string, string>();
  const joinedIds: string[] = [];
  const created: Record<string, unknown>[] = [];
  const joined: Record<string, unknown>[] = [];
  doc.events.forEach((e, index) => {
    const match = matches[index];
    const source = sourceValues(e);
    const mentions = e.mentions.map((m) => ({ ...m, sentenceId: sentenceId(m.sentence) }));
    if (match) {
      eventIds.set(e.id, match.id);
      joinedIds.push(match.id);
      joined.push({
        joinId: match.id,
        source: { ...source, match: match.reason, conflicting: match.conflicting },
        mentions,
      });
    } else {
      eventIds.set(e.id, e.id);
      created.push(
        stripUndefined({
          id: e.id,
          type: e.type,
          typeKey: e.typeKey,
          documentType: e.documentType,
          source,
          mentions,
        }),
      );
    }
  });

  let argumentCount = 0;
  const roles: Record<string, unknown>[] = [];
  const values: Record<string, unknown>[] = [];
  for (const event of doc.events) {
    for (const arg of event.arguments) {
      argumentCount++;
      const row = stripUndefined({
        ...arg,
        eventId: eventIds.get(event.id) ?? event.id,
        sentenceId: sentenceId(arg.sentence),
      });
      if (arg.entityKey && arg.label) roles.push({ ...row, relationship: roleRelationshipType(arg.roleKey) });
      else values.push(row);
    }
  }
  // Each source's own values stay on its REPORTED_IN; the Event's are derived from them (deriveEventValues).
  const finished: PromiseLike<unknown>[] = [];
  if (doc.events.length > 0) {
    finished.push(
      tx.run(WRITE_EVENTS, {
        documentId,
        created,
        joined,
        roles,
        values,
        modelVersion: document.modelVersion,
      }),
    );
  }
  finished.push(deriveEventValues(tx, [...new Set(joinedIds)]));

  if (doc.rating) {
    const { rating } = doc;
    finished.push(
      tx.run(
        writeStatement(`MATCH (d:Document {id: $documentId})
       MATCH (c:Company {key: $rating.companyKey})
       CREATE (d)-[:RATES {rating: $rating.rating, change: $rating.change, targetPrice: $rating.targetPrice,
                           targetPriceHigh: $rating.targetPriceHigh, currency: $rating.currency, date: $rating.date,
                           forecastMetrics: $forecasts.metrics, forecastYears: $forecasts.years,
                           forecastEstimates: $forecasts.estimates, forecastValues: $forecasts.values,
                           forecastUnits: $forecasts.units}]->(c)
       WITH d
       CALL (d) {
         WITH d WHERE $rating.broker IS NOT NULL
         MERGE (b:Broker {name: $rating.broker})
         CREATE (b)-[:PUBLISHED]->(d)
       }
       WITH d
       UNWIND $rating.analysts AS a
       MERGE (an:Analyst {key: coalesce(a.certificate, a.name + '@' + coalesce($rating.broker, ''))})
       SET an.name = a.name, an.certificate = a.certificate
       CREATE (an)-[:AUTHORED]->(d)
       WITH an WHERE $rating.broker IS NOT NULL
       MATCH (b:Broker {name: $rating.broker})
       MERGE (an)-[:WORKS_AT]->(b)`),
        {
          documentId,
          rating: {
            change: null,
            targetPrice: null,
            targetPriceHigh: null,
            currency: null,
            date: null,
            broker: null,
            ...rating,
          },
          forecasts: forecastColumns(rating.forecasts ?? []),
        },
      ),
    );
  }

  // Last: an entity is an orphan only once every new fact has been written.
  const removing = removeOrphans(tx, previousIds);
  const [orphansRemoved] = await Promise.all([removing, ...finished]);

  return {
    sentences: doc.sentences.length,
    entities: doc.entities.length,
    mentions: doc.mentions.length,
    events: doc.events.length,
    eventsJoined: joinedIds.length,
    arguments: argumentCount,
    orphansRemoved,
  };
}

/** `Label:key` of every entity a relationship the writer creates points at. */
function referencedEntities(doc: GraphDocument): Set<string> {
  const keys = new Set<string>();
  const company = (key: string | undefined) => key && keys.add(`Company:${key}`);
  company(doc.document.issuerKey);
  company(doc.rating?.companyKey);
  for (const s of doc.subsidiaries ?? []) {
    company(s.companyKey);
    company(s.parentKey);
  }
  for (const m of doc.mentions) keys.add(`${m.label}:${m.entityKey}`);
  for (const e of doc.events)
    for (const a of e.arguments) if (a.entityKey && a.label) keys.add(`${a.label}:${a.entityKey}`);
  return keys;
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
    `UNWIND $ids AS id
     MATCH (n) WHERE elementId(n) = id AND NOT (n)-[:MENTIONED_IN|AUTHORED|PUBLISHED]->() AND NOT ()-->(n)
     DETACH DELETE n
     RETURN count(*) AS removed`,
    { ids },
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

/**
 * Relationship properties hold only scalars and lists of them, so a report's forecasts travel as
 * parallel lists on its RATES relationship (one entry per metric and year); null when it has none.
 */
function forecastColumns(forecasts: readonly LinkedForecast[]) {
  if (forecasts.length === 0)
    return { metrics: null, years: null, estimates: null, values: null, units: null };
  return {
    metrics: forecasts.map((f) => f.metric),
    years: forecasts.map((f) => neo4jInt(f.year)),
    estimates: forecasts.map((f) => f.estimate),
    values: forecasts.map((f) => f.value),
    units: forecasts.map((f) => f.unit),
  };
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
