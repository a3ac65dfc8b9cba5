import type {
  EventArgumentRow,
  EventTypeInfo,
  GraphDocument,
  LinkedDocument,
  LinkedEntity,
  Provenance,
  SentenceEvent,
} from '../link/index.js';
import { isPersonName } from '../link/people.js';
import { personKey } from '../link/person-key.js';
import { documentValue } from '../normalize/index.js';
import { headlineOf, overlapsOcrDoubt, type ParsedDocument } from '../parse/index.js';
import {
  CONTRACT_RECORDS,
  type ContractRecord,
  readContractFields,
  type TextSpan,
} from './contract-fields.js';
import { mergeRecordMentions, type RecordMention, toRecordMention } from './document-events.js';
import { withoutRecalledRounds } from './financing-history.js';
import { notEventReason, notEventSections } from './not-event.js';
import { withPenaltyRoles } from './penalty-roles.js';
import { withRecordPositions } from './person-positions.js';
import { documentYear } from './recalled-history.js';
import { type RuleRecord, ruleRecords } from './rule-records.js';
import { withSentenceRoles, withWholeNames } from './sentence-roles.js';
import { headlineTopics, titleTopics } from './title-topics.js';
import { titleCallsOffDeal } from './type-wording.js';

export interface AssembleInput {
  parsed: ParsedDocument;
  /** The model text of each sentence (`sentenceModelText`), as the model read it. */
  sentenceTexts: readonly string[];
  linked: LinkedDocument;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
}

/** Record types whose roles contract announcements state in fixed fields; their rules outdo the model there. */
const CONTRACT_TYPES = new Set(['签署合同', '中标']);
/** Record types whose rule reading, where there is one, replaces the model's (see rule-lawsuits.ts). */
const RULE_LED_TYPES = new Set(['起诉']);
/** Titles of announcements that report contracts or bid wins: where contract fields are read. */
const CONTRACT_TITLE = /合同|中标|协议|订单|招标|采购|项目|框架/;
/** Rules read fixed wording; the model's confidence is a probability. A rule's reading ranks first. */
const CONTRACT_CONFIDENCE = 0.95;

/**
 * Assembles one document's facts into event records, the facts the graph holds: sentence mentions that
 * state no event are dropped, the rest are typed and merged with what the document's fixed wording says
 * (rule records for the types the model lacks, contract fields), and the sentence mentions stay as the
 * records' evidence.
 */
export function assembleDocument({
  parsed,
  sentenceTexts,
  linked,
  eventTypes,
}: AssembleInput): GraphDocument {
  const { sentenceEvents, ...rest } = linked;
  const issuer = linked.entities.find((e) => e.key === linked.document.issuerKey);
  const year = documentYear(parsed.text, linked.document.publishedAt);
  const ctx = {
    documentId: linked.document.id,
    kind: linked.document.kind,
    ...(linked.document.publishedAt ? { publishedAt: linked.document.publishedAt } : {}),
    ...(issuer ? { issuer } : {}),
    ...(linked.document.title ? { title: linked.document.title } : {}),
    ...(parsed.header.news?.noticeDate ? { noticeDate: parsed.header.news.noticeDate.text } : {}),
    eventTypes,
    sentenceStarts: parsed.sentences.map((s) => s.start),
    sentences: parsed.sentences.map((s) => s.text),
    ...(year !== undefined ? { documentYear: year } : {}),
    ...(headlineSentence(parsed, linked) !== undefined ? { headlineSentence: 0 } : {}),
  };
  const entities = new Map(linked.entities.map((e) => [e.key, e]));
  const fixed = new FixedWording(parsed, ctx.documentId, eventTypes, issuer, entities);
  const stated = statedEvents(parsed, sentenceTexts, sentenceEvents);
  const contracts = tellsContracts(linked, stated) ? readContractFields(parsed).filter(statesTerms) : [];
  const rules = ruleRecords(parsed, ruleContext(issuer, ctx.publishedAt));
  // Types whose parties the rules read in fixed wording that names each side (原告…被告…): the model's
  // sentence reading swaps or repeats them, so it gives way.
  const ruled = new Set(rules.filter((r) => RULE_LED_TYPES.has(r.type)).map((r) => r.type));
  const mentions: RecordMention[] = [
    ...fixed.fromRules(rules).map((m) => withPenaltyRoles(m, ctx.sentenceStarts[m.mention.sentence] ?? 0)),
    ...contracts.flatMap((c) => fixed.fromContract(c)),
  ];
  for (const event of stated) {
    const mention = toRecordMention(event, ctx);
    if (!mention) continue;
    // Where the contract fields were read, the model's party roles there are the weaker reading.
    if (contracts.length > 0 && CONTRACT_TYPES.has(mention.documentType)) continue;
    if (ruled.has(mention.documentType)) continue;
    const start = ctx.sentenceStarts[mention.mention.sentence] ?? 0;
    const named = withWholeNames(mention, start, {
      documentId: ctx.documentId,
      issuerKey: issuer?.key,
      documentText: parsed.text,
    });
    for (const person of named.people) if (!entities.has(person.key)) entities.set(person.key, person);
    mentions.push(withPenaltyRoles(withSentenceRoles(named.mention, start, eventTypes), start));
  }
  // A filing about one matter: the records of other matters are its background.
  const topic = topicLine(parsed, linked);
  const topics =
    linked.document.kind === 'news'
      ? headlineTopics(topic, new Set(mentions.map((m) => m.documentType)))
      : titleTopics(topic);
  const onTopic = mentions.filter(
    (m) => (!topics || topics.has(m.documentType)) && !titleCallsOffDeal(m.documentType, topic),
  );
  const events = mergeRecordMentions(withoutRecalledRounds(onTopic), ctx);
  return { ...rest, entities: withRecordPositions([...entities.values()], events), events };
}

