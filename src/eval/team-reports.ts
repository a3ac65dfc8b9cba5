/**
 * The team's report-field gold of broker reports from the corpus (data/team-reports/reports.jsonl) and its
 * scorer. Fields are scored as realdocs scores them (reportFieldStated / reportFieldRight): a field counts
 * in the reports that state it, and a value the product gives where the gold has none is a false value.
 */
import { readFile } from 'node:fs/promises';
import { normalizeDate } from '../normalize/dates.js';
import type { DocumentKind } from '../vocabulary/document-kinds.js';
import {
  type Accuracy,
  type PredictedDocument,
  type Price,
  REPORT_FIELDS,
  type ReportField,
  type ReportFields,
  reportFieldRight,
  reportFieldStated,
} from './realdocs.js';

export interface TeamReportFields extends ReportFields {
  /** The covered company; null for industry, strategy and quant reports and for reports on several companies. */
  stock: { name: string; code: string | null } | null;
  /** ISO date the report prints for itself; null when it prints none (or only a month). */
  date: string | null;
}

/** Where a value is printed: offsets into the corpus text, `field` a path such as analysts.0.certificate. */
export interface ValueSpan {
  field: string;
  start: number;
  end: number;
}

export interface TeamReportDocument {
  id: string;
  /** corpus/<file>.jsonl:<line> */
  source: string;
  /** The repository the corpus took the text from. */
  origin: string;
  split: 'dev' | 'held-out';
  /**
   * Which annotation round the document came in: absent for the first seeded sample (the one the rules were
   * developed on), `second-sample` for reports added later to estimate what unseen reports get.
   */
  batch?: string;
  kind: DocumentKind;
  /** Null when the document is no research report. */
  report: TeamReportFields | null;
  spans: ValueSpan[];
  note?: string;
}

export async function loadTeamReports(file: string): Promise<TeamReportDocument[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TeamReportDocument);
}

/** The gold value a span points at, by its dotted path. */
function valueAt(report: TeamReportFields, field: string): unknown {
  return field.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[key];
  }, report);
}

function priceValue(price: unknown): number | undefined {
  const value = (price as Price | null)?.value;
  return typeof value === 'number' ? value : undefined;
}

/** Each span's text must be its value as printed (a price's number, a date that normalises to the gold date). */
export function spanProblems(doc: TeamReportDocument, text: string): string[] {
  const problems: string[] = [];
  const report = doc.report;
  for (const span of doc.spans) {
    const printed = text.slice(span.start, span.end);
    const where = `${doc.id} ${span.field} [${span.start},${span.end}) "${printed}"`;
    if (!report) {
      problems.push(`${where}: no report to point into`);
      continue;
    }
    let ok: boolean;
    if (span.field === 'targetPrice' || span.field === 'currentPrice') {
      ok = Number(printed.replace(/,/g, '')) === priceValue(report[span.field]);
    } else if (span.field === 'date') {
      ok = normalizeDate(printed)?.iso === report.date;
    } else {
      ok = printed === valueAt(report, span.field);
    }
    if (!ok) problems.push(`${where}: not the gold value`);
  }
  return problems;
}

/** Whether the product gave the field a value at all. */
function predictedStates(predicted: Partial<ReportFields> | null | undefined, field: ReportField): boolean {
  if (!predicted) return false;
  switch (field) {
    case 'analysts':
      return (predicted.analysts ?? []).some((a) => !!a.name);
    case 'certificates':
      return (predicted.analysts ?? []).some((a) => !!a.certificate);
    case 'targetPrice':
      return predicted.targetPrice?.value != null;
    default:
      return !!predicted[field];
  }
}

export interface FieldMiss {
  id: string;
  field: ReportField | 'kind' | 'date';
  gold: unknown;
  predicted: unknown;
}

export interface TeamReportsScore {
  documents: number;
  /** Kind told from the content (documents submitted without one). */
  kind: Accuracy;
  /** Over reports that print a full date. */
  date: Accuracy;
  /** Right values over the reports that state the field. */
  fields: Record<ReportField, Accuracy>;
  /** `correct` counts reports given a value where the gold has none, over `total` such reports. */
  falseValues: Record<ReportField, Accuracy>;
  misses: FieldMiss[];
}

const accuracy = (correct: number, total: number): Accuracy => ({
  accuracy: total === 0 ? 0 : correct / total,
  correct,
  total,
});

function goldValue(report: TeamReportFields, field: ReportField): unknown {
  if (field === 'certificates') return report.analysts.map((a) => a.certificate);
  return report[field];
}

function predictedValue(predicted: Partial<ReportFields> | null | undefined, field: ReportField): unknown {
  if (!predicted) return null;
  if (field === 'certificates') return (predicted.analysts ?? []).map((a) => a.certificate);
  return predicted[field] ?? null;
}

