import { parseChineseNumber } from './chinese-number.js';

export type DatePrecision = 'day' | 'month' | 'year';

export interface NormalizedDate {
  /** ISO 8601 at the given precision: YYYY-MM-DD, YYYY-MM or YYYY. */
  iso: string;
  precision: DatePrecision;
  /** True when resolved against the reference date (去年, 12月31日 without a year, …). */
  relative: boolean;
  /** True for vague expressions such as 近日 or 本周 that only approximate a day. */
  approximate?: boolean;
}

export interface DateContext {
  /** Publication date of the document (ISO string or Date); anchors relative expressions. */
  publishedAt?: string | Date;
  /** Year to use for month/day expressions without a year, when known from the surrounding text. */
  contextYear?: number;
}

/**
 * The zero of a year in Chinese numerals as filings print it: 〇, and its look-alikes ○ (a circle), O and Ｏ (the
 * letter): 二O一九年, 二○○一年.
 */
const ZERO_LOOKALIKE = /[○OＯ]/g;
/** A written year: 2019, or four Chinese numerals (二〇一九, 二O一九), spaces between them allowed (二 O 一八). */
export const WRITTEN_YEAR =
  '(?:(?:19|20)\\d{2}|[二〇○OＯ零一三四五六七八九](?:\\s?[二〇○OＯ零一三四五六七八九]){3})';

const NUM = '[0-9０-９]{1,4}|[零〇○OＯ一二两三四五六七八九十]{1,5}';

function toInt(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^[0-9]+$/.test(ascii) ? Number(ascii) : parseChineseNumber(ascii);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  year: number,
  month: number | null,
  day: number | null,
  relative: boolean,
): NormalizedDate | null {
  if (year < 1900 || year > 2200) return null;
  if (month === null) return { iso: pad(year, 4), precision: 'year', relative };
  if (month < 1 || month > 12) return null;
  if (day === null) return { iso: `${pad(year, 4)}-${pad(month)}`, precision: 'month', relative };
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day', relative };
}

function referenceDate(ctx: DateContext): Date | null {
  if (ctx.publishedAt === undefined) return null;
  const d = ctx.publishedAt instanceof Date ? ctx.publishedAt : new Date(ctx.publishedAt);
  return Number.isNaN(d.getTime()) ? null : d;
}

function fromDate(d: Date, relative: boolean, approximate = false): NormalizedDate {
  const out: NormalizedDate = {
    iso: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    precision: 'day',
    relative,
  };
  if (approximate) out.approximate = true;
  return out;
}

function shiftDays(d: Date, days: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days));
}

const RELATIVE_DAYS: Readonly<Record<string, { days: number; approximate?: boolean }>> = {
  今日: { days: 0 },
  今天: { days: 0 },
  当日: { days: 0 },
  昨日: { days: -1 },
  昨天: { days: -1 },
  前日: { days: -2 },
  前天: { days: -2 },
  明日: { days: 1 },
  明天: { days: 1 },
  次日: { days: 1 },
  近日: { days: 0, approximate: true },
  日前: { days: 0, approximate: true },
  本周: { days: 0, approximate: true },
  近期: { days: 0, approximate: true },
};

const RELATIVE_MONTHS: Readonly<Record<string, number>> = {
  本月: 0,
  当月: 0,
  上月: -1,
  上个月: -1,
  下月: 1,
  下个月: 1,
};
const RELATIVE_YEARS: Readonly<Record<string, number>> = {
  今年: 0,
  本年: 0,
  当年: 0,
  本年度: 0,
  去年: -1,
  上年: -1,
  上一年: -1,
  上年度: -1,
  前年: -2,
  明年: 1,
  下一年: 1,
};

function resolveRelative(text: string, ref: Date): NormalizedDate | null {
  const day = RELATIVE_DAYS[text];
  if (day) return fromDate(shiftDays(ref, day.days), true, day.approximate);
  const monthShift = RELATIVE_MONTHS[text];
  if (monthShift !== undefined) {
    const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + monthShift, 1));
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, null, true);
  }
  const yearShift = RELATIVE_YEARS[text];
  if (yearShift !== undefined) return build(ref.getUTCFullYear() + yearShift, null, null, true);
  return null;
}