/** The announcement's title, or a news item's headline (its first line, when short). */
function topicLine(parsed: ParsedDocument, linked: LinkedDocument): string | undefined {
  if (linked.document.kind === 'announcement') return linked.document.title;
  if (linked.document.kind !== 'news') return undefined;
  return headlineOf(parsed.modelText);
}

/** Sentence 0 where it is a news item's headline line (a headline ends at the first line break). */
function headlineSentence(parsed: ParsedDocument, linked: LinkedDocument): 0 | undefined {
  if (linked.document.kind === 'announcement') return undefined;
  const headline = headlineOf(parsed.modelText);
  const first = parsed.sentences[0]?.text.trim();
  return headline && first && headline.includes(first) ? 0 : undefined;
}

/**
 * Whether an announcement is about contracts or bid wins: its title says so, or (with no title read) the
 * model found a contract or a bid win in it. Other announcements mention contracts only in passing.
 */
function tellsContracts(linked: LinkedDocument, stated: readonly SentenceEvent[]): boolean {
  if (linked.document.kind !== 'announcement') return false;
  const title = linked.document.title;
  if (title) return CONTRACT_TITLE.test(title);
  return stated.some((e) => e.type === '签署合同' || e.type === '中标');
}

/** A contract record says more than who the contractor is: a counterparty, a project, a name or an amount. */
function statesTerms(record: ContractRecord): boolean {
  return Boolean(record.甲方 || record.项目名称 || record.合同名称 || record.合同金额);
}

/** The sentence events whose sentence states an event: not negated, promised-not-to, boilerplate or a legend. */
function statedEvents(
  parsed: ParsedDocument,
  sentenceTexts: readonly string[],
  events: readonly SentenceEvent[],
): SentenceEvent[] {
  if (events.length === 0) return [];
  const modelSentences = parsed.sentences.map((s, i) => ({ text: sentenceTexts[i] ?? s.text, page: s.page }));
  const sections = notEventSections(modelSentences);
  return events.filter((event) => {
    const index = event.mention.sentence;
    if (sections.has(index)) return false;
    const sentence = parsed.sentences[index];
    const text = modelSentences[index]?.text ?? event.sentenceText;
    const at = event.mention.start - (sentence?.start ?? 0);
    return notEventReason(text, { start: at, end: at + event.mention.text.length }) === undefined;
  });
}

