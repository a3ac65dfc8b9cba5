import type { ExtractionResult } from '../extract/types.js';
import type { Forecast, PageBox, ParsedDocument } from '../parse/index.js';
import {
  headlineOf,
  outletOf,
  overlapsOcrDoubt,
  sentenceModelText,
  sentenceSourceSpan,
} from '../parse/index.js';
import type { DocumentJob } from '../queue/index.js';
import {
  cleanCompanyName,
  isFullName,
  isNotCompanyName,
  legalFormCore,
  nameCore,
  withoutListingPrefix,
} from './company-name.js';
import { CompanyResolver, isBShareCode } from './company-resolver.js';
import type { EventTypeInfo } from './event-roles.js';
import type { Gazetteer } from './gazetteer.js';
import type {
  EntityMentionRow,
  EventArgumentRow,
  LinkedDocument,
  LinkedEntity,
  LinkedForecast,
  LinkedRating,
  LinkedSubsidiary,
  Provenance,
  SentenceEvent,
} from './graph-document.js';
import { organizationCategory } from './organization-category.js';
import {
  afterPeopleSplits,
  companyNamesOf,
  isPersonName,
  nameInSpan,
  POSITION_ROLES,
  personContexts,
  personIn,
  positionInSentence,
  sentenceSurroundings,
  standsAsPerson,
} from './people.js';
import {
  type StatedListingCodes,
  spansAfterRoleNoun,
  statedAliases,
  statedCodeOf,
  statedFormerNames,
  statedLatinFirmNames,
  statedListingCodes,
  statedSubsidiaries,
} from './stated-names.js';
import { normalizeArgumentValue } from './value-normalizer.js';

export interface LinkInput {
  job: DocumentJob;
  parsed: ParsedDocument;
  /** One result per parsed sentence, offsets relative to that sentence's model text. */
  extractions: readonly ExtractionResult[];
  modelVersion: string;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
  gazetteer: Gazetteer;
  processedAt?: string;
}

/**
 * Bounds on what one sentence may contribute. A healthy model stays far below them; a broken or
 * mismatched model must not turn one document into a transaction Neo4j cannot hold.
 */
const MAX_EVENTS_PER_SENTENCE = 8;
const MAX_ARGUMENTS_PER_EVENT = 40;
const MAX_ENTITIES_PER_SENTENCE = 60;

const COMPANY_ROLES = new Set(['sub-org', 'obj-org', 'target-company', 'sub', 'obj']);

/**
 * Spans the model reads as parties that are no name: a clause (须待…, 京新控股持有的元金药业), both sides
 * (甲乙双方), a bare legal-form word (Limited) or a place with 公司 (香港公司).
 */
const NOT_A_NAME =
  /[的之]|^(须|拟|将|经|由|向|对|在|于|按)|双方|各方|^(Limited|Ltd\.?|Inc\.?|Company)$|^.{1,3}公司$/i;

/**
 * What follows a span that heads another company's name: a bracketed place and the rest of a legal name
 * (大唐控股 of 大唐控股（香港）投资有限公司). Read with the spaces of spaced-out layouts removed; （集团） is left out,
 * since X（集团）股份有限公司 is the same company as X股份有限公司.
 */
const HEADS_ANOTHER_NAME =
  /^[（(](?!集团)[\u4e00-\u9fa5]{1,6}[）)][\u4e00-\u9fa5]{0,12}?(?:有限责任公司|股份有限公司|有限公司)/;

/**
 * What follows a short name that runs on, with no break or joining word, into a registered name
 * (苏州工业园区重元 of 苏州工业园区重元并购股权投资管理中心（有限合伙））.
 */
const RUNS_INTO_NAME =
  /^(?:(?![与和及的为在对向将持由等])[\u4e00-\u9fa5]){1,14}?(?:有限责任公司|股份有限公司|有限公司|合伙企业|管理中心)/;

/**
 * Whether a span that begins one known name (a unique short name) heads another name the text goes on
 * to state: the longer name the text reads is not the start of the matched company's name.
 */
