import type { EventTypeInfo, GraphDocument, LinkedDocument } from '../link/index.js';
import type { ParsedDocument } from '../parse/index.js';
import { mergeRecordMentions, type RecordMention, toRecordMention } from './document-events.js';

export interface AssembleInput {
  parsed: ParsedDocument;
  linked: LinkedDocument;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
}

/**
 * Assembles the linked sentence mentions of one document into its event records, the facts the graph
 * holds; the sentence mentions stay as the records' evidence.
 */
export function assembleDocument({ parsed, linked, eventTypes }: AssembleInput): GraphDocument {
  const { sentenceEvents, ...rest } = linked;
  const issuer = linked.entities.find((e) => e.key === linked.document.issuerKey);
  const ctx = {
    documentId: linked.document.id,
    kind: linked.document.kind,
    ...(linked.document.publishedAt ? { publishedAt: linked.document.publishedAt } : {}),
    ...(issuer ? { issuer } : {}),
    ...(linked.document.title ? { title: linked.document.title } : {}),
    ...(parsed.header.news?.dateline ? { dateline: parsed.header.news.dateline.text } : {}),
    eventTypes,
    sentenceStarts: parsed.sentences.map((s) => s.start),
  };
  const mentions: RecordMention[] = [];
  for (const event of sentenceEvents) {
    const mention = toRecordMention(event, ctx);
    if (mention) mentions.push(mention);
  }
  return { ...rest, events: mergeRecordMentions(mentions, ctx) };
}
