import type { EntityLabelName } from './allow-lists.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { EVENT_PROJECTION, type EventSummary, entityLabelsParam, toEventSummary } from './event-summary.js';
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

export function documentListStatement(filter: DocumentFilter): Statement {
  const range = [
    filter.from !== undefined ? 'd.publishedAt >= $from' : '',
    filter.to !== undefined ? 'd.publishedAt <= $to' : '',
  ].filter(Boolean);
  const anchor =
    filter.issuerKey !== undefined
      ? 'MATCH (c:Company {key: $issuerKey})<-[:ISSUED_BY]-(d:Document) USING INDEX c:Company(key)'
      : range.length > 0
        ? `MATCH (d:Document) USING INDEX d:Document(publishedAt) WHERE ${range.join(' AND ')}`
        : 'MATCH (d:Document) USING INDEX d:Document(id) WHERE d.id IS NOT NULL';
  const cursor = filter.cursor === undefined ? null : decodeCursor(filter.cursor);
  return {
    text: `${anchor}
      WITH d, coalesce(d.publishedAt, '') AS sortKey
      WHERE ($kind IS NULL OR d.kind = $kind)
        AND ($from IS NULL OR d.publishedAt >= $from) AND ($to IS NULL OR d.publishedAt <= $to)
        AND ($cursorKey IS NULL OR sortKey < $cursorKey OR (sortKey = $cursorKey AND d.id > $cursorId))
      RETURN ${DOCUMENT_PROJECTION} AS document, sortKey
      ORDER BY sortKey DESC, d.id ASC
      LIMIT $limit`,
    params: {
      issuerKey: filter.issuerKey ?? null,
      kind: filter.kind ?? null,
      from: filter.from ?? null,
      // '~' sorts after digits, '-', 'T' and ':', so a date bound takes in that whole day.
      to: filter.to === undefined ? null : `${filter.to}~`,
      cursorKey: cursor?.sortKey ?? null,
      cursorId: cursor?.id ?? null,
      limit: int(filter.limit + 1),
    },
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
  const [rows = []] = await readRows(reader, documentListStatement(filter));
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toDocumentSummary(r.document)),
    nextCursor:
      rows.length > filter.limit && last
        ? encodeCursor({
            sortKey: str(last.sortKey) ?? '',
            id: String((last.document as { id: unknown }).id),
          })
        : null,
  };
}

export interface DocumentDetail {
  document: DocumentSummary;
  rating: {
    companyKey: string;
    rating: string;
    change: string | null;
    targetPrice: number | null;
    currency: string | null;
    date: string | null;
    broker: string | null;
    analysts: string[];
  } | null;
  sentences: { id: string; index: number; page: number; start: number; end: number; text: string }[];
  sentencesTruncated: boolean;
  entities: { label: EntityLabelName; key: string; name: string; mentions: number }[];
  events: EventSummary[];
}

export function documentDetailStatement(id: string, maxSentences: number): Statement {
  return {
    text: `MATCH (d:Document {id: $id}) USING INDEX d:Document(id)
      RETURN ${DOCUMENT_PROJECTION} AS document,
        head(COLLECT {
          MATCH (d)-[r:RATES]->(c:Company)
          RETURN {companyKey: c.key, rating: r.rating, change: r.change, targetPrice: r.targetPrice,
                  currency: r.currency, date: r.date,
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
        } AS events`,
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
  };
}