function headsAnotherName(span: string, after: string, matchedName: string): boolean {
  const runOn = RUNS_INTO_NAME.exec(after.replace(/\s+/g, ''));
  if (!runOn) return false;
  return !cleanCompanyName(matchedName).startsWith(cleanCompanyName(span + runOn[0]));
}

/** How an announcement names its own issuer: these resolve to the issuer, never to a company called 公司. */
const SELF_NAME = /^(本?公司|上市公司|本行|本集团|本企业|公司本身)$/;

/**
 * Turns a parsed document and its per-sentence extractions into linked facts: entities linked to one
 * identity each (the header's issuer, companies the graph already knows, people in company context),
 * values normalised, and provenance on every fact. Events stay one per sentence mention; assembly
 * makes document-level records of them.
 */
export async function linkDocument(input: LinkInput): Promise<LinkedDocument> {
  const { job, parsed, extractions } = input;
  const documentId = job.documentId;
  const publishedAt =
    job.publishedAt?.slice(0, 10) ?? parsed.header.announcement?.date ?? parsed.header.researchReport?.date;

  const issuer = withStatedCode(
    issuerOf(parsed) ?? headlineCompanyOf(parsed, extractions) ?? leadCompanyOf(parsed, extractions),
    parsed,
  );
  const covered = coveredCompanyOf(parsed);
  const self = issuer ?? covered;
  const spans = companySpans(extractions);
  const listings = statedListingCodes(parsed.modelText);
  if (issuer) joinListingCodes(issuer, listings);
  const codes = [
    ...new Set(
      [
        issuer?.code,
        issuer?.hkCode,
        issuer?.bCode,
        covered?.code,
        ...listings.flatMap((l) => [l.aCode, l.hkCode]),
      ].filter((c): c is string => c !== undefined),
    ),
  ];
  const known = await input.gazetteer.findCompanies({
    names: lookupNames([...spans, ...listings.map((l) => l.name)], self),
    codes,
  });
  const resolver = new CompanyResolver(self, known, spans);
  resolver.noteNamesUsed(spans);
  resolver.noteRoleNounCuts(spansAfterRoleNoun(parsed.modelText, spans));
  if (issuer && covered && covered.key !== issuer.key)
    resolver.resolve(covered.shortNames?.[0] ?? covered.name);
  // Former names before the full names, so a company's old name is that company, not a node of its own.
  for (const { name, formerName } of statedFormerNames(parsed.modelText))
    resolver.addFormerName(name, formerName);
  // Full names first, then the short names the document states for them, so a short name met
  // before its full name still finds it.
  // Longest first, so a span the model cut short finds the name it was cut from.
  const longestFirst = [...spans].sort((a, b) => b.length - a.length);
  for (const text of longestFirst) if (isFullName(cleanCompanyName(text))) resolver.resolve(text);
  for (const { fullName, alias } of statedAliases(parsed.modelText)) resolver.addAlias(fullName, alias);
  for (const name of statedLatinFirmNames(parsed.modelText)) resolver.noteCompanyName(name);
  const listed = listings.flatMap((l) => resolver.addListingCodes(l.name, l.aCode, l.hkCode) ?? []);
  const subsidiaries = self ? subsidiariesOf(parsed.modelText, resolver, self) : [];

  const entities = new Map<string, LinkedEntity>();
  const mentions: EntityMentionRow[] = [];
  const sentenceEvents: SentenceEvent[] = [];
  const use = (entity: LinkedEntity) => {
    entities.set(entity.key, entity);
    return entity;
  };
  for (const head of [issuer, covered, ...listed]) if (head) use(head);
  for (const s of subsidiaries) {
    const sub = resolver.known.find((c) => c.key === s.companyKey);
    if (sub) use(sub);
  }
  const afterSplits = afterPeopleSplits(known, documentId);
  const people = new Map(
    [...personContexts(parsed, extractions, resolver, self?.key, documentId)].map(([name, person]) => [
      name,
      afterSplits(person),
    ]),
  );
  const companyNames = companyNamesOf(resolver);

  parsed.sentences.forEach((sentence, i) => {
    const result = extractions[i];
    if (!result) return;
    const span = (start: number, end: number) => sentenceSourceSpan(parsed, sentence, start, end);
    const modelText = sentenceModelText(parsed, sentence);
    const around = sentenceSurroundings(parsed, sentence);

    const entityFor = (
      text: string,
      type: string,
      at: { start: number; end: number },
    ): { entity: LinkedEntity; reason?: string } | undefined => {
      // 公司 / 本公司 is the issuer, or nobody: a generic word never becomes a company of its own.
      if (type !== 'person' && SELF_NAME.test(text.trim())) {
        return self ? { entity: use(self), reason: 'self_reference' } : undefined;
      }
      if (type === 'company' || type === 'organization' || type === 'government') {
        const category = type === 'company' ? 'other' : organizationCategory(text, type);
        if (category === 'other' || category === 'financial') {
          if (HEADS_ANOTHER_NAME.test(modelText.slice(at.end, at.end + 60).replace(/\s+/g, '')))
            return undefined;
          const resolved = resolver.resolve(text);
          if (
            resolved?.reason === 'unique_short_name' &&
            headsAnotherName(text, modelText.slice(at.end, at.end + 40), resolved.entity.name)
          )
            return undefined;
          return resolved ? { entity: use(resolved.entity), reason: resolved.reason } : undefined;
        }
        const name = cleanCompanyName(text);
        if (isNotCompanyName(name)) return undefined;
        return { entity: use({ key: `org:${name}`, label: 'Organization', name, category }) };
      }
      if (type === 'person') {
        // The span may run past the name into a position or a form of address (杨鲁闽非 of 杨鲁闽非执行董事).
        const read = nameInSpan(modelText, at, around);
        const name = read.name;
        if (!isPersonName(name) || !standsAsPerson(modelText, read, companyNames, around)) return undefined;
        const person = people.get(name) ?? afterSplits(personIn(name, self?.key, documentId));
        people.set(name, person);
        return { entity: use(person) };
      }
      return undefined;
    };

    // Companies first, so people in the sentence find their company context.
    const ordered = [...result.entities]
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, MAX_ENTITIES_PER_SENTENCE)
      .sort((a, b) => rank(a.type) - rank(b.type));
    // A full name the model also read with its head (京新药业有限公司 inside 内蒙古京新药业有限公司) is
    // the longer name's company, not a company of its own.
    const fullSpan = (at: { start: number; end: number; text: string }, type: string) => {
      if (type === 'person' || !isFullName(cleanCompanyName(at.text))) return at;
      const outer = result.entities.find(
        (o) =>
          (o.type === 'company' || o.type === 'organization') &&
          o.end === at.end &&
          o.start < at.start &&
          isFullName(cleanCompanyName(o.text)),
      );
      if (outer) return outer;
      // The text before the span, across a line or sentence break, may complete a known name.
      const whole = knownNameAround(parsed.text, span(at.start, at.end)[0], at.text, resolver.known);
      return whole ? { ...at, text: whole } : at;
    };
    for (const e of ordered) {
      const outer = fullSpan(e, e.type);
      const whole = outer !== e ? entityFor(outer.text, e.type, outer) : undefined;
      // A longer span that is no name (a clause, unbalanced brackets) leaves the span its own name.
      const linked = whole
        ? { entity: whole.entity, reason: 'truncated_span' }
        : entityFor(e.text, e.type, e);
      if (!linked) continue;
      const [start, end] = span(e.start, e.end);
      mentions.push({
        entityKey: linked.entity.key,
        label: linked.entity.label,
        type: e.type,
        sentence: sentence.index,
        start,
        end,
        text: parsed.text.slice(start, end),
        confidence: e.confidence,
        ...(linked.reason ? { resolution: linked.reason } : {}),
      });
    }

    const strongest = [...result.events]
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, MAX_EVENTS_PER_SENTENCE);
    for (const event of strongest) {
      const info = input.eventTypes.get(event.type);
      if (!info) continue;
      const [ts, te] = span(event.trigger.start, event.trigger.end);
      const args: EventArgumentRow[] = [];
      const strongestArgs = [...event.arguments]
        .sort((a, b) => b.confidence - a.confidence)
        .slice(0, MAX_ARGUMENTS_PER_EVENT);
      for (const a of strongestArgs) {
        const role = info.roles.get(a.role);
        if (!role) continue;
        const read = POSITION_ROLES.has(role.key) ? positionInSentence(modelText, a) : a;
        const [start, end] = span(read.start, read.end);
        const base: Provenance = {
          sentence: sentence.index,
          start,
          end,
          text: read.text,
          confidence: a.confidence,
        };
        if (role.entityTypes.length === 0) {
          // A figure OCR read in doubt (a lost digit, an impossible grouping) is no fact to record.
          if (overlapsOcrDoubt([sentence], start, end)) continue;
          const value = normalizeArgumentValue(a.role, a.text, publishedAt);
          args.push({ ...base, role: a.role, roleKey: role.key, ...(value ? { value: value.display } : {}) });
          continue;
        }
        if (!SELF_NAME.test(a.text.trim()) && NOT_A_NAME.test(a.text.trim())) continue;
        // The model's entity type for the same span decides, when the role admits it.
        const modelType = result.entities.find((e) => e.start === a.start && e.end === a.end)?.type;
        const type =
          modelType && role.entityTypes.includes(modelType) ? modelType : (role.entityTypes[0] ?? 'company');
        const outer = fullSpan(a, type);
        const entity =
          (outer !== a ? entityFor(outer.text, type, outer)?.entity : undefined) ??
          entityFor(a.text, type, a)?.entity;
        if (!entity) {
          // Products, industries, positions: no node of their own yet; the argument keeps its text.
          args.push({ ...base, role: a.role, roleKey: role.key });
          continue;
        }
        args.push({ ...base, role: a.role, roleKey: role.key, entityKey: entity.key, label: entity.label });
      }
      sentenceEvents.push({
        type: event.type,
        typeKey: info.key,
        trigger: event.trigger.text,
        confidence: event.confidence,
        mention: {
          sentence: sentence.index,
          start: ts,
          end: te,
          text: parsed.text.slice(ts, te),
          confidence: event.trigger.confidence,
        },
        sentenceText: sentence.text,
        arguments: args,
      });
    }
  });

  const rating = ratingOf(parsed, covered, publishedAt);
  const ocrPages = parsed.pages.filter((p) => p.ocr);
  return {
    document: {
      id: documentId,
      kind: parsed.kind ?? job.kind,
      title: job.title ?? parsed.header.announcement?.title,
      publishedAt,
      fileName: job.fileName,
      mimeType: job.mimeType,
      sourceUrl: job.source?.url,
      sourceName: job.source?.name,
      pageCount: parsed.pages.length,
      ...(ocrPages.length > 0
        ? {
            ocrPages: ocrPages.map((p) => p.number),
            ocrConfidence: ocrPages.map((p) => p.ocr?.confidence ?? 0),
          }
        : {}),
      modelVersion: input.modelVersion,
      processedAt: input.processedAt ?? new Date().toISOString(),
      issuerKey: (issuer ?? covered)?.key,
    },
    sentences: parsed.sentences.map((s) => {
      const boxes = pageFractions(s.ocrBoxes, parsed.pages[s.page - 1]?.ocr?.size);
      return {
        index: s.index,
        page: s.page,
        start: s.start,
        end: s.end,
        text: s.text,
        ...(boxes ? { ocrBoxes: boxes } : {}),
      };
    }),
    // Copies: the resolver's objects stay its own, and the document's entities are plain data.
    entities: [...entities.values()].map((e) => ({
      ...e,
      ...(e.shortNames ? { shortNames: [...e.shortNames] } : {}),
    })),
    mentions,
    sentenceEvents,
    ...(subsidiaries.length > 0 ? { subsidiaries } : {}),
    ...(rating ? { rating } : {}),
  };
}