function ruleContext(issuer: LinkedEntity | undefined, publishedAt: string | undefined) {
  return {
    ...(issuer
      ? {
          issuer: {
            name: issuer.name,
            ...(issuer.shortNames?.[0] ? { shortName: issuer.shortNames[0] } : {}),
            ...(issuer.code ? { code: issuer.code } : {}),
          },
        }
      : {}),
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/** Turns what rules read in a document's fixed wording into record mentions, entities linked as the linker does. */
class FixedWording {
  private readonly schemaName = new Map<string, string>();

  constructor(
    private readonly parsed: ParsedDocument,
    private readonly documentId: string,
    private readonly eventTypes: ReadonlyMap<string, EventTypeInfo>,
    private readonly issuer: LinkedEntity | undefined,
    private readonly entities: Map<string, LinkedEntity>,
  ) {
    // A record type's schema entry: the model's own type where it has one (质押), else the declared type.
    for (const [name, info] of eventTypes)
      if (!this.schemaName.has(info.documentType)) this.schemaName.set(info.documentType, name);
  }

  fromRules(records: readonly RuleRecord[]): RecordMention[] {
    return records.flatMap((r) => {
      const mention = this.mention(r.type, r.trigger, r.confidence);
      if (!mention) return [];
      mention.arguments = r.arguments
        .filter((a) => !this.doubtedValue(mention, a.role, a))
        .map((a) => this.argument(mention, a.role, a, r.confidence, a.value));
      return [mention];
    });
  }

  fromContract(record: ContractRecord): RecordMention[] {
    const { type, roles } = CONTRACT_RECORDS[record.kind];
    const spans = Object.entries(roles).flatMap(([field, role]) => {
      const value = record[field as keyof ContractRecord];
      const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
      return list.map((span) => ({ role, span: span as TextSpan & { upper?: number } }));
    });
    const first = spans.map((s) => s.span).sort((a, b) => a.start - b.start)[0];
    if (!first) return [];
    const mention = this.mention(type, first, CONTRACT_CONFIDENCE);
    if (!mention) return [];
    mention.arguments = spans
      .filter(({ role, span }) => !this.doubtedValue(mention, role, span))
      .map(({ role, span }) => this.argument(mention, role, span, CONTRACT_CONFIDENCE));
    return [mention];
  }

  private mention(documentType: string, span: TextSpan, confidence: number): RecordMention | undefined {
    const name = this.schemaName.get(documentType);
    const info = name ? this.eventTypes.get(name) : undefined;
    if (!name || !info) return undefined;
    const mention: Provenance = { ...this.provenance(span), confidence };
    return {
      type: name,
      typeKey: info.key,
      documentType,
      trigger: span.text,
      confidence,
      mention,
      sentenceText: this.parsed.sentences[mention.sentence]?.text ?? '',
      arguments: [],
      fixedWording: true,
    };
  }

  /** A value (a role no entity fills) over a figure OCR read in doubt: no fact, as in the link. */
  private doubtedValue(mention: RecordMention, role: string, span: TextSpan): boolean {
    const info = this.eventTypes.get(mention.type)?.documentRoles.get(role);
    if (info?.entityTypes.length) return false;
    return overlapsOcrDoubt(this.parsed.sentences, span.start, span.end);
  }

  private argument(
    mention: RecordMention,
    role: string,
    span: TextSpan,
    confidence: number,
    value?: number | string,
  ): EventArgumentRow {
    const info = this.eventTypes.get(mention.type)?.documentRoles.get(role);
    const row: EventArgumentRow = {
      ...this.provenance(span),
      confidence,
      role,
      roleKey: info?.key ?? role,
      documentRole: role,
    };
    const normalised = documentValue(info?.value, span.text);
    if (normalised) row.value = normalised.display;
    else if (typeof value === 'string' && !info?.entityTypes.length) row.value = value;
    const entity = info?.entityTypes.length ? this.entity(span.text, info.entityTypes) : undefined;
    if (entity) {
      row.entityKey = entity.key;
      row.label = entity.label;
    }
    return row;
  }

  /**
   * The issuer when the text names it; a person in the issuer's context; other names stay text. A rule's
   * name must pass the linker's test of a personal name, because rules read 王卫除 (王卫除控股…以外)
   * as a person the linker refuses.
   */
  private entity(text: string, types: readonly string[]): LinkedEntity | undefined {
    const issuer = this.issuer;
    if (issuer && (text === issuer.name || issuer.shortNames?.includes(text))) return issuer;
    if (types.length === 1 && types[0] === 'person') {
      if (!isPersonName(text)) return undefined;
      const key = personKey(text, issuer?.key, this.documentId);
      const person = this.entities.get(key) ?? { key, label: 'Person' as const, name: text };
      this.entities.set(key, person);
      return person;
    }
    return undefined;
  }

  private provenance(span: TextSpan): Omit<Provenance, 'confidence'> {
    const sentence = this.parsed.sentences.find((s) => span.start >= s.start && span.start < s.end);
    return { sentence: sentence?.index ?? 0, start: span.start, end: span.end, text: span.text };
  }
}
