import { int as neo4jInt } from 'neo4j-driver';
import type { GraphDocument, LinkedForecast } from '../link/graph-document.js';
import { personCompanyKey } from '../link/person-key.js';
import { ENTITY_LABELS, type EntityLabel } from '../vocabulary/entity-labels.js';
import type { EventMatch } from './event-match.js';
import { sourceValues } from './event-sources.js';
import { roleRelationshipType } from './relationship-types.js';
import { writeStatement } from './write-statement.js';

/**
 * The writer's statements and the rows they take. Each statement takes the rows of any number of
 * documents (each row carries its document), so a document written alone and a batch written set-wise
 * (batch-writer.ts) run the same text.
 */

/** Whether the entity node of `label` and `key` is there when a row refers to it. */
export type EntityPresent = (label: EntityLabel, key: string) => boolean;

const always: EntityPresent = () => true;

/**
 * The entity node of `row.label` and `row.<keyField>`, each branch on its label's key constraint, so one
 * statement serves all entity labels (a label cannot be a parameter of an index seek).
 */
export function entityNode(keyField: string): string {
  return ENTITY_LABELS.map(
    (label) => `MATCH (n:${label} {key: row.${keyField}}) WHERE row.label = '${label}' RETURN n`,
  ).join(' UNION ');
}

/**
 * Each entity row MERGEd on its label's key, rows in order. Short names accumulate across documents:
 * the graph is the gazetteer and learns as documents arrive. An entity none of the document's facts
 * refers to (an argument assembly dropped) only teaches a node the graph already has: created, it would
 * be a node without relationships.
 */
export const MERGE_ENTITIES = writeStatement(`UNWIND $args.rows AS row
${mergeEntityClauses()}`);

/** The MERGE of each label's branch, on `row`: MERGE_ENTITIES' body. */
export function mergeEntityClauses(): string {
  return ENTITY_LABELS.map(
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
  ).join('\n');
}

/**
 * The documents, their sentences, their issuers and the subsidiaries they state (nodes of their own,
 * linked to the parent by the document that says so).
 */
export const WRITE_DOCUMENTS = writeStatement(`UNWIND $args.documents AS doc
MERGE (d:Document {id: doc.id})
SET d += doc.props
FOREACH (_ IN CASE WHEN doc.isReport THEN [1] ELSE [] END | SET d:ResearchReport)
WITH d, doc
CALL (d, doc) {
  MATCH (c:Company {key: doc.issuerKey}) CREATE (d)-[:ISSUED_BY]->(c)
}
CALL (doc) {
  UNWIND doc.subsidiaries AS row
  MATCH (sub:Company {key: row.companyKey}) MATCH (parent:Company {key: row.parentKey})
  MERGE (sub)-[r:SUBSIDIARY_OF {documentId: doc.id}]->(parent) SET r.kind = row.kind
}
CALL (d, doc) {
  UNWIND doc.sentences AS s
  CREATE (sn:Sentence {id: s.id, documentId: doc.id, index: s.index, page: s.page, start: s.start, end: s.end, text: s.text, ocrBoxes: s.ocrBoxes})
  CREATE (d)-[:HAS_SENTENCE]->(sn)
}`);

export const WRITE_MENTIONS = writeStatement(`UNWIND $args.rows AS row
CALL (row) { ${entityNode('entityKey')} }
MATCH (s:Sentence {id: row.sentenceId})
CREATE (n)-[:MENTIONED_IN {type: row.type, start: row.start, end: row.end, text: row.text,
                           confidence: row.confidence, modelVersion: row.modelVersion,
                           resolution: row.resolution}]->(s)`);

/** An event (`e`) created or joined by a row's document (`d`): the document's telling and its evidence spans. */
const REPORTED_WITH_EVIDENCE = `  CREATE (e)-[rep:REPORTED_IN]->(d) SET rep = row.source
  WITH e, row
  UNWIND row.mentions AS m
  MATCH (s:Sentence {id: m.sentenceId})
  CREATE (e)-[:EVIDENCED_BY {start: m.start, end: m.end, text: m.text, confidence: m.confidence}]->(s)`;

