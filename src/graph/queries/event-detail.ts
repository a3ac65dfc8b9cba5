import { ENTITY_LABELS, type EntityLabelName } from './allow-lists.js';
import { EVENT_PROJECTION, type EventSummary, entityLabelsParam, toEventSummary } from './event-summary.js';
import { spanInSentence } from './sentence-span.js';
import { type GraphReader, num, readRows, type Statement, str } from './statement.js';

export interface Highlight {
  kind: 'trigger' | 'argument';
  role: string | null;
  /** UTF-16 offsets into the sentence text. */
  start: number;
  end: number;
  text: string;
}

export interface EvidenceSentence {
  id: string;
  index: number;
  page: number;
  /** UTF-16 offsets of the sentence in the document's cleaned text. */
  start: number;
  end: number;
  text: string;
  highlights: Highlight[];
  /** On a page read by OCR: the sentence's boxes, [left, top, right, bottom] as fractions of the page. */
  ocrBoxes?: Array<[number, number, number, number]>;
}

export interface EventArgument {
  role: string;
  roleKey: string;
  text: string;
  value: string | null;
  entity: { label: EntityLabelName; key: string; name: string } | null;
  sentenceId: string | null;
  start: number;
  end: number;
  confidence: number;
  inferred: boolean;
  /** The document the argument was read in (events told by several documents have arguments from each). */
  documentId: string | null;
}

/** One document that tells the event, with the values it states and why it was joined to the event. */
export interface EventSource {
  document: EventDocument;
  date: string | null;
  amount: { value: number; currency: string | null } | null;
  shares: number | null;
  ratio: number | null;
  trigger: string | null;
  confidence: number | null;
  /** Why this document's record was taken as the same event (null for the source that created it). */
  match: string | null;
  /** True when its figures differ from the event's beyond tolerance (kept here, side by side). */
  conflicting: boolean;
}

interface EventDocument {
  id: string;
  kind: string | null;
  title: string | null;
  publishedAt: string | null;
  fileName: string | null;
}

export interface EventDetail {
  event: EventSummary;
  /** The first source (earliest published). */
  document: EventDocument | null;
  /** Every document that tells the event, earliest published first. */
  sources: EventSource[];
  triggers: { sentenceId: string; start: number; end: number; text: string; confidence: number }[];
  arguments: EventArgument[];
  /** Every sentence the event was read in, with the trigger and argument spans marked. */
  evidence: EvidenceSentence[];
}

const SENTENCE = 's { .id, .index, .page, .start, .end, .text, .ocrBoxes }';

export function eventDetailStatement(id: string): Statement {
  return {
    text: `MATCH (e:Event {id: $id}) USING INDEX e:Event(id)
      OPTIONAL MATCH (d:Document {id: e.documentId})
      RETURN ${EVENT_PROJECTION} AS event,
        d { .id, .kind, .title, .publishedAt, .fileName } AS document,
        COLLECT {
          MATCH (e)-[r:REPORTED_IN]->(src:Document)
          RETURN {document: src { .id, .kind, .title, .publishedAt, .fileName }, date: r.date, amount: r.amount,
                  currency: r.currency, shares: r.shares, ratio: r.ratio, trigger: r.trigger,
                  confidence: r.confidence, match: r.match, conflicting: coalesce(r.conflicting, false)} AS x
          ORDER BY coalesce(src.publishedAt, '9999') ASC, src.id ASC
        } AS sources,
        COLLECT {
          MATCH (e)-[m:EVIDENCED_BY]->(s:Sentence)
          RETURN {start: m.start, end: m.end, text: m.text, confidence: m.confidence, sentence: ${SENTENCE}} AS t
          ORDER BY t.start
        } AS triggers,
        COLLECT {
          MATCH (e)-[r]->(n) WHERE r.roleKey IS NOT NULL
          OPTIONAL MATCH (ref:Sentence {id: r.sentenceId})
          WITH r, n, CASE WHEN n:Sentence THEN n ELSE ref END AS s,
               head([l IN labels(n) WHERE l IN $entityLabels]) AS label
          RETURN {role: r.role, roleKey: r.roleKey, text: r.text, value: r.value, start: r.start, end: r.end,
                  confidence: r.confidence, inferred: coalesce(r.inferred, false), documentId: r.documentId,
                  entity: CASE WHEN label IS NULL THEN null
                               ELSE {label: label, key: n.key, name: coalesce(n.name, n.key)} END,
                  sentence: ${SENTENCE}} AS a
          ORDER BY a.start, a.roleKey
        } AS arguments`,
    params: { id, ...entityLabelsParam() },
  };
}

