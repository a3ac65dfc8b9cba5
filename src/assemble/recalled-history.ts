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

/**
 * The year the document was written: its publication date, else the latest year its text dates a fact with
 * (a year followed by a month). Undefined when neither is known.
 */
export function documentYear(text: string, publishedAt?: string): number | undefined {
  const published = publishedAt ? Number(publishedAt.slice(0, 4)) : Number.NaN;
  if (Number.isFinite(published)) return published;
  let latest: number | undefined;
  for (const m of text.matchAll(DATED_YEAR)) {
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
