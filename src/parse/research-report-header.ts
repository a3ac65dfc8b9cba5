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
  /** The change printed beside a rating the text lost (a whole scale printed, the choice marked by layout). */
  lostRatingChange?: { change: RatingChange; changeRaw: string };
  targetPrice?: Price;
  currentPrice?: Price;
  /** The covered company, from "短名(600519)"-style mentions. */
  stock?: StockCode & { shortName: string };
  /** ISO date of the report: a labelled 报告日期/发布日期, else a line at the top that is only a date. */
  date?: string;
  forecasts: Forecast[];
}

const CHANGE_WORDS = '维持|上调|下调|调高|调低|首次覆盖|首次';
// 投资建议 labels a rating only where the previous one is printed beside it (投资建议：优异上次建议：优异); else it
// heads the body's advice (投资建议：推荐平台型公司).
const RATING_LABELLED = new RegExp(
  `(?:投资评级|公司评级|股票评级|评级|投资建议(?=\\s*[:：]\\s*(?:${RATING_WORDS})\\s*(?:上次|前次)建议))\\s*[:：]?\\s*(?:[（(]\\s*)?(${CHANGE_WORDS})?(?:\\s*[)）])?\\s*[:：]?\\s*[「“"]?(${RATING_WORDS})[」”"]?(?:\\s*-[A-E])?\\s*(?:[（(|]\\s*)?(${CHANGE_WORDS})?`,
  'gu',
);
const RATING_IN_PROSE = new RegExp(
  `(维持|上调至?|下调至?|调高至?|调低至?|首次覆盖[，,]?\\s*(?:并?给予)?|首次给予|给予)\\s*(?:公司|其|对公司的?)?\\s*[「“"]?(${RATING_WORDS})[」”"]?\\s*(?:投资)?评级`,
  'gu',
);
/**
 * A cover's rating where the text lost its label: the word with its change beside it — 强于大市(维持),
 * 超配（维持评级）, 领先大市-A维持评级 (A is a risk grade), 增持——维持, 推荐|维持, 强于大市强于大市维持 (now and
 * before, then the change) — or the industry rating after its label and the industry's name (行业评级医药生物中性).
 */
const RATING_WITH_CHANGE = new RegExp(
  `(${RATING_WORDS})(?:\\s*-[A-E])?\\s*(?:(?:${RATING_WORDS})\\s*)?(?:[（(]\\s*(${CHANGE_WORDS})\\s*(?:评级)?\\s*[)）]|(?:——|\\|)\\s*(${CHANGE_WORDS})|(${CHANGE_WORDS})(?=\\s*评级|\\s*(?:19|20)\\d{2}))`,
  'gu',
);
const INDUSTRY_RATING = new RegExp(
  `行业评级\\s*[:：]?\\s*[\\u4e00-\\u9fa5Ⅰ-Ⅻ]{2,8}?(${RATING_WORDS})(?![\\u4e00-\\u9fa5]{0,2}(?:${RATING_WORDS}))`,
  'gu',
);
/**
 * A cover whose rating stands beside the report's date, before it (看好2021年3月25日, 超配2020年04月23日) or
 * after it (2021年5月6日强于大市), or before its previous rating (增持原评级:增持); a change, if any, is printed
 * just before it.
 */
const RATING_BESIDE_DATE = new RegExp(
  `(${RATING_WORDS})(?=\\s*(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月)|(?:19|20)\\d{2}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(${RATING_WORDS})|(${RATING_WORDS})\\s*原评级`,
  'gu',
);
const CHANGE_BEFORE = /(维持|首次覆盖|首次)评级|(首次覆盖)/u;
// A bracketed number run into more digits is a phone's area code ("邓周宇(86755)82560525"), not a ticker.
const STOCK_MENTION =
  /([*A-Za-z\u4e00-\u9fa5]{2,8})\s*[（(]\s*(\d{6}|\d{4,5})(?:\s*\.\s*(SH|SZ|BJ|HK))?\s*[)）](?!\d)/u;