/** Year for a month/day written without one: explicit context, else the publication year. */
function inferYear(month: number, day: number | null, ctx: DateContext, ref: Date | null): number | null {
  if (ctx.contextYear !== undefined) return ctx.contextYear;
  if (!ref) return null;
  const year = ref.getUTCFullYear();
  // A report published in early January that mentions "12月31日" means last year.
  const candidate = Date.UTC(year, month - 1, day ?? 1);
  const sixMonths = 183 * 24 * 3600 * 1000;
  return candidate - ref.getTime() > sixMonths ? year - 1 : year;
}

/**
 * Normalises one date expression: 2019年12月31日, 2017年4月, 2019年, 2019-12-31, 2019/12/31,
 * 二〇一九年十二月三十一日, 12月31日 (year from context), and relative words
 * (本月, 上月, 去年, 今年, 近日, 本周, 昨日…) resolved against `publishedAt`.
 */
export function normalizeDate(input: string, ctx: DateContext = {}): NormalizedDate | null {
  const compact = input.trim().replace(/\s+/g, '');
  const text = /[零〇一二三四五六七八九]/.test(compact) ? compact.replace(ZERO_LOOKALIKE, '〇') : compact;
  const ref = referenceDate(ctx);

  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), false);

  m = new RegExp(`^(${NUM})年(?:度)?(?:(${NUM})月(?:份)?(?:(${NUM})[日号])?)?$`, 'u').exec(text);
  if (m?.[1] !== undefined) {
    const year = toInt(m[1]);
    const month = m[2] === undefined ? null : toInt(m[2]);
    const day = m[3] === undefined ? null : toInt(m[3]);
    if (year === null || (m[2] !== undefined && month === null) || (m[3] !== undefined && day === null)) {
      return null;
    }
    const fullYear = m[1].length === 2 && year < 100 ? 2000 + year : year;
    return build(fullYear, month, day, false);
  }

  m = new RegExp(`^(${NUM})月(?:份)?(?:(${NUM})[日号])?$`, 'u').exec(text);
  if (m?.[1] !== undefined) {
    const month = toInt(m[1]);
    const day = m[2] === undefined ? null : toInt(m[2]);
    if (month === null || (m[2] !== undefined && day === null)) return null;
    const year = inferYear(month, day, ctx, ref);
    return year === null ? null : build(year, month, day, true);
  }

  return ref ? resolveRelative(text, ref) : null;
}

export interface DateMention extends NormalizedDate {
  text: string;
  start: number;
  end: number;
}

const DATE_MENTION = new RegExp(
  [
    `(?:${NUM})年(?:度)?(?:(?:${NUM})月(?:份)?(?:(?:${NUM})[日号])?)?`,
    '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
    `(?:${NUM})月(?:份)?(?:(?:${NUM})[日号])?`,
    [...Object.keys(RELATIVE_DAYS), ...Object.keys(RELATIVE_MONTHS), ...Object.keys(RELATIVE_YEARS)]
      .sort((a, b) => b.length - a.length)
      .join('|'),
  ].join('|'),
  'gu',
);

/** Finds date expressions in free text with their UTF-16 spans; relative ones need `publishedAt`. */
export function findDates(text: string, ctx: DateContext = {}): DateMention[] {
  const out: DateMention[] = [];
  // "2025年3月1日至3月14日": a month/day without a year takes the year last written in the text.
  let lastYear: number | undefined;
  let lastMonth: number | undefined;
  let lastEnd = -1;
  for (const m of text.matchAll(DATE_MENTION)) {
    const start = m.index ?? 0;
    // "2019年" inside "12019年" or a bare count like "3年" is not a date.
    if (/\d/.test(text[start - 1] ?? '')) continue;
    const withoutYear = /^[^年]*月/.test(m[0]);
    let year = lastYear;
    if (withoutYear && year !== undefined && lastMonth !== undefined) {
      // A range crossing New Year: "2024年12月30日至1月3日".
      const month = normalizeDate(m[0], { contextYear: year });
      const joiner = text.slice(lastEnd, start);
      if (month && Number(month.iso.slice(5, 7)) < lastMonth && /^\s*(?:至|到|—|–|-|~|～)\s*$/.test(joiner))
        year += 1;
    }
    const date = normalizeDate(m[0], withoutYear && year !== undefined ? { ...ctx, contextYear: year } : ctx);
    if (!date) continue;
    if (!date.relative || withoutYear) {
      lastYear = Number(date.iso.slice(0, 4));
      lastMonth = date.precision === 'year' ? undefined : Number(date.iso.slice(5, 7));
    }
    lastEnd = start + m[0].length;
    out.push({ ...date, text: m[0], start, end: lastEnd });
  }
  return out;
}