/** Every span the model read as a company, as an entity or as a company role of an event. */
function companySpans(extractions: readonly ExtractionResult[]): string[] {
  const names = new Set<string>();
  for (const result of extractions) {
    for (const e of result.entities) if (e.type === 'company' || e.type === 'organization') names.add(e.text);
    for (const ev of result.events)
      for (const a of ev.arguments) if (COMPANY_ROLES.has(a.role)) names.add(a.text);
  }
  return [...names];
}

/**
 * Names to look the graph up by: each span cleaned, without its ST mark, and for a full name its
 * core, the name without its legal form, and the core without a leading place ("无锡启辰半导体有限公司" → 启辰半导体), so a short-named node a news
 * item made is found when the filing names the company in full.
 */
function lookupNames(spans: readonly string[], self: LinkedEntity | undefined): string[] {
  const names = new Set<string>();
  for (const span of [...spans, ...(self ? [self.name, ...(self.shortNames ?? [])] : [])]) {
    const name = cleanCompanyName(span);
    if (isNotCompanyName(name)) continue;
    names.add(name);
    names.add(withoutListingPrefix(name).core);
    if (isFullName(name)) {
      const core = nameCore(name);
      // The core finds the same name under another legal form or after a place (中国银行,
      // 浙江京新药业股份有限公司 for 京新药业有限公司); cut, a short name a news item made.
      if (core.length >= 3) names.add(core);
      names.add(legalFormCore(name));
      for (const cut of [2, 3]) if (core.length - cut >= 3) names.add(core.slice(cut));
    }
  }
  return [...names];
}