const DATE = '(?:19|20)\\d{2}\\s*(?:年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[-/.]\\d{1,2}[-/.]\\d{1,2})';
// "报告时间।2020/10/15": some brokers' templates print a danda (।) as the label's separator.
const LABELLED_DATE = new RegExp(
  `(?:报告日期|发布日期|发布时间|报告时间|createTime1＃)\\s*[:：।]?\\s*(${DATE})`,
  'u',
);
/** A line that is only a date, or a date after the report's series label (金融工程专题报告 2020 年 07 月 07 日). */
const DATE_LINE = new RegExp(`^\\s*(?:[\\u4e00-\\u9fa5]{2,12}(?:报告|研究|点评)\\s+)?(${DATE})\\s*$`, 'mu');
// Dates further down are the body's (events, related reports), not the report's own.
const DATE_HEAD_CHARS = 1500;
/**
 * Text extracted without line breaks runs the cover's date into its neighbours: the cover date is then the
 * first 年月日 date that is no part of a sentence (自2020年1月19日后, 股价数据为…收盘价) nor a related report's.
 */
const CN_DATE = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/gu;
const COVER_DATE_CHARS = 2500;
// An event's date (事件：2021年4月13日公司发布公告) and a period's start (本周（2021年3月22日-3月28日）) are no
// cover date either.
const IN_SENTENCE_BEFORE = /(?:[自于至为在从到由截止》]|截至|数据|股价|收盘价?|事件\s*[:：])\s*$/u;
const IN_SENTENCE_AFTER =
  /^\s*(?:[起后前止左，,]|以来|之前|之后|收盘|发布|公告|召开|晚间|披露|公司(?:发布|公告|披露|召开|收到|完成)|[-—~～至到]\s*\d)/u;
