import type { EntityLabelName } from './allow-lists.js';
import { decodeCursor, readCursorPage } from './cursor.js';
import { EVENT_PROJECTION, type EventSummary, entityLabelsParam, toEventSummary } from './event-summary.js';
import { spanInSentence } from './sentence-span.js';
import { type GraphReader, int, num, readRows, type Statement, str } from './statement.js';

export interface DocumentSummary {
  id: string;
  kind: string;
  title: string | null;
  publishedAt: string | null;
  fileName: string | null;
  pageCount: number | null;
  modelVersion: string | null;
  processedAt: string | null;
  issuer: { key: string; name: string } | null;
}

export interface DocumentFilter {
  kind?: string;
  issuerKey?: string;
  /** Inclusive bounds on publishedAt (ISO date or date-time). */
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

const DOCUMENT_PROJECTION = `d { .id, .kind, .title, .publishedAt, .fileName, .pageCount, .modelVersion, .processedAt,
    issuer: head(COLLECT { MATCH (d)-[:ISSUED_BY]->(c:Company) RETURN c { .key, .name } }) }`;

/**
 * Documents newest first. Narrowed by issuer or dates, the index finds the candidates; otherwise they
 * are read in publishedAt-index order and the read stops at the page, and the undated ones follow
 * from the id index (`undatedDocumentListStatement`).
 */
export function documentListStatement(filter: DocumentFilter): Statement {
  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
  const params = documentListParams(filter, cursor);
  if (readsByDate(filter)) {
    return {
      text: `MATCH (d:Document) USING INDEX d:Document(publishedAt)
        WHERE d.publishedAt IS NOT NULL AND ($cursorKey IS NULL OR d.publishedAt <= $cursorKey)
      WITH d WHERE ($kind IS NULL OR d.kind = $kind)
        AND ($cursorKey IS NULL OR d.publishedAt < $cursorKey OR (d.publishedAt = $cursorKey AND d.id > $cursorId))
      RETURN ${DOCUMENT_PROJECTION} AS document, d.publishedAt AS sortKey
      ORDER BY d.publishedAt DESC, d.id ASC
      LIMIT $limit`,
      params,
    };
  }
  const range = [
    filter.from !== undefined ? 'd.publishedAt >= $from' : '',
    filter.to !== undefined ? 'd.publishedAt <= $to' : '',
  ].filter(Boolean);
  const anchor =
    filter.issuerKey !== undefined
      ? 'MATCH (c:Company {key: $issuerKey})<-[:ISSUED_BY]-(d:Document) USING INDEX c:Company(key)'
      : `MATCH (d:Document) USING INDEX d:Document(publishedAt) WHERE ${range.join(' AND ')}`;
  return {
    text: `${anchor}
      WITH d, coalesce(d.publishedAt, '') AS sortKey
      WHERE ($kind IS NULL OR d.kind = $kind)
        AND ($from IS NULL OR d.publishedAt >= $from) AND ($to IS NULL OR d.publishedAt <= $to)
        AND ($cursorKey IS NULL OR sortKey < $cursorKey OR (sortKey = $cursorKey AND d.id > $cursorId))
      RETURN ${DOCUMENT_PROJECTION} AS document, sortKey
      ORDER BY sortKey DESC, d.id ASC
      LIMIT $limit`,
    params,
  };
}

/** The undated documents of an unnarrowed list, after the dated ones, in id order. */
export function undatedDocumentListStatement(filter: DocumentFilter, limit: number): Statement {
  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
  return {
    text: `MATCH (d:Document) USING INDEX d:Document(id) WHERE d.id > $afterId AND d.publishedAt IS NULL
      WITH d WHERE ($kind IS NULL OR d.kind = $kind)
      RETURN ${DOCUMENT_PROJECTION} AS document, '' AS sortKey
      ORDER BY d.id ASC
      LIMIT $limit`,
    params: {
      ...documentListParams(filter, cursor),
      // Past the dated documents the cursor's sort key is ''; before them there is no undated cursor.
      afterId: cursor?.sortKey === '' ? cursor.id : '',
      limit: int(limit),
    },
  };
}

const readsByDate = (filter: DocumentFilter) =>
  filter.issuerKey === undefined && filter.from === undefined && filter.to === undefined;

function documentListParams(
  filter: DocumentFilter,
  cursor: { sortKey: string; id: string } | null,
): Record<string, unknown> {
  return {
    issuerKey: filter.issuerKey ?? null,
    kind: filter.kind ?? null,
    from: filter.from ?? null,
    // '~' sorts after digits, '-', 'T' and ':', so a date bound takes in that whole day.
    to: filter.to === undefined ? null : `${filter.to}~`,
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: int(filter.limit + 1),
  };
}

function toDocumentSummary(raw: unknown): DocumentSummary {
  const d = raw as Record<string, unknown>;
  const issuer = d.issuer as Record<string, unknown> | null;
  return {
    id: String(d.id),
    kind: String(d.kind),
    title: str(d.title),
    publishedAt: str(d.publishedAt),
    fileName: str(d.fileName),
    pageCount: num(d.pageCount),
    modelVersion: str(d.modelVersion),
    processedAt: str(d.processedAt),
    issuer: issuer ? { key: String(issuer.key), name: String(issuer.name ?? issuer.key) } : null,
  };
}

/** Documents newest first (undated last), then by id, a page at a time. */
export async function listDocuments(
  reader: GraphReader,
  filter: DocumentFilter,
): Promise<{ items: DocumentSummary[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await readCursorPage(reader, {
    limit: filter.limit,
    cursor: filter.cursor,
    item: 'document',
    statement: () => documentListStatement(filter),
    ...(readsByDate(filter)
      ? { undated: (remaining: number) => undatedDocumentListStatement(filter, remaining) }
      : {}),
  });
  return { items: rows.map((r) => toDocumentSummary(r.document)), nextCursor };
}

export interface DocumentDetail {
  document: DocumentSummary;
  rating: {
    companyKey: string;
    rating: string;
    change: string | null;
    targetPrice: number | null;
    targetPriceHigh: number | null;
    currency: string | null;
    date: string | null;
    broker: string | null;
    analysts: string[];
  } | null;
  sentences: { id: string; index: number; page: number; start: number; end: number; text: string }[];
  sentencesTruncated: boolean;
  entities: { label: EntityLabelName; key: string; name: string; mentions: number }[];
  events: EventSummary[];
  /** What to mark in the text: entity mentions, event triggers and arguments. */
  spans: DocumentSpan[];
}

export interface DocumentSpan {
  sentenceId: string;
  /** UTF-16 offsets into the sentence text. */
  start: number;
  end: number;
  text: string;
  kind: 'entity' | 'trigger' | 'argument';
  confidence: number | null;
  /** The entity mentioned or filling the role; `type` is the model's entity type (company, person, …). */
  entity: { label: EntityLabelName; key: string; name: string; type: string | null } | null;
  event: { id: string; type: string } | null;
  role: string | null;
  /** The normalised value of a value argument (amount, date, ratio, …). */
  value: string | null;
}

export function documentDetailStatement(id: string, maxSentences: number): Statement {
  return {
    text: `MATCH (d:Document {id: $id}) USING INDEX d:Document(id)
      RETURN ${DOCUMENT_PROJECTION} AS document,
        head(COLLECT {
          MATCH (d)-[r:RATES]->(c:Company)
          RETURN {companyKey: c.key, rating: r.rating, change: r.change, targetPrice: r.targetPrice,
                  targetPriceHigh: r.targetPriceHigh, currency: r.currency, date: r.date,
                  broker: head(COLLECT { MATCH (b:Broker)-[:PUBLISHED]->(d) RETURN b.name }),
                  analysts: COLLECT { MATCH (a:Analyst)-[:AUTHORED]->(d) RETURN a.name ORDER BY a.name }}
        }) AS rating,
        COLLECT {
          MATCH (d)-[:HAS_SENTENCE]->(s:Sentence)
          RETURN s { .id, .index, .page, .start, .end, .text } AS s ORDER BY s.index LIMIT $sentenceLimit
        } AS sentences,
        COLLECT {
          MATCH (d)-[:HAS_SENTENCE]->(:Sentence)<-[:MENTIONED_IN]-(n)
          WITH n, head([l IN labels(n) WHERE l IN $entityLabels]) AS label, count(*) AS mentions
          WHERE label IS NOT NULL
          RETURN {label: label, key: n.key, name: coalesce(n.name, n.key), mentions: mentions} AS x
          ORDER BY x.mentions DESC, x.key ASC
        } AS entities,
        COLLECT {
          MATCH (e:Event)-[:REPORTED_IN]->(d)
          RETURN ${EVENT_PROJECTION} AS event ORDER BY coalesce(e.date, '') DESC, e.id ASC
        } AS events,
        COLLECT {
          MATCH (d)-[:HAS_SENTENCE]->(s:Sentence)<-[m:MENTIONED_IN]-(n)
          WITH s, m, n, head([l IN labels(n) WHERE l IN $entityLabels]) AS label
          WHERE label IS NOT NULL
          RETURN {sentenceId: s.id, start: m.start, end: m.end, text: m.text, kind: 'entity',
                  confidence: m.confidence,
                  entity: {label: label, key: n.key, name: coalesce(n.name, n.key), type: m.type}} AS x
        } + COLLECT {
          MATCH (e:Event)-[:REPORTED_IN]->(d)
          MATCH (e)-[r]->(n) WHERE r.roleKey IS NOT NULL OR type(r) = 'EVIDENCED_BY'
          // An event other documents tell too has their spans as well: only this document's are marked here.
          WITH e, r, n WHERE CASE WHEN n:Sentence THEN n.documentId = d.id
                                  ELSE coalesce(r.documentId, e.documentId) = d.id END
          WITH e, r, n, head([l IN labels(n) WHERE l IN $entityLabels]) AS label
          RETURN {sentenceId: CASE WHEN n:Sentence THEN n.id ELSE r.sentenceId END, start: r.start, end: r.end,
                  text: r.text, kind: CASE type(r) WHEN 'EVIDENCED_BY' THEN 'trigger' ELSE 'argument' END,
                  confidence: r.confidence, role: r.roleKey, value: r.value, event: {id: e.id, type: e.type},
                  entity: CASE WHEN label IS NULL THEN null
                               ELSE {label: label, key: n.key, name: coalesce(n.name, n.key)} END} AS x
        } AS spans`,
    params: { id, sentenceLimit: int(maxSentences + 1), ...entityLabelsParam() },
  };
}

/** A document with its sentences, the entities mentioned in it and the events read from it. */
export async function getDocumentDetail(
  reader: GraphReader,
  id: string,
  maxSentences = 5000,
): Promise<DocumentDetail | null> {
  const [rows = []] = await readRows(reader, documentDetailStatement(id, maxSentences));
  const row = rows[0];
  if (!row) return null;
  const rating = row.rating as Record<string, unknown> | null;
  const sentences = (row.sentences as Record<string, unknown>[]).map((s) => ({
    id: String(s.id),
    index: num(s.index) ?? 0,
    page: num(s.page) ?? 0,
    start: num(s.start) ?? 0,
    end: num(s.end) ?? 0,
    text: String(s.text ?? ''),
  }));
  return {
    document: toDocumentSummary(row.document),
    rating: rating
      ? {
          companyKey: String(rating.companyKey),
          rating: String(rating.rating),
          change: str(rating.change),
          targetPrice: num(rating.targetPrice),
          targetPriceHigh: num(rating.targetPriceHigh),
          currency: str(rating.currency),
          date: str(rating.date),
          broker: str(rating.broker),
          analysts: (rating.analysts as unknown[]).map(String),
        }
      : null,
    sentences: sentences.slice(0, maxSentences),
    sentencesTruncated: sentences.length > maxSentences,
    entities: (row.entities as Record<string, unknown>[]).map((x) => ({
      label: x.label as EntityLabelName,
      key: String(x.key),
      name: String(x.name),
      mentions: num(x.mentions) ?? 0,
    })),
    events: (row.events as unknown[]).map(toEventSummary),
    spans: toSentenceSpans(row.spans as Record<string, unknown>[], sentences),
  };
}

/**
 * Spans come with document offsets; the view marks them inside their sentence. Spans outside their
 * sentence (arguments filled from context) or in sentences past the cap are left out.
 */
function toSentenceSpans(
  raw: Record<string, unknown>[],
  sentences: DocumentDetail['sentences'],
): DocumentSpan[] {
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const spans: DocumentSpan[] = [];
  for (const x of raw) {
    const sentence = byId.get(String(x.sentenceId));
    const at = sentence && spanInSentence(sentence, x);
    if (!sentence || !at) continue;
    const entity = x.entity as Record<string, unknown> | null;
    const event = x.event as Record<string, unknown> | undefined;
    spans.push({
      sentenceId: sentence.id,
      ...at,
      text: String(x.text ?? sentence.text.slice(at.start, at.end)),
      kind: x.kind as DocumentSpan['kind'],
      confidence: num(x.confidence),
      entity: entity
        ? {
            label: entity.label as EntityLabelName,
            key: String(entity.key),
            name: String(entity.name),
            type: str(entity.type),
          }
        : null,
      event: event ? { id: String(event.id), type: String(event.type) } : null,
      role: str(x.role),
      value: str(x.value),
    });
  }
  const order = (span: DocumentSpan) => byId.get(span.sentenceId)?.index ?? 0;
  return spans.sort((a, b) => order(a) - order(b) || a.start - b.start || a.end - b.end);
}

/** What serving a page of a document's file needs: how many pages it has and what kind of file it is. */
export async function getDocumentFile(
  reader: GraphReader,
  id: string,
): Promise<{ pageCount: number; mimeType: string | null; fileName: string | null } | null> {
  const [rows = []] = await readRows(reader, {
    text: 'MATCH (d:Document {id: $id}) RETURN d.pageCount AS pageCount, d.mimeType AS mimeType, d.fileName AS fileName',
    params: { id },
  });
  const row = rows[0];
  if (!row) return null;
  return { pageCount: num(row.pageCount) ?? 0, mimeType: str(row.mimeType), fileName: str(row.fileName) };
}