/**
 * The issuer stated with both its codes in the text (a header with 证券代码:00981 over "中芯国际(证券代码:
 * 00981.HK/688981.SH)") carries both, keyed by the A-share code as the A-share filings' node is.
 */
function joinListingCodes(issuer: LinkedEntity, listings: readonly StatedListingCodes[]): void {
  const own = listings.find((l) => issuer.code === l.aCode || issuer.code === l.hkCode);
  if (!own) return;
  if (issuer.key === issuer.code) issuer.key = own.aCode;
  issuer.code = own.aCode;
  issuer.hkCode = own.hkCode;
}

/** Subsidiaries the document states (全资子公司 X有限公司), each its own node, linked to the issuer. */
function subsidiariesOf(text: string, resolver: CompanyResolver, parent: LinkedEntity): LinkedSubsidiary[] {
  const out: LinkedSubsidiary[] = [];
  for (const s of statedSubsidiaries(text)) {
    const resolved = resolver.resolve(s.name);
    if (!resolved || resolved.entity.key === parent.key) continue;
    out.push({ companyKey: resolved.entity.key, parentKey: parent.key, kind: s.kind });
  }
  return out;
}

function rank(type: string): number {
  return type === 'company' || type === 'organization' ? 0 : 1;
}

/** Boxes in points as fractions of the page size, flattened; undefined without both. */
function pageFractions(
  boxes: readonly PageBox[] | undefined,
  size: readonly [number, number] | undefined,
): number[] | undefined {
  if (!boxes || boxes.length === 0 || !size || size[0] <= 0 || size[1] <= 0) return undefined;
  const [width, height] = size;
  const fraction = (n: number, of: number) => Math.round((Math.min(Math.max(n, 0), of) / of) * 10000) / 10000;
  return boxes.flatMap(([l, t, r, b]) => [
    fraction(l, width),
    fraction(t, height),
    fraction(r, width),
    fraction(b, height),
  ]);
}

