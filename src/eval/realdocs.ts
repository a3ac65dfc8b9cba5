/**
 * The real-document development set (data/realdocs/*.jsonl: gold facts of real filings, reports and news)
 * and its scorer. Predictions are `finkg extract --format duee-fin` lines keyed by document id.
 *
 * Events are scored as DuEE-fin scores them: per document and event type, predicted and gold events are paired
 * by the most shared role–argument pairs, then role–argument pairs are counted micro-averaged.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadEventRoles } from '../link/index.js';
import { normalizeRatingChange } from '../parse/research-rating.js';
import { toSimplified } from '../parse/traditional-to-simplified.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../vocabulary/document-kinds.js';
import { type Prf, prf } from './event-metrics.js';

/** Record roles by document-level type, from the one event schema (schemas/events.json). */
function recordRoles(): ReadonlyMap<string, ReadonlySet<string>> {
  const roles = new Map<string, Set<string>>();
  for (const info of loadEventRoles().values())
    roles.set(
      info.documentType,
      new Set([...(roles.get(info.documentType) ?? []), ...info.documentRoles.keys()]),
    );
  return roles;
}

// ---------------------------------------------------------------------------------------------------------------
// Records

/** A range ("不低于…不超过…") is gold-only: a predicted number inside it, ends included, matches. */
export interface ValueRange {
  min: number;
  max: number;
}

export type ArgumentValue = number | string | ValueRange;

export interface GoldArgument {
  role: string;
  /** The text as written (Simplified Chinese for Traditional sources). */
  argument: string;
  value?: ArgumentValue;
  /** ISO currency of an amount or price when it is not RMB (no FX conversion). */
  currency?: string;
  /** Other ways the document writes the same thing (short names, full names). */
  aliases?: string[];
  /** PDF page (1-based), for real-pdfs records. */
  page?: number;
  /** UTF-16 offsets in the source text, for corpus records. */
  start?: number;
  end?: number;
}

export interface GoldEvent {
  event_type: string;
  arguments: GoldArgument[];
}

export interface Price {
  value: number | null;
  currency: string | null;
  /** A stated range (目标价 12–14 元) instead of one value. */
  min?: number;
  max?: number;
}

/** A named person of a report; a name redacted in the published copy is null. */
export interface ReportPerson {
  name: string | null;
  certificate: string | null;
}

export interface ReportFields {
  broker: string | null;
  analysts: ReportPerson[];
  /** 联系人 / 研究助理: not scored. */
  contacts?: ReportPerson[];
  rating: string | null;
  ratingChange: string | null;
  targetPrice: Price | null;
  currentPrice?: Price | null;
  forecasts?: unknown[];
}

export interface GoldDocument {
  id: string;
  source: string;
  kind: DocumentKind;
  /**
   * header-only: only kind, issuer, date and report fields are gold (annual reports, quant reports, scans).
   * skip: read and found to be no document (a forum thread, a comment dump); never scored.
   */
  scope: 'events' | 'header-only' | 'skip';
  /** `codes`: every code printed (A and B shares, A and H); `code` is the first. */
  issuer: { name: string; code: string | null; aliases?: string[]; codes?: string[] } | null;
  date: string | null;
  events: GoldEvent[];
  report: ReportFields | null;
  /** Why something is or is not annotated, in the annotator's words. */
  note?: string;
  /** Team event annotations (data/team-events): the part a record belongs to; held-out is never trained on. */
  split?: 'train' | 'held-out';
}

/** One line of `finkg extract --format duee-fin`. */
export interface PredictedDocument {
  id?: string;
  event_list: {
    event_type: string;
    trigger?: string;
    arguments: { role: string; argument: string; value?: number | string; currency?: string }[];
  }[];
  document?: {
    kind?: string;
    issuer?: { name: string | null; code: string | null } | null;
    date?: string | null;
    report?: Partial<ReportFields> | null;
  };
}