type Row = Record<string, unknown>;

/** The flat list a Sentence keeps, four numbers a box, as boxes. */
function ocrBoxesOf(raw: unknown): Array<[number, number, number, number]> | undefined {
  if (!Array.isArray(raw) || raw.length < 4) return undefined;
  const values = raw.map(Number);
  const boxes: Array<[number, number, number, number]> = [];
  for (let i = 0; i + 3 < values.length; i += 4)
    boxes.push([values[i] ?? 0, values[i + 1] ?? 0, values[i + 2] ?? 0, values[i + 3] ?? 0]);
  return boxes;
}

/** An event with where it was read: document, page, sentence text and the marked spans. */
export async function getEventDetail(reader: GraphReader, id: string): Promise<EventDetail | null> {
  const [rows = []] = await readRows(reader, eventDetailStatement(id));
  const row = rows[0];
  if (!row) return null;
  const sentences = new Map<string, EvidenceSentence>();
  const sentenceOf = (raw: unknown): EvidenceSentence | null => {
    if (!raw) return null;
    const s = raw as Row;
    const id = String(s.id);
    let sentence = sentences.get(id);
    if (!sentence) {
      sentence = {
        id,
        index: num(s.index) ?? 0,
        page: num(s.page) ?? 0,
        start: num(s.start) ?? 0,
        end: num(s.end) ?? 0,
        text: String(s.text ?? ''),
        highlights: [],
      };
      const boxes = ocrBoxesOf(s.ocrBoxes);
      if (boxes) sentence.ocrBoxes = boxes;
      sentences.set(id, sentence);
    }
    return sentence;
  };
  const mark = (sentence: EvidenceSentence | null, span: Omit<Highlight, 'start' | 'end'>, at: Row) => {
    const inSentence = sentence && spanInSentence(sentence, at);
    if (sentence && inSentence) sentence.highlights.push({ ...span, ...inSentence });
  };

  const triggers = (row.triggers as Row[]).map((t) => {
    const sentence = sentenceOf(t.sentence);
    mark(sentence, { kind: 'trigger', role: null, text: String(t.text) }, t);
    return {
      sentenceId: sentence?.id ?? '',
      start: num(t.start) ?? 0,
      end: num(t.end) ?? 0,
      text: String(t.text),
      confidence: num(t.confidence) ?? 0,
    };
  });
  const args = (row.arguments as Row[]).map((a): EventArgument => {
    const sentence = sentenceOf(a.sentence);
    mark(sentence, { kind: 'argument', role: String(a.roleKey), text: String(a.text) }, a);
    const entity = a.entity as Row | null;
    return {
      role: String(a.role),
      roleKey: String(a.roleKey),
      text: String(a.text),
      value: str(a.value),
      entity:
        entity && ENTITY_LABELS.includes(entity.label as EntityLabelName)
          ? { label: entity.label as EntityLabelName, key: String(entity.key), name: String(entity.name) }
          : null,
      sentenceId: sentence?.id ?? null,
      start: num(a.start) ?? 0,
      end: num(a.end) ?? 0,
      confidence: num(a.confidence) ?? 0,
      inferred: Boolean(a.inferred),
      documentId: str(a.documentId),
    };
  });
  const document = row.document as Row | null;
  for (const sentence of sentences.values()) sentence.highlights.sort((x, y) => x.start - y.start);
  return {
    event: toEventSummary(row.event),
    document: document ? toEventDocument(document) : null,
    sources: (row.sources as Row[]).map((x) => {
      const amount = num(x.amount);
      return {
        document: toEventDocument(x.document as Row),
        date: str(x.date),
        amount: amount === null ? null : { value: amount, currency: str(x.currency) },
        shares: num(x.shares),
        ratio: num(x.ratio),
        trigger: str(x.trigger),
        confidence: num(x.confidence),
        match: str(x.match),
        conflicting: Boolean(x.conflicting),
      };
    }),
    triggers,
    arguments: args,
    evidence: [...sentences.values()].sort((x, y) => x.index - y.index),
  };
}

function toEventDocument(document: Row): EventDocument {
  return {
    id: String(document.id),
    kind: str(document.kind),
    title: str(document.title),
    publishedAt: str(document.publishedAt),
    fileName: str(document.fileName),
  };
}