/** Scores predictions (id → duee-fin output) against the gold; a document with no prediction counts as empty. */
export function scoreTeamReports(
  gold: readonly TeamReportDocument[],
  predictions: ReadonlyMap<string, PredictedDocument>,
): TeamReportsScore {
  type Count = { correct: number; total: number };
  const counters = () =>
    Object.fromEntries(REPORT_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<ReportField, Count>;
  const right = counters();
  const wrongly = counters();
  const kind: Count = { correct: 0, total: 0 };
  const date: Count = { correct: 0, total: 0 };
  const misses: FieldMiss[] = [];
  for (const doc of gold) {
    const header = predictions.get(doc.id)?.document;
    kind.total++;
    if (header?.kind === doc.kind) kind.correct++;
    else misses.push({ id: doc.id, field: 'kind', gold: doc.kind, predicted: header?.kind ?? null });
    const predicted = header?.report;
    if (doc.report?.date) {
      date.total++;
      if (header?.date === doc.report.date) date.correct++;
      else misses.push({ id: doc.id, field: 'date', gold: doc.report.date, predicted: header?.date ?? null });
    }
    for (const field of REPORT_FIELDS) {
      const stated = !!doc.report && reportFieldStated(doc.report, field);
      const counts = stated ? right[field] : wrongly[field];
      counts.total++;
      // A stated field counts when right; an unstated one counts (as a false value) when the product fills it.
      const hit = stated
        ? reportFieldRight(doc.report as ReportFields, predicted, field)
        : predictedStates(predicted, field);
      if (hit) counts.correct++;
      if (hit !== stated) {
        const goldField = doc.report ? goldValue(doc.report, field) : null;
        misses.push({ id: doc.id, field, gold: goldField, predicted: predictedValue(predicted, field) });
      }
    }
  }
  const table = (counts: Record<ReportField, Count>) =>
    Object.fromEntries(REPORT_FIELDS.map((f) => [f, accuracy(counts[f].correct, counts[f].total)])) as Record<
      ReportField,
      Accuracy
    >;
  return {
    documents: gold.length,
    kind: accuracy(kind.correct, kind.total),
    date: accuracy(date.correct, date.total),
    fields: table(right),
    falseValues: table(wrongly),
    misses,
  };
}

/** Fields compared between two annotators: the scored ones and what the gold keeps beside them. */
export const AGREEMENT_FIELDS = [
  'kind',
  'broker',
  'analysts',
  'certificates',
  'contacts',
  'rating',
  'ratingChange',
  'targetPrice',
  'currentPrice',
  'stock',
  'date',
] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];

/** A field's value in a comparable form: people as sorted sets, prices and stocks as JSON, absent as null. */
function comparable(doc: TeamReportDocument, field: AgreementField): string {
  if (field === 'kind') return doc.kind;
  const r = doc.report;
  if (!r) return 'null';
  const sorted = (xs: (string | null)[]) => JSON.stringify(xs.filter((x) => x !== null).sort());
  switch (field) {
    case 'analysts':
      return sorted(r.analysts.map((a) => a.name));
    case 'certificates':
      return sorted(r.analysts.map((a) => a.certificate));
    case 'contacts':
      return sorted((r.contacts ?? []).map((a) => a.name));
    case 'targetPrice':
    case 'currentPrice':
    case 'stock':
      return JSON.stringify(r[field] ?? null);
    default:
      return JSON.stringify(r[field] ?? null);
  }
}

export interface TeamReportsAgreement {
  documents: number;
  /** Reports where both annotators wrote the same value, per field. */
  fields: Record<AgreementField, Accuracy>;
  disagreements: { id: string; field: AgreementField; first: string; second: string }[];
}

/** Exact value agreement of two annotations of the same documents, field by field. */
export function teamReportsAgreement(
  first: readonly TeamReportDocument[],
  second: readonly TeamReportDocument[],
): TeamReportsAgreement {
  const other = new Map(second.map((d) => [d.id, d]));
  const both = first.filter((d) => other.has(d.id));
  const disagreements: TeamReportsAgreement['disagreements'] = [];
  const fields = Object.fromEntries(
    AGREEMENT_FIELDS.map((field) => {
      let same = 0;
      for (const doc of both) {
        const a = comparable(doc, field);
        const b = comparable(other.get(doc.id) as TeamReportDocument, field);
        if (a === b) same++;
        else disagreements.push({ id: doc.id, field, first: a, second: b });
      }
      return [field, accuracy(same, both.length)];
    }),
  ) as Record<AgreementField, Accuracy>;
  return { documents: both.length, fields, disagreements };
}