/** The company a document is by (an announcement's header) or about (a news item's headline). */
function issuerOf(parsed: ParsedDocument): LinkedEntity | undefined {
  const header = parsed.header.announcement;
  if (header && (header.stockCode || header.companyName)) {
    // An A+H company's header states both codes: one node, keyed by the primary one, carries both.
    // An A+B company's (000570、200570) is keyed by its A-share code, whichever its filing puts first.
    const mainland = header.securityCodes.filter((c) => c.exchange === 'SSE' || c.exchange === 'SZSE');
    const aCode = mainland.find((c) => !isBShareCode(c.code))?.code;
    const bCode = mainland.find((c) => isBShareCode(c.code))?.code;
    const hkCode = header.securityCodes.find((c) => c.exchange === 'HKEX')?.code;
    const dual = aCode && hkCode ? { code: aCode, hkCode } : undefined;
    const aAndB = aCode && bCode ? { code: aCode, bCode } : undefined;
    const key = aAndB ? aCode : header.stockCode;
    // A short name cut to its listing mark (ST) or a generic word is no name of the issuer.
    const shortName = header.shortName ? cleanCompanyName(header.shortName) : undefined;
    const shortNames = shortName && !isNotCompanyName(shortName) ? [shortName] : [];
    const name = cleanCompanyName(header.companyName ?? shortNames[0] ?? header.stockCode ?? '');
    return {
      key: key ?? `name:${name}`,
      label: 'Company',
      name,
      ...(header.stockCode ? { code: header.stockCode } : {}),
      ...dual,
      ...aAndB,
      ...(header.exchange ? { exchange: header.exchange } : {}),
      shortNames,
    };
  }
  const subject = parsed.header.news?.subject;
  if (!subject) return undefined;
  // A code as the press writes it (300401, 300401.SZ; 02318, 2318.HK), keyed as filings key it.
  const code = /^(\d{6})(?:\.S[HZ])?$/.exec(subject.code ?? '')?.[1] ?? hkCode(subject.code);
  const name = cleanCompanyName(subject.name);
  return {
    key: code ?? `name:${name}`,
    label: 'Company',
    name,
    ...(code ? { code } : {}),
    shortNames: [name],
  };
}

