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

/** A year's annual report (2018年年报, 2018年年度报告): published in the year after at the earliest. */
const ANNUAL_REPORT_YEAR = /(?<!\d)((?:19|20)\d{2})\s*年\s*(?:的)?(?:年报|年度报告)/g;

/** How many years before the document a dated fact has to lie to be history rather than news. */
const HISTORY_YEARS = 2;

/** A year that is a forecast's or a plan's, or ends a range of them: 预计2023年, 到2025年, 2021-2023年. */
const FUTURE_YEAR = /(?:预计|预测|预期|目标|有望|将于?|到|至|[-~～—–])\s*$/;

/**
 * The year the document was written: its publication date, else the latest year its text dates a fact with
 * (a year followed by a month), else the latest year it writes that no forecast word leads; never before the
 * year after an annual report it cites (a story citing the 2018年年报 is written in 2019 or later, whatever
 * older months it dates). Undefined when none is known.
 */
export function documentYear(text: string, publishedAt?: string): number | undefined {
  const published = publishedAt ? Number(publishedAt.slice(0, 4)) : Number.NaN;
  if (Number.isFinite(published)) return published;
  const stated = latestYear(text, DATED_YEAR) ?? latestYear(text, YEARS, FUTURE_YEAR);
  const reported = latestYear(text, ANNUAL_REPORT_YEAR);
  if (reported === undefined) return stated;
  return stated === undefined ? reported + 1 : Math.max(stated, reported + 1);
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

/** Words before a mention that set it years back whatever the dates: 早在…, 三年前, 十年前, 彼时. */
const LONG_AGO = /早在|(?<![\d年])(?:[2-9]|[1-9]\d)\s*年前|[两三四五六七八九十几]+年前|彼时/;

/**
 * Whether the mention at `triggerAt` tells a fact dated years before the document was written, or one the
 * sentence sets long ago in words (早在, 三年前). `year` is the document's (`documentYear`), when known.
 */
export function recalledHistory(sentence: string, triggerAt: number, year: number | undefined): boolean {
  if (LONG_AGO.test(sentence.slice(0, triggerAt))) return true;
  const fact = factYear(sentence, triggerAt);
  return year !== undefined && fact !== undefined && fact <= year - HISTORY_YEARS;
}

/**
 * What follows a year that makes it more than a bare year: a month (2021年5月), a financial period (2021年度,
 * 2021年上半年, 2021年一季度), a span (2021年以来, 2030年前) or a plan (2022年拟…, 2021年将…).
 */
const MORE_THAN_A_YEAR =
  /^\s*(?:\d|度|以来|前|内|至今|[上下]半年|[一二三四1-4]\s*季度|[QH]\d|第|年|[-~～—–至到])|^[^，,。；;]{0,12}?(?:拟|将|计划|预计|有望|准备|筹划)/;

const OPEN_TITLE = /[“《「『"]/g;
const CLOSE_TITLE = /[”》」』"]/g;

/** Whether text ending here is inside a quoted name (“2021年计量产品…项目”, 《2020年年度报告》). */
function insideTitle(before: string): boolean {
  return (before.match(OPEN_TITLE)?.length ?? 0) > (before.match(CLOSE_TITLE)?.length ?? 0);
}

/**
 * Whether the mention at `triggerAt` is dated by a year alone (公司2020年收购某某, 2016年，某某并购某某), not
 * later than the document's. News of a deal dates it to the day or says 近日; a year alone is how a report
 * or a story retells a company's past.
 */
export function datedByYearAlone(sentence: string, triggerAt: number, year: number | undefined): boolean {
  let last: RegExpExecArray | undefined;
  for (const m of sentence.slice(0, triggerAt).matchAll(YEARS)) last = m;
  if (!last || insideTitle(sentence.slice(0, last.index))) return false;
  const fact = Number(last[1]);
  if (year !== undefined && fact > year) return false;
  return !MORE_THAN_A_YEAR.test(sentence.slice(last.index + last[0].length, triggerAt));
}
