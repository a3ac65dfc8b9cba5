import { normalizeDate } from '../normalize/dates.js';
import { normalizeStockCode, type StockCode } from '../normalize/stock-code.js';
import type { ParsedTable } from './parsed-table.js';
import { type Analyst, findAnalysts } from './research-analysts.js';
import { findBroker } from './research-broker.js';
import { collectForecasts, type Forecast } from './research-forecasts.js';
import { findPrices, type Price } from './research-price.js';
import {
  type NormalizedRating,
  normalizeRating,
  normalizeRatingChange,
  RATING_WORDS,
  type RatingChange,
} from './research-rating.js';

export type { Analyst } from './research-analysts.js';

export interface Rating {
  /** As printed: 买入, 增持, 推荐… */
  raw: string;
  normalized: NormalizedRating;
  /** 5 = buy … 1 = sell. */
  score: number;
  change?: RatingChange;
  changeRaw?: string;
}

export interface ResearchReportHeader {
  /** Short broker name (华泰证券), from the full company name when printed. */
  broker?: string;
  brokerFullName?: string;
  analysts: Analyst[];
  rating?: Rating;
  targetPrice?: Price;
  currentPrice?: Price;
  /** The covered company, from "短名(600519)"-style mentions. */
  stock?: StockCode & { shortName: string };
  /** ISO date of the report: a labelled 报告日期/发布日期, else a line at the top that is only a date. */
  date?: string;
  forecasts: Forecast[];
}

const RATING_LABELLED = new RegExp(
  `(?:投资评级|公司评级|股票评级|评级)\\s*[:：]?\\s*(维持|上调|下调|调高|调低|首次覆盖|首次)?\\s*[「“"]?(${RATING_WORDS})[」”"]?\\s*(?:[（(]\\s*(维持|上调|下调|调高|调低|首次覆盖|首次)\\s*[)）])?`,
  'gu',
);
const RATING_IN_PROSE = new RegExp(
  `(维持|上调至?|下调至?|调高至?|调低至?|首次覆盖[，,]?\\s*(?:并?给予)?|首次给予|给予)\\s*(?:公司|其|对公司的?)?\\s*[「“"]?(${RATING_WORDS})[」”"]?\\s*(?:投资)?评级`,
  'gu',
);
const STOCK_MENTION =
  /([*A-Za-z\u4e00-\u9fa5]{2,8})\s*[（(]\s*(\d{6}|\d{4,5})(?:\s*\.\s*(SH|SZ|BJ|HK))?\s*[)）]/u;

const DATE = '(?:19|20)\\d{2}\\s*(?:年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[-/.]\\d{1,2}[-/.]\\d{1,2})';
const LABELLED_DATE = new RegExp(`(?:报告日期|发布日期|发布时间|报告时间)\\s*[:：]?\\s*(${DATE})`, 'u');
/** A line that is only a date, or a date after the report's series label (金融工程专题报告 2020 年 07 月 07 日). */
const DATE_LINE = new RegExp(`^\\s*(?:[\\u4e00-\\u9fa5]{2,12}(?:报告|研究|点评)\\s+)?(${DATE})\\s*$`, 'mu');
// Dates further down are the body's (events, related reports), not the report's own.
const DATE_HEAD_CHARS = 1500;

function findDate(text: string): string | undefined {
  const raw =
    LABELLED_DATE.exec(text.slice(0, 3 * DATE_HEAD_CHARS))?.[1] ??
    DATE_LINE.exec(text.slice(0, DATE_HEAD_CHARS))?.[1];
  return raw ? (normalizeDate(raw)?.iso ?? undefined) : undefined;
}

/** Rating definitions (买入：相对强于市场表现20%以上) name every rating; they are not the report's own. */
const DEFINITION_AFTER =
  /^[」”"]?\s*[:：]|^[^。\n]{0,30}(?:相对|超过|超越|超出|高于|低于|介于|之间|基准|以上|以下|预期未来|涨幅|跌幅|说明[:：]|市场表现|持平)/;
const DEFINITION_BEFORE = /评级说明|评级标准|评级体系|评级定义|评级的?含义/;
// The report's rating is on its cover or first pages; the tail holds the definitions.
const RATING_HEAD_CHARS = 10000;

function ownRatingMatch(re: RegExp, text: string, wordGroup: number): RegExpMatchArray | undefined {
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    const word = m[wordGroup] ?? '';
    const wordEnd = at + m[0].indexOf(word) + word.length;
    const afterWord = text.slice(wordEnd, wordEnd + 40);
    if (DEFINITION_AFTER.test(afterWord)) continue;
    if (DEFINITION_BEFORE.test(text.slice(Math.max(0, at - 80), at))) continue;
    return m;
  }
  return undefined;
}

export function findRating(text: string): Rating | undefined {
  const head = text.slice(0, RATING_HEAD_CHARS);
  const labelled = ownRatingMatch(RATING_LABELLED, head, 2);
  const prose = ownRatingMatch(RATING_IN_PROSE, head, 2);
  const raw = labelled?.[2] ?? prose?.[2];
  if (!raw) return undefined;
  const normalized = normalizeRating(raw);
  if (!normalized) return undefined;
  const rating: Rating = { raw, ...normalized };
  const changeRaw = labelled?.[1] ?? labelled?.[3] ?? prose?.[1];
  const change = changeRaw ? normalizeRatingChange(changeRaw) : null;
  if (changeRaw && change) {
    rating.change = change;
    rating.changeRaw = changeRaw;
  }
  return rating;
}

function findStock(text: string): ResearchReportHeader['stock'] {
  const m = STOCK_MENTION.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const code = normalizeStockCode(m[3] ? `${m[2]}.${m[3]}` : m[2]);
  return code ? { ...code, shortName: m[1] } : undefined;
}

export interface ResearchReportOptions {
  /**
   * Header/footer lines the layout cleaner removed from every page: the broker names itself there.
   * @defaultValue []
   */
  runningLines?: readonly string[];
}

/**
 * Extracts broker, analysts (with 执业证书编号), rating and its change, target price and
 * EPS / revenue / net-profit forecasts from a (simplified-Chinese) research report.
 */
export function parseResearchReportHeader(
  text: string,
  tables: ParsedTable[] = [],
  options: ResearchReportOptions = {},
): ResearchReportHeader | null {
  const header: ResearchReportHeader = {
    analysts: findAnalysts(text),
    forecasts: collectForecasts(text, tables),
  };
  const broker = findBroker(text, options.runningLines);
  if (broker) Object.assign(header, broker);
  const stock = findStock(text);
  if (stock) header.stock = stock;
  const rating = findRating(text);
  if (rating) header.rating = rating;
  const date = findDate(text);
  if (date) header.date = date;
  const prices = findPrices(text, stock?.exchange === 'HKEX' ? 'HKD' : undefined);
  Object.assign(header, prices);
  const found = header.broker || header.analysts.length > 0 || header.rating || header.targetPrice;
  return found ? header : null;
}