/**
 * A news item's or a note's company known by name, with the A-share code the text prints beside that name
 * (华谊兄弟（300027.SZ）) where its headline gave none: keyed by the code, as its filings are.
 */
function withStatedCode(company: LinkedEntity | undefined, parsed: ParsedDocument): LinkedEntity | undefined {
  if (!company || company.code || parsed.kind === 'announcement') return company;
  const code = statedCodeOf(parsed.modelText, company.name);
  return code ? { ...company, key: code, code } : company;
}

/** An HKEX code as the press writes it (02318, 2318.HK), as HKEX filings state it: five digits. */
function hkCode(code: string | undefined): string | undefined {
  const digits = /^(\d{4,5})(?:\.HK)?$/.exec(code ?? '')?.[1];
  return digits?.padStart(5, '0');
}

/**
 * The company a news item's headline names, when its wording showed none (华谊兄弟早盘低开飘绿, 金城医药收关注函):
 * the first span the model reads as a company in the headline that the story names again. A name the
 * headline alone carries is often a counterparty or an example.
 */
function headlineCompanyOf(
  parsed: ParsedDocument,
  extractions: readonly ExtractionResult[],
): LinkedEntity | undefined {
  if (parsed.kind !== 'news' && parsed.kind !== 'other') return undefined;
  const headline = headlineOf(parsed.modelText);
  if (!headline) return undefined;
  const headlineEnd = parsed.modelText.indexOf(headline) + headline.length;
  const story = parsed.modelText.slice(headlineEnd);
  const outlet = outletOf(headline);
  for (const [i, sentence] of parsed.sentences.entries()) {
    if (sentence.start >= headlineEnd) break;
    const named = firstCompanyNamedIn(extractions[i], story, outlet);
    if (named) return named;
  }
  return undefined;
}

/**
 * The first span of `extraction` the model reads as a company that `story` names again, as a company by name;
 * never the outlet whose byline leads the headline.
 */
function firstCompanyNamedIn(
  extraction: ExtractionResult | undefined,
  story: string,
  outlet?: string,
): LinkedEntity | undefined {
  const companies = (extraction?.entities ?? [])
    .filter((e) => e.type === 'company')
    .sort((a, b) => a.start - b.start);
  for (const e of companies) {
    const name = cleanCompanyName(e.text);
    if (isNotCompanyName(name) || SELF_NAME.test(name) || !story.includes(name)) continue;
    if (outlet && name.startsWith(outlet)) continue;
    return { key: `name:${name}`, label: 'Company', name, shortNames: [name] };
  }
  return undefined;
}

/**
 * The company a news item without a headline is about: the first span the model reads as a company in its
 * lead sentence that the rest of the story names again (近日，某某股份有限公司监事会收到…；某某股份…).
 */