/** A numeric date right at the top ("行业深度2020-06-30星期二"), when no 年月日 date stands there. */
const TOP_NUMERIC_DATE = /(?<![》)）\d])((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?!\d)/u;
const TOP_CHARS = 300;

function coverDate(text: string): string | undefined {
  const head = text.slice(0, COVER_DATE_CHARS);
  for (const m of head.matchAll(CN_DATE)) {
    const at = m.index ?? 0;
    if (IN_SENTENCE_BEFORE.test(head.slice(Math.max(0, at - 4), at))) continue;
    if (IN_SENTENCE_AFTER.test(head.slice(at + m[0].length, at + m[0].length + 4))) continue;
    return m[0];
  }
  return TOP_NUMERIC_DATE.exec(text.slice(0, TOP_CHARS))?.[1];
}

function findDate(text: string): string | undefined {
  const raw =
    LABELLED_DATE.exec(text.slice(0, 3 * DATE_HEAD_CHARS))?.[1] ??
    DATE_LINE.exec(text.slice(0, DATE_HEAD_CHARS))?.[1] ??
    coverDate(text);
  return raw ? (normalizeDate(raw)?.iso ?? undefined) : undefined;
}

/** Rating definitions (买入：相对强于市场表现20%以上) name every rating; they are not the report's own. */
// (相对 and 市场表现 alone also title a cover's chart: 强于大市相对市场表现.)
const DEFINITION_AFTER =
  /^[」”"]?\s*[:：]|^[^。\n]{0,30}?(?:\d\s*[%％]|超过|超越|超出|高于|低于|介于|之间|基准|以上|以下|预期未来|涨幅|跌幅|说明[:：]|持平|±)/;
// A running header that points at the definitions ("请务必阅读最后一页股票评级说明和免责声明") is not their heading.
const DEFINITION_BEFORE =
  /(?<!(?:阅读|参阅|参考|[及和与])[^。\n]{0,10})(?:评级说明|评级标准|评级体系|评级定义|评级的?含义)/;
// The report's rating is on its cover or first pages; the tail holds the definitions.
const RATING_HEAD_CHARS = 10000;
/** A company report states its rating in prose on the first page ("维持“买入”评级"). */
const PROSE_RATING_CHARS = 4000;
/** A whole scale printed in a row (看好中性看淡), the chosen word marked only by layout, names no rating. */
const SCALE_NEIGHBOUR = new RegExp(`(?:${RATING_WORDS})$`, 'u');
const SCALE_NEXT = new RegExp(`^(?:${RATING_WORDS})`, 'u');

const INITIATION_BANNER = /首次覆盖(?=报告)/u;
const BANNER_CHARS = 300;

interface RatingMatch {
  at: number;
  word: string;
  changeRaw?: string;
}

/** Matches of `re` that are the report's own: no definition, no printed scale; word and change by group. */
function ownRatings(
  re: RegExp,
  text: string,
  wordGroups: readonly number[],
  changeGroups: readonly number[],
): RatingMatch[] {
  const found: RatingMatch[] = [];
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    const word = wordGroups.map((g) => m[g]).find((w) => w !== undefined);
    if (!word) continue;
    const wordStart = at + m[0].indexOf(word);
    const wordEnd = wordStart + word.length;
    const afterWord = text.slice(wordEnd, wordEnd + 40);
    if (DEFINITION_AFTER.test(afterWord)) continue;
    if (DEFINITION_BEFORE.test(text.slice(Math.max(0, at - 80), at))) continue;
    const before = SCALE_NEIGHBOUR.exec(text.slice(Math.max(0, wordStart - 4), wordStart))?.[0];
    const next = SCALE_NEXT.exec(afterWord)?.[0];
    if ((before && before !== word) || (next && next !== word)) continue;
    const changeRaw = changeGroups.map((g) => m[g]).find((c) => c !== undefined);
    found.push({ at: wordStart, word, ...(changeRaw ? { changeRaw } : {}) });
  }
  return found;
}

/**
 * Report templates may leave their field names in the text (＃investSuggestion＃推荐(＃investSuggestionChange＃维持）):
 * they stand between a rating and its change, so they are read as if absent.
 */
const TEMPLATE_TAG = /＃[A-Za-z]\w*＃/gu;

function withoutTemplateTags(text: string): string {
  return text.replace(TEMPLATE_TAG, '');
}

/**
 * A cover that prints the whole scale (看好中性看淡(维持)) lost the chosen word with the layout, not the change
 * printed after it.
 */
const SCALE_WITH_CHANGE = new RegExp(
  `(?:${RATING_WORDS})(?:\\s*(?:${RATING_WORDS}))+\\s*[（(]\\s*(${CHANGE_WORDS})\\s*(?:评级)?\\s*[)）]`,
  'u',
);

/** The change of a rating the text lost (see SCALE_WITH_CHANGE), when no rating is read. */
export function findLostRatingChange(text: string): { change: RatingChange; changeRaw: string } | undefined {
  const raw = SCALE_WITH_CHANGE.exec(withoutTemplateTags(text.slice(0, RATING_HEAD_CHARS)))?.[1];
  const change = raw ? normalizeRatingChange(raw) : null;
  return raw && change ? { change, changeRaw: raw } : undefined;
}

/**
 * The report's rating: the earliest of its labelled, structural and prose statements; its change from that
 * statement, else from another statement of the same rating (维持“买入”评级 beside 买入|维持).
 */
export function findRating(text: string): Rating | undefined {
  const head = withoutTemplateTags(text.slice(0, RATING_HEAD_CHARS));
  const besideDate = ownRatings(RATING_BESIDE_DATE, head, [1, 2, 3], []).map((r) => {
    const changeRaw = CHANGE_BEFORE.exec(head.slice(Math.max(0, r.at - 60), r.at));
    const raw = changeRaw?.[1] ?? changeRaw?.[2];
    return raw ? { ...r, changeRaw: raw } : r;
  });
  const matches = [
    ...ownRatings(RATING_LABELLED, head, [2], [1, 3]),
    ...ownRatings(RATING_WITH_CHANGE, head, [1], [2, 3, 4]),
    ...ownRatings(INDUSTRY_RATING, head, [1], []),
    ...besideDate,
    // Further down, prose ratings are the covered companies' of an industry or strategy report.
    ...ownRatings(RATING_IN_PROSE, head.slice(0, PROSE_RATING_CHARS), [2], [1]),
  ].sort((a, b) => a.at - b.at);
  const first = matches[0];
  if (!first) return undefined;
  const normalized = normalizeRating(first.word);
  if (!normalized) return undefined;
  const rating: Rating = { raw: first.word, ...normalized };
  const changes = [first, ...matches.filter((m) => m.word === first.word)];
  // The cover's report type says it too: 证券研究报告/首次覆盖报告.
  const banner = INITIATION_BANNER.exec(text.slice(0, BANNER_CHARS))?.[0];
  for (const { changeRaw } of [...changes, ...(banner ? [{ changeRaw: banner }] : [])]) {
    const change = changeRaw ? normalizeRatingChange(changeRaw) : null;
    if (changeRaw && change) {
      rating.change = change;
      rating.changeRaw = changeRaw;
      break;
    }
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
  const lostChange = rating ? undefined : findLostRatingChange(text);
  if (lostChange) header.lostRatingChange = lostChange;
  const date = findDate(text);
  if (date) header.date = date;
  const prices = findPrices(text, stock?.exchange === 'HKEX' ? 'HKD' : undefined);
  Object.assign(header, prices);
  const found = header.broker || header.analysts.length > 0 || header.rating || header.targetPrice;
  return found ? header : null;
}