/**
 * Events: new Event nodes, REPORTED_IN on events other documents told first, the trigger evidence, role
 * arguments (a relationship typed by the role, to the entity) and value arguments (to the sentence they
 * were read in). One statement: the events are created before they are joined and argued.
 */
export const WRITE_EVENTS = writeStatement(`CALL () {
  UNWIND $args.created AS row
  MATCH (d:Document {id: row.documentId})
  CREATE (e:Event {id: row.id, documentId: row.documentId, type: row.type, typeKey: row.typeKey,
                   documentType: row.documentType, trigger: row.source.trigger, confidence: row.source.confidence,
                   modelVersion: row.modelVersion})
  SET e.date = row.source.date, e.amount = row.source.amount, e.amountLow = row.source.amountLow,
      e.currency = row.source.currency,
      e.shares = row.source.shares, e.ratio = row.source.ratio, e.publishedAt = d.publishedAt, e.documentKind = d.kind
${REPORTED_WITH_EVIDENCE}
}
CALL () {
  UNWIND $args.joined AS row
  MATCH (d:Document {id: row.documentId})
  MATCH (e:Event {id: row.joinId})
${REPORTED_WITH_EVIDENCE}
}
CALL () {
  UNWIND $args.roles AS row
  MATCH (e:Event {id: row.eventId})
  CALL (row) { ${entityNode('entityKey')} }
  CREATE (e)-[r:$(row.relationship)]->(n)
  SET r = {role: row.role, roleKey: row.roleKey, documentRole: row.documentRole,
           documentId: row.documentId, text: row.text, sentenceId: row.sentenceId,
           start: row.start, end: row.end, confidence: row.confidence,
           inferred: coalesce(row.inferred, false)}
}
CALL () {
  UNWIND $args.values AS row
  MATCH (e:Event {id: row.eventId})
  MATCH (s:Sentence {id: row.sentenceId})
  CREATE (e)-[:HAS_ARGUMENT {role: row.role, roleKey: row.roleKey, documentRole: row.documentRole,
                             documentId: row.documentId, text: row.text, value: row.value,
                             start: row.start, end: row.end, confidence: row.confidence,
                             inferred: coalesce(row.inferred, false)}]->(s)
}`);

/** Reports' ratings, forecasts, broker and analysts, rows in order (an analyst's name is the last row's). */
export const WRITE_RATINGS = writeStatement(`UNWIND $args.ratings AS rating
MATCH (d:Document {id: rating.documentId})
MATCH (c:Company {key: rating.companyKey})
CREATE (d)-[:RATES {rating: rating.rating, change: rating.change, targetPrice: rating.targetPrice,
                    targetPriceHigh: rating.targetPriceHigh, currency: rating.currency, date: rating.date,
                    forecastMetrics: rating.forecasts.metrics, forecastYears: rating.forecasts.years,
                    forecastEstimates: rating.forecasts.estimates, forecastValues: rating.forecasts.values,
                    forecastUnits: rating.forecasts.units}]->(c)
WITH d, rating
CALL (d, rating) {
  WITH d WHERE rating.broker IS NOT NULL
  MERGE (b:Broker {name: rating.broker})
  CREATE (b)-[:PUBLISHED]->(d)
}
CALL (d, rating) {
  UNWIND rating.analysts AS a
  MERGE (an:Analyst {key: coalesce(a.certificate, a.name + '@' + coalesce(rating.broker, ''))})
  SET an.name = a.name, an.certificate = a.certificate
  CREATE (an)-[:AUTHORED]->(d)
  WITH an WHERE rating.broker IS NOT NULL
  MATCH (b:Broker {name: rating.broker})
  MERGE (an)-[:WORKS_AT]->(b)
}`);