function leadCompanyOf(
  parsed: ParsedDocument,
  extractions: readonly ExtractionResult[],
): LinkedEntity | undefined {
  // A broker's note that prints no covered "name (code)" is about the company its lead names, as a news item is.
  if (parsed.kind === 'announcement' || parsed.header.researchReport?.stock) return undefined;
  const lead = parsed.sentences[0];
  if (!lead) return undefined;
  // A report's lead may name its own broker (东方证券股份有限公司研究所): the author, not the subject.
  const outlet =
    parsed.header.researchReport?.broker ?? outletOf(parsed.modelText.slice(lead.start, lead.end));
  return firstCompanyNamedIn(extractions[0], parsed.modelText.slice(lead.end), outlet);
}

function coveredCompanyOf(parsed: ParsedDocument): LinkedEntity | undefined {
  const stock = parsed.header.researchReport?.stock;
  // A strategy report's first "name (code)" may be an index (上证综指(000001)): it covers no company.
  if (!stock || isNotCompanyName(cleanCompanyName(stock.shortName))) return undefined;
  return {
    key: stock.code,
    label: 'Company',
    name: stock.shortName,
    code: stock.code,
    exchange: stock.exchange,
    shortNames: [stock.shortName],
  };
}

function ratingOf(
  parsed: ParsedDocument,
  covered: LinkedEntity | undefined,
  publishedAt: string | undefined,
): LinkedRating | undefined {
  const report = parsed.header.researchReport;
  if (!report?.rating || !covered) return undefined;
  return {
    companyKey: covered.key,
    rating: report.rating.normalized,
    ...(report.rating.change ? { change: report.rating.change } : {}),
    ...(report.targetPrice
      ? {
          targetPrice: report.targetPrice.value,
          ...(report.targetPrice.upper ? { targetPriceHigh: report.targetPrice.upper } : {}),
          currency: report.targetPrice.currency,
        }
      : {}),
    ...(publishedAt ? { date: publishedAt } : {}),
    ...(report.broker ? { broker: report.broker } : {}),
    // Contacts (联系人, 研究助理, with or without a certificate) do not author research.
    analysts: report.analysts
      .filter((a) => a.role === 'analyst')
      .map((a) => ({
        name: a.name,
        ...(a.certificateNo ? { certificate: a.certificateNo } : {}),
      })),
    ...(report.forecasts.length > 0 ? { forecasts: report.forecasts.map(linkedForecast) } : {}),
  };
}

function linkedForecast(f: Forecast): LinkedForecast {
  const unit =
    f.metric === 'pe' ? '倍' : f.metric === 'eps' ? '元/股' : f.baseValue !== undefined ? '元' : f.unit;
  return { metric: f.metric, year: f.year, estimate: f.estimate, value: f.baseValue ?? f.value, unit };
}

/**
 * A known company's full name that the text states whole around a span the model cut at its start
 * (灵生物药品有限公司 in 金宇保灵生物药品有限公司, also across a line break: 顺丰速\n运（中国）有限公司): the text
 * itself, not a guess, completes the name.
 */
function knownNameAround(
  text: string,
  start: number,
  spanText: string,
  known: readonly LinkedEntity[],
): string | undefined {
  const cut = cleanCompanyName(spanText);
  for (const entity of known) {
    for (const raw of [entity.name, ...(entity.shortNames ?? [])]) {
      const name = cleanCompanyName(raw);
      if (name.length <= cut.length || !name.endsWith(cut) || !isFullName(name)) continue;
      // Walk back over the document text from the span, a character of the name's missing head at a time.
      let from = start;
      let k = name.length - cut.length;
      while (k > 0 && from > 0) {
        const c = text.charAt(from - 1);
        if (name.charAt(k - 1) === ' ') k--;
        else if (/\s/.test(c)) from--;
        else if (cleanCompanyName(c) === name.charAt(k - 1)) {
          from--;
          k--;
        } else break;
      }
      if (k === 0) return raw;
    }
  }
  return undefined;
}
