/**
 * Deals a document recalls from years before it was written: a report tracing how a company grew
 * (2014年公司耗资4.4亿元收购麦克韦尔), a story retelling a holder's earlier purchases (2013年6月，某某受让…).
 * They were events in their own day, in their own filings; here they are background (guideline §2).
 */

/** A year as written with a month: forecasts (2023年净利润) rarely carry one, dated facts do. */
const DATED_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月/g;
/** Any year as written (2016年, 2016 年). */
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/;
const YEARS = new RegExp(YEAR.source, 'g');
const CLAUSE_END = /[，,；;。！？!?]/;

/** How many years before the document a dated fact has to lie to be history rather than news. */
const HISTORY_YEARS = 2;

/** A year that is a forecast's or a plan's, or ends a range of them: 预计2023年, 到2025年, 2021-2023年. */
const FUTURE_YEAR = /(?:预计|预测|预期|目标|有望|将于?|到|至|[-~～—–])\s*$/;

/**
 * The year the document was written: its publication date, else the latest year its text dates a fact with
 * (a year followed by a month), else the latest year it writes that no forecast word leads. Undefined when
 * none is known.
 */
export function documentYear(text: string, publishedAt?: string): number | undefined {
  const published = publishedAt ? Number(publishedAt.slice(0, 4)) : Number.NaN;
  if (Number.isFinite(published)) return published;
  return latestYear(text, DATED_YEAR) ?? latestYear(text, YEARS, FUTURE_YEAR);
}

function latestYear(text: string, years: RegExp, unless?: RegExp): number | undefined {
  let latest: number | undefined;
  for (const m of text.matchAll(years)) {
    if (unless?.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const year = Number(m[1]);
    if (latest === undefined || year > latest) latest = year;
  }
  return latest;
}

/**
 * The year the sentence dates the fact at `triggerAt` with: the last year written before the trigger in the
 * sentence, else the first one after it in the trigger's clause.
 */
function factYear(sentence: string, triggerAt: number): number | undefined {
  let before: number | undefined;
  for (const m of sentence.slice(0, triggerAt).matchAll(YEARS)) before = Number(m[1]);
  if (before !== undefined) return before;
  const rest = sentence.slice(triggerAt);
  const end = rest.search(CLAUSE_END);
  const after = YEAR.exec(end < 0 ? rest : rest.slice(0, end));
  return after ? Number(after[1]) : undefined;
}

/** Whether the mention at `triggerAt` tells a fact dated years before the document was written. */
export function recalledHistory(sentence: string, triggerAt: number, year: number): boolean {
  const fact = factYear(sentence, triggerAt);
  return fact !== undefined && fact <= year - HISTORY_YEARS;
}