/** `Label:key` of every entity a relationship the writer creates points at. */
export function referencedEntities(doc: GraphDocument): Set<string> {
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

/** MERGE_ENTITIES rows of a document; `referenced` adds entities to create though this document does not refer to them. */
export function entityRows(doc: GraphDocument, referenced: ReadonlySet<string> = referencedEntities(doc)) {
  return doc.entities.map((e) =>
    stripUndefined({
      ...e,
      companyKey: e.companyKey ?? (e.label === 'Person' ? personCompanyKey(e.key) : undefined),
      referenced: referenced.has(`${e.label}:${e.key}`),
    }),
  );
}

export const sentenceId = (documentId: string, index: number) => `${documentId}:${index}`;

/** The WRITE_DOCUMENTS row of a document. */
export function documentRow(doc: GraphDocument, present: EntityPresent = always) {
  const { document } = doc;
  const issuerKey = document.issuerKey && present('Company', document.issuerKey) ? document.issuerKey : null;
  return {
    id: document.id,
    props: stripUndefined({ ...document, id: undefined, issuerKey: undefined }),
    isReport: document.kind === 'research_report',
    issuerKey,
    subsidiaries: (doc.subsidiaries ?? []).filter(
      (s) => present('Company', s.companyKey) && present('Company', s.parentKey),
    ),
    sentences: doc.sentences.map((s) => ({
      ...s,
      id: sentenceId(document.id, s.index),
      ocrBoxes: s.ocrBoxes ?? null,
    })),
  };
}

export function mentionRows(doc: GraphDocument, present: EntityPresent = always) {
  const { id, modelVersion } = doc.document;
  return doc.mentions
    .filter((m) => present(m.label, m.entityKey))
    .map((m) => ({ resolution: null, ...m, sentenceId: sentenceId(id, m.sentence), modelVersion }));
}

/** The WRITE_RATINGS row of a report, or none (no rating, or its company is not there to rate). */
export function ratingRows(doc: GraphDocument, present: EntityPresent = always) {
  const { rating } = doc;
  if (!rating || !present('Company', rating.companyKey)) return [];
  return [
    {
      documentId: doc.document.id,
      change: null,
      targetPrice: null,
      targetPriceHigh: null,
      currency: null,
      date: null,
      broker: null,
      ...rating,
      forecasts: forecastColumns(rating.forecasts ?? []),
    },
  ];
}

export interface EventRows {
  created: Record<string, unknown>[];
  joined: Record<string, unknown>[];
  roles: Record<string, unknown>[];
  values: Record<string, unknown>[];
  /** Stored events the document joined, once each (their values are derived again). */
  joinedIds: string[];
  arguments: number;
}

/** WRITE_EVENTS rows of a document whose events matched `matches` (by index). */
export function eventRows(
  doc: GraphDocument,
  matches: readonly (EventMatch | null)[],
  present: EntityPresent = always,
): EventRows {
  const { id: documentId, modelVersion } = doc.document;
  const rows: EventRows = { created: [], joined: [], roles: [], values: [], joinedIds: [], arguments: 0 };
  const eventIds = new Map<string, string>();
  doc.events.forEach((e, index) => {
    const match = matches[index];
    const source = sourceValues(e);
    const mentions = e.mentions.map((m) => ({ ...m, sentenceId: sentenceId(documentId, m.sentence) }));
    if (match) {
      eventIds.set(e.id, match.id);
      if (!rows.joinedIds.includes(match.id)) rows.joinedIds.push(match.id);
      rows.joined.push({
        documentId,
        joinId: match.id,
        source: { ...source, match: match.reason, conflicting: match.conflicting },
        mentions,
      });
    } else {
      eventIds.set(e.id, e.id);
      rows.created.push(
        stripUndefined({
          documentId,
          modelVersion,
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
  for (const event of doc.events) {
    for (const arg of event.arguments) {
      rows.arguments++;
      const row = stripUndefined({
        ...arg,
        documentId,
        eventId: eventIds.get(event.id) ?? event.id,
        sentenceId: sentenceId(documentId, arg.sentence),
      });
      if (arg.entityKey && arg.label) {
        if (present(arg.label, arg.entityKey))
          rows.roles.push({ ...row, relationship: roleRelationshipType(arg.roleKey) });
      } else rows.values.push(row);
    }
  }
  return rows;
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

export function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