/** Reads every *.jsonl file of the gold folder (real-pdfs.jsonl, corpus.jsonl), in file-name order. */
export async function loadRealDocsGold(dir: string): Promise<GoldDocument[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
  const documents: GoldDocument[] = [];
  for (const file of files) {
    const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        documents.push(JSON.parse(line) as GoldDocument);
      } catch (error) {
        throw new Error(`${file}:${i + 1}: not JSON (${(error as Error).message})`);
      }
    });
  }
  return documents;
}

/** Reads `finkg extract --format duee-fin` output (JSON Lines with an "id") into the map scoreRealDocs takes. */
export async function loadPredictions(file: string): Promise<Map<string, PredictedDocument>> {
  const predictions = new Map<string, PredictedDocument>();
  const lines = (await readFile(file, 'utf8')).split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line) as PredictedDocument;
    if (!doc.id) throw new Error(`${file}:${i + 1}: prediction without an id`);
    predictions.set(doc.id, doc);
  });
  return predictions;
}

/** Parses a corpus gold id, "corpus:<file stem>:<0-based line number>". */
export function parseCorpusId(id: string): { stem: string; line: number } | null {
  const m = /^corpus:([\w.-]+):(\d+)$/.exec(id);
  return m ? { stem: m[1] as string, line: Number(m[2]) } : null;
}

/** The texts of corpus gold documents (id → text), read from `<datasetsDir>/corpus/<stem>.jsonl`. */
export async function readCorpusTexts(
  datasetsDir: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, { id: string; line: number }[]>();
  for (const id of ids) {
    const parsed = parseCorpusId(id);
    if (!parsed) continue;
    wanted.set(parsed.stem, [...(wanted.get(parsed.stem) ?? []), { id, line: parsed.line }]);
  }
  const texts = new Map<string, string>();
  for (const [stem, entries] of wanted) {
    const lines = (await readFile(join(datasetsDir, 'corpus', `${stem}.jsonl`), 'utf8')).split('\n');
    for (const { id, line } of entries) {
      const raw = lines[line];
      if (raw) texts.set(id, (JSON.parse(raw) as { text: string }).text);
    }
  }
  return texts;
}

/** Date-like roles take ISO dates; 财报周期 also takes quarters and halves ("2025-Q1", "2025-H1"). */
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const PERIOD_VALUE = /^\d{4}(-(Q[1-4]|H[12]|\d{2}(-\d{2})?))?$/;

function valueProblem(role: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'value is not finite';
  if (typeof value === 'string') {
    if (role === '财报周期')
      return PERIOD_VALUE.test(value) ? null : `period value ${value} is not yyyy[-Qn|-Hn]`;
    if (/时间|日期/.test(role)) return DATE_VALUE.test(value) ? null : `date value ${value} is not ISO`;
    return null;
  }
  const range = value as Partial<ValueRange> | null;
  if (range && typeof range.min === 'number' && typeof range.max === 'number' && range.min <= range.max)
    return null;
  return 'value is neither a number, a string nor a {min, max} range';
}

/** What is wrong with one gold record against the schema (empty when well-formed). Offsets are checked by the caller. */
export function goldRecordProblems(doc: GoldDocument): string[] {
  const problems: string[] = [];
  const schema = recordRoles();
  const where = doc.id ?? '(no id)';
  if (!doc.id) problems.push('no id');
  if (!doc.source) problems.push(`${where}: no source`);
  if (!DOCUMENT_KINDS.includes(doc.kind)) problems.push(`${where}: kind ${doc.kind}`);
  if (!['events', 'header-only', 'skip'].includes(doc.scope)) problems.push(`${where}: scope ${doc.scope}`);
  if (doc.date !== null && !DATE_VALUE.test(doc.date ?? '')) problems.push(`${where}: date ${doc.date}`);
  if (!Array.isArray(doc.events)) problems.push(`${where}: events is not a list`);
  if (doc.scope !== 'events' && doc.events?.length) problems.push(`${where}: ${doc.scope} with events`);
  for (const event of doc.events ?? []) {
    const roles = schema.get(event.event_type);
    if (!roles) {
      problems.push(`${where}: unknown event type ${event.event_type}`);
      continue;
    }
    if (!event.arguments?.length) problems.push(`${where}: ${event.event_type} without arguments`);
    for (const arg of event.arguments ?? []) {
      if (!roles.has(arg.role)) problems.push(`${where}: ${event.event_type} has no role ${arg.role}`);
      if (typeof arg.argument !== 'string' || !arg.argument.trim()) {
        problems.push(`${where}: ${event.event_type}.${arg.role} has an empty argument`);
      }
      const problem = valueProblem(arg.role, arg.value);
      if (problem) problems.push(`${where}: ${event.event_type}.${arg.role} ${problem}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Argument matching

// A defined-term note inside a name (（以下简称"X"）) is not part of the name: the guideline puts the short name in
// aliases, and annotators who kept a note inside a longer span (X（简称"Y"）80%股权) meant the same value.
const DEFINED_TERM_NOTE = /\((?:以下)?(?:简称|下称|称)?["「『][^"」』]*["」』]\)/g;

/** NFKC, no whitespace, case folded, Traditional → Simplified, defined-term notes dropped: how argument texts are compared. */
export function normaliseArgument(text: string): string {
  const folded = text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return toSimplified(folded).text.replace(/[“”]/g, '"').replace(DEFINED_TERM_NOTE, '');
}

/** Roles whose values are fractions (8.5% → 0.085): compared to 1e-4, the rest (yuan, shares) to the unit. */
function isRatioRole(role: string): boolean {
  return /比例|比$|占.*比/.test(role);
}

function valuesEqual(role: string, gold: ArgumentValue, predicted: number | string): boolean {
  if (typeof gold === 'object') {
    return typeof predicted === 'number' && predicted >= gold.min - 1e-9 && predicted <= gold.max + 1e-9;
  }
  if (typeof gold === 'number' && typeof predicted === 'number') {
    return isRatioRole(role)
      ? Math.abs(gold - predicted) <= 1e-4
      : Math.round(gold) === Math.round(predicted);
  }
  return typeof gold === 'string' && typeof predicted === 'string' && gold === predicted;
}

interface ArgumentLike {
  role: string;
  argument: string;
  value?: ArgumentValue;
  currency?: string;
  aliases?: string[];
}

interface PredictedArgumentLike {
  role: string;
  argument: string;
  value?: number | string;
  currency?: string;
}

/** Same role, and the same normalised text, a gold alias, or the same normalised value (inside a gold range). */
export function argumentMatches(gold: ArgumentLike, predicted: PredictedArgumentLike): boolean {
  if (gold.role !== predicted.role) return false;
  const text = normaliseArgument(predicted.argument ?? '');
  if (text && text === normaliseArgument(gold.argument)) return true;
  if (text && (gold.aliases ?? []).some((alias) => normaliseArgument(alias) === text)) return true;
  // Values in two stated, different currencies never match (no FX conversion).
  if (gold.currency && predicted.currency && gold.currency !== predicted.currency) return false;
  return (
    gold.value !== undefined &&
    predicted.value !== undefined &&
    valuesEqual(gold.role, gold.value, predicted.value)
  );
}

/** Gold arguments matched one-to-one by predicted ones; the indexes of the matched gold arguments. */
function matchedGoldArguments(
  gold: readonly ArgumentLike[],
  predicted: readonly PredictedArgumentLike[],
): number[] {
  const used = new Set<number>();
  const matched: number[] = [];
  gold.forEach((g, gi) => {
    const pi = predicted.findIndex((p, k) => !used.has(k) && argumentMatches(g, p));
    if (pi >= 0) {
      used.add(pi);
      matched.push(gi);
    }
  });
  return matched;
}

/**
 * Pairs predicted with gold events of one type, greedily by the most shared role–argument pairs (ties: earlier
 * events first). Every event of the smaller side gets a partner, as in DuEE-fin's evaluation.
 */
export function pairEvents(
  gold: readonly { arguments: readonly ArgumentLike[] }[],
  predicted: readonly { arguments: readonly PredictedArgumentLike[] }[],
): { gold: number; predicted: number; shared: number }[] {
  const candidates: { gold: number; predicted: number; shared: number }[] = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      candidates.push({
        gold: gi,
        predicted: pi,
        shared: matchedGoldArguments(g.arguments, p.arguments).length,
      });
    });
  });
  candidates.sort((a, b) => b.shared - a.shared || a.gold - b.gold || a.predicted - b.predicted);
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  const pairs: { gold: number; predicted: number; shared: number }[] = [];
  for (const c of candidates) {
    if (goldUsed.has(c.gold) || predictedUsed.has(c.predicted)) continue;
    goldUsed.add(c.gold);
    predictedUsed.add(c.predicted);
    pairs.push(c);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------------------------
// Scores

export const REPORT_FIELDS = [
  'broker',
  'analysts',
  'certificates',
  'rating',
  'ratingChange',
  'targetPrice',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface Accuracy {
  accuracy: number;
  correct: number;
  total: number;
}

export interface RealDocsScore {
  documents: { gold: number; events: number; headerOnly: number; missingPredictions: string[] };
  /** Role–argument pairs, micro-averaged over documents whose scope is "events". */
  arguments: Prf;
  byType: Record<string, Prf>;
  /** Keyed by role name over all types (披露时间 of every type together). */
  byRole: Record<string, Prf>;
  /** Keyed `type.role`. */
  byTypeRole: Record<string, Prf>;
  /** Gold events paired with a predicted event that has every gold argument right. */
  completeRecords: Accuracy;
  /** Documents (scope "events") with a predicted event of a type the gold has none of. */
  falseEventDocuments: Accuracy & { ids: string[] };
  reportFields: Record<ReportField, Accuracy>;
  kind: Accuracy;
  /** Name (or alias) right, and the code one of the printed codes when any is printed; no issuer ↔ none predicted. */
  issuer: Accuracy;
  /** Over documents whose gold date is not null. */
  date: Accuracy;
}

type Counts = { correct: number; predicted: number; gold: number };

function add(table: Map<string, Counts>, key: string, delta: Partial<Counts>): void {
  const counts = table.get(key) ?? { correct: 0, predicted: 0, gold: 0 };
  counts.correct += delta.correct ?? 0;
  counts.predicted += delta.predicted ?? 0;
  counts.gold += delta.gold ?? 0;
  table.set(key, counts);
}

function toPrf(table: Map<string, Counts>): Record<string, Prf> {
  const keys = [...table.keys()].sort();
  return Object.fromEntries(
    keys.map((k) => {
      const c = table.get(k) as Counts;
      return [k, prf(c.correct, c.predicted, c.gold)];
    }),
  );
}

function accuracy(correct: number, total: number): Accuracy {
  return { accuracy: total === 0 ? 0 : correct / total, correct, total };
}

function textsEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normaliseArgument(a) === normaliseArgument(b);
}

function sameSet(gold: readonly string[], predicted: readonly string[]): boolean {
  const g = new Set(gold.map(normaliseArgument));
  const p = new Set(predicted.map(normaliseArgument));
  return g.size === p.size && [...g].every((x) => p.has(x));
}

/** Whether the gold report states the field; fields it leaves out are not scored. */
export function reportFieldStated(gold: ReportFields, field: ReportField): boolean {
  switch (field) {
    case 'broker':
      return !!gold.broker;
    case 'analysts':
      return namesOf(gold.analysts).length > 0;
    case 'certificates':
      return certificatesOf(gold.analysts).length > 0;
    case 'rating':
      return !!gold.rating;
    case 'ratingChange':
      return !!gold.ratingChange;
    case 'targetPrice':
      return gold.targetPrice?.value != null || gold.targetPrice?.min != null;
  }
}

/** Names and certificates as printed; redacted (null) entries say nothing. */
function namesOf(people: readonly ReportPerson[] | undefined): string[] {
  return (people ?? []).flatMap((p) => (p.name ? [p.name] : []));
}

function certificatesOf(people: readonly ReportPerson[] | undefined): string[] {
  return (people ?? []).flatMap((p) => (p.certificate ? [p.certificate] : []));
}

/** To the cent, in the same currency; a gold range takes any value inside it, ends included. */
/** A range is stored as {min, max} beside `value` or, as arguments store it, as `value` itself. */
function priceRange(price: Price): { min: number; max: number } | undefined {
  const value = price.value as Price['value'] | { min: number; max: number };
  if (value != null && typeof value === 'object') return value;
  return price.min != null && price.max != null ? { min: price.min, max: price.max } : undefined;
}

/** A predicted range must have the gold range's ends; a single predicted value may lie in the gold range. */
function priceRight(gold: Price, predicted: Price | null | undefined): boolean {
  if (predicted?.value == null || gold.currency !== predicted.currency) return false;
  const near = (a: number, b: number) => Math.abs(a - b) < 0.005;
  const range = priceRange(gold);
  const said = priceRange(predicted);
  if (range && said) return near(range.min, said.min) && near(range.max, said.max);
  if (range) return predicted.value >= range.min - 0.005 && predicted.value <= range.max + 0.005;
  return !said && gold.value != null && near(gold.value, predicted.value);
}

/** A change word right as printed or as the same move (首次覆盖 is 首次, 上调至 is 上调). */
function changesEqual(gold: string | null, predicted: string | null | undefined): boolean {
  if (textsEqual(gold, predicted)) return true;
  const g = gold ? normalizeRatingChange(gold) : null;
  return g !== null && g === (predicted ? normalizeRatingChange(predicted) : null);
}

export function reportFieldRight(
  gold: ReportFields,
  predicted: Partial<ReportFields> | null | undefined,
  field: ReportField,
) {
  if (!predicted) return false;
  switch (field) {
    case 'broker':
      return textsEqual(gold.broker, predicted.broker);
    case 'analysts':
      return sameSet(namesOf(gold.analysts), namesOf(predicted.analysts));
    case 'certificates':
      return sameSet(certificatesOf(gold.analysts), certificatesOf(predicted.analysts));
    case 'rating':
      return textsEqual(gold.rating, predicted.rating);
    case 'ratingChange':
      return changesEqual(gold.ratingChange, predicted.ratingChange);
    case 'targetPrice':
      return priceRight(gold.targetPrice as Price, predicted.targetPrice);
  }
}

function issuerRight(
  gold: GoldDocument['issuer'],
  predicted: { name: string | null; code: string | null } | null | undefined,
) {
  if (!gold) return !predicted || (!predicted.name && !predicted.code);
  if (!predicted?.name) return false;
  const names = [gold.name, ...(gold.aliases ?? [])];
  const nameRight = names.some((n) => textsEqual(n, predicted.name));
  const codes = [gold.code, ...(gold.codes ?? [])].filter((c): c is string => !!c);
  return nameRight && (codes.length === 0 || codes.includes(predicted.code ?? ''));
}

/**
 * Scores predictions (document id → duee-fin output) against the gold set. A gold document with no prediction
 * counts as an empty one (listed in documents.missingPredictions); predictions for unknown ids are ignored.
 */
export function scoreRealDocs(
  gold: readonly GoldDocument[],
  predicted: ReadonlyMap<string, PredictedDocument> | Readonly<Record<string, PredictedDocument>>,
): RealDocsScore {
  const lookup = (id: string): PredictedDocument | undefined =>
    predicted instanceof Map ? predicted.get(id) : (predicted as Record<string, PredictedDocument>)[id];

  const overall: Counts = { correct: 0, predicted: 0, gold: 0 };
  const byType = new Map<string, Counts>();
  const byRole = new Map<string, Counts>();
  const byTypeRole = new Map<string, Counts>();
  const count = (type: string, role: string, delta: Partial<Counts>) => {
    overall.correct += delta.correct ?? 0;
    overall.predicted += delta.predicted ?? 0;
    overall.gold += delta.gold ?? 0;
    add(byType, type, delta);
    add(byRole, role, delta);
    add(byTypeRole, `${type}.${role}`, delta);
  };

  let completeCorrect = 0;
  let goldEvents = 0;
  const falseEventIds: string[] = [];
  const missing: string[] = [];
  const reportCounts = Object.fromEntries(REPORT_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<
    ReportField,
    { correct: number; total: number }
  >;
  const kind = { correct: 0, total: 0 };
  const issuer = { correct: 0, total: 0 };
  const date = { correct: 0, total: 0 };
  let eventDocuments = 0;

  for (const doc of gold) {
    if (doc.scope === 'skip') continue;
    const prediction = lookup(doc.id);
    if (!prediction) missing.push(doc.id);
    const header = prediction?.document;

    kind.total++;
    if (header?.kind === doc.kind) kind.correct++;
    issuer.total++;
    if (issuerRight(doc.issuer, header?.issuer)) issuer.correct++;
    // A document that prints no date is not scored for it.
    if (doc.date) {
      date.total++;
      if (header?.date === doc.date) date.correct++;
    }
    if (doc.report) {
      for (const field of REPORT_FIELDS) {
        if (!reportFieldStated(doc.report, field)) continue;
        reportCounts[field].total++;
        if (reportFieldRight(doc.report, header?.report, field)) reportCounts[field].correct++;
      }
    }

    if (doc.scope !== 'events') continue;
    eventDocuments++;
    const predictedEvents = prediction?.event_list ?? [];
    const goldTypes = new Set(doc.events.map((e) => e.event_type));
    if (predictedEvents.some((e) => !goldTypes.has(e.event_type))) falseEventIds.push(doc.id);

    const types = new Set([...goldTypes, ...predictedEvents.map((e) => e.event_type)]);
    for (const type of types) {
      const g = doc.events.filter((e) => e.event_type === type);
      const p = predictedEvents.filter((e) => e.event_type === type);
      goldEvents += g.length;
      for (const e of g) for (const a of e.arguments) count(type, a.role, { gold: 1 });
      for (const e of p) for (const a of e.arguments) count(type, a.role, { predicted: 1 });
      for (const pair of pairEvents(g, p)) {
        const goldEvent = g[pair.gold] as GoldEvent;
        const matched = matchedGoldArguments(
          goldEvent.arguments,
          (p[pair.predicted] as (typeof p)[number]).arguments,
        );
        for (const gi of matched) count(type, (goldEvent.arguments[gi] as GoldArgument).role, { correct: 1 });
        if (matched.length === goldEvent.arguments.length) completeCorrect++;
      }
    }
  }

  return {
    documents: {
      gold: gold.length,
      events: eventDocuments,
      headerOnly: gold.length - eventDocuments,
      missingPredictions: missing,
    },
    arguments: prf(overall.correct, overall.predicted, overall.gold),
    byType: toPrf(byType),
    byRole: toPrf(byRole),
    byTypeRole: toPrf(byTypeRole),
    completeRecords: accuracy(completeCorrect, goldEvents),
    falseEventDocuments: { ...accuracy(falseEventIds.length, eventDocuments), ids: falseEventIds },
    reportFields: Object.fromEntries(
      REPORT_FIELDS.map((f) => [f, accuracy(reportCounts[f].correct, reportCounts[f].total)]),
    ) as Record<ReportField, Accuracy>,
    kind: accuracy(kind.correct, kind.total),
    issuer: accuracy(issuer.correct, issuer.total),
    date: accuracy(date.correct, date.total),
  };
}
