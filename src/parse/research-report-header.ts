import { normalizeDate } from '../normalize/dates.js';
import { type Money, normalizeMoney } from '../normalize/money.js';
import { normalizeStockCode, type StockCode } from '../normalize/stock-code.js';
import { collectForecasts, type Forecast } from './research-forecasts.js';
import {
  type NormalizedRating,
  normalizeRating,
  normalizeRatingChange,
  RATING_WORDS,
  type RatingChange,
} from './research-rating.js';
import type { ParsedTable } from './types.js';

export interface Analyst {
  name: string;
  /** SAC 执业证书编号: "S" + 13 digits. Absent for contacts (联系人) without one. */
  certificateNo?: string;
  role: 'analyst' | 'contact';
}

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
  targetPrice?: Money;
  currentPrice?: Money;
  /** The covered company, from "短名(600519)"-style mentions. */
  stock?: StockCode & { shortName: string };
  /** ISO date of the report: a labelled 报告日期/发布日期, else a line at the top that is only a date. */
  date?: string;
  forecasts: Forecast[];
}

const BROKER_FULL = /([\u4e00-\u9fa5]{2,10}证券)(股份有限公司|有限责任公司|有限公司)/;
const BROKER_DEPT = /([\u4e00-\u9fa5]{2,8}(?:证券|国际|资本))(?:研究所|研究院|研究部|研究中心)/;
const NOT_BROKER = /研究|报告|代码|简称|市场|行业|公司|投资/;
const CERTIFICATE = /S\d{13}/g;
const NAME = '([\\u4e00-\\u9fa5·]{2,4}?)';
const LABELLED_NAME = new RegExp(
  `(证券分析师|分析师|研究员|联系人|研究助理)\\s*[:：]?\\s*(?!声明|承诺|简介|介绍|团队|认为|预计|观点|具有|资格|薪酬)${NAME}(?=\\s|[,，;；(（/|]|执业|SAC|S\\d|邮箱|电话|Email|$)`,
  'gmu',
);
const NAME_BEFORE_CERT = new RegExp(
  `${NAME}\\s*[（(]?\\s*(?:SAC\\s*)?(?:执业证书编号|证书编号|执业编号|编号)?\\s*[:：]?\\s*$`,
  'u',
);
const RATING_LABELLED = new RegExp(
  `(?:投资评级|公司评级|股票评级|评级)\\s*[:：]?\\s*(维持|上调|下调|调高|调低|首次覆盖|首次)?\\s*[「“"]?(${RATING_WORDS})[」”"]?\\s*(?:[（(]\\s*(维持|上调|下调|调高|调低|首次覆盖|首次)\\s*[)）])?`,
  'u',
);
const RATING_IN_PROSE = new RegExp(
  `(维持|上调至?|下调至?|调高至?|调低至?|首次覆盖[，,]?\\s*(?:并?给予)?|首次给予|给予)\\s*(?:公司|其|对公司的?)?\\s*[「“"]?(${RATING_WORDS})[」”"]?\\s*(?:投资)?评级`,
  'u',
);
const PRICE = (label: string) =>
  new RegExp(
    `(?:${label})\\s*(?:价格|价位)?\\s*(?:\\(元\\)|（元）)?\\s*(?:为|至|:|：)?\\s*((?:人民币|港币|港元|美元|HK\\$|US\\$)?\\s*\\d+(?:\\.\\d+)?\\s*(?:元|港元|港币|美元|HKD|USD|CNY|RMB)?)`,
    'u',
  );
const TARGET_PRICE = PRICE('目标价|目标股价');
const CURRENT_PRICE = PRICE('当前价格|当前股价|收盘价|最新收盘价|现价');
const STOCK_MENTION =
  /([*A-Za-z\u4e00-\u9fa5]{2,8})\s*[（(]\s*(\d{6}|\d{4,5})(?:\s*\.\s*(SH|SZ|BJ|HK))?\s*[)）]/u;

const DATE = '(?:19|20)\\d{2}\\s*(?:年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[-/.]\\d{1,2}[-/.]\\d{1,2})';
const LABELLED_DATE = new RegExp(`(?:报告日期|发布日期|发布时间|报告时间)\\s*[:：]?\\s*(${DATE})`, 'u');
const DATE_LINE = new RegExp(`^\\s*(${DATE})\\s*$`, 'mu');
// Dates further down are the body's (events, related reports), not the report's own.
const DATE_HEAD_CHARS = 1500;

function findDate(text: string): string | undefined {
  const raw =
    LABELLED_DATE.exec(text.slice(0, 3 * DATE_HEAD_CHARS))?.[1] ??
    DATE_LINE.exec(text.slice(0, DATE_HEAD_CHARS))?.[1];
  return raw ? (normalizeDate(raw)?.iso ?? undefined) : undefined;
}

function findBroker(text: string): Pick<ResearchReportHeader, 'broker' | 'brokerFullName'> {
  const full = BROKER_FULL.exec(text);
  if (full?.[1] && !NOT_BROKER.test(full[1].slice(0, -2))) {
    return { broker: full[1], brokerFullName: full[0] };
  }
  const dept = BROKER_DEPT.exec(text);
  if (dept?.[1] && !NOT_BROKER.test(dept[1].slice(0, -2))) return { broker: dept[1] };
  return {};
}

function findAnalysts(text: string): Analyst[] {
  const analysts: Analyst[] = [];
  const used = new Set<number>();
  for (const m of text.matchAll(LABELLED_NAME)) {
    const name = m[2];
    if (!name || analysts.some((a) => a.name === name)) continue;
    const after = (m.index ?? 0) + m[0].length;
    // The certificate number follows the name within the same entry, before the next labelled name.
    const windowText = text.slice(after, after + 80);
    const nextLabel = windowText.search(/证券分析师|分析师|研究员|联系人|研究助理/);
    const scope = nextLabel >= 0 ? windowText.slice(0, nextLabel) : windowText;
    const cert = /S\d{13}/.exec(scope);
    const analyst: Analyst = { name, role: m[1] === '联系人' || m[1] === '研究助理' ? 'contact' : 'analyst' };
    if (cert) {
      analyst.certificateNo = cert[0];
      used.add(after + cert.index);
      analyst.role = 'analyst';
    }
    analysts.push(analyst);
  }
  for (const m of text.matchAll(CERTIFICATE)) {
    const at = m.index ?? 0;
    if (used.has(at) || analysts.some((a) => a.certificateNo === m[0])) continue;
    const before =
      text
        .slice(Math.max(0, at - 30), at)
        .split('\n')
        .pop() ?? '';
    const name = NAME_BEFORE_CERT.exec(before)?.[1];
    if (name && !/证书|编号|执业/.test(name) && !analysts.some((a) => a.name === name)) {
      analysts.push({ name, certificateNo: m[0], role: 'analyst' });
    }
  }
  return analysts;
}

function findRating(text: string): Rating | undefined {
  const labelled = RATING_LABELLED.exec(text);
  const prose = RATING_IN_PROSE.exec(text);
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

function findPrice(re: RegExp, text: string, hkListed: boolean): Money | undefined {
  const raw = re.exec(text)?.[1]?.trim();
  if (!raw) return undefined;
  const explicit = normalizeMoney(raw);
  if (explicit) return explicit;
  // A bare number: the currency follows the listing venue.
  const value = Number(raw);
  if (!Number.isFinite(value)) return undefined;
  return { value, currency: hkListed ? 'HKD' : 'CNY' };
}

function findStock(text: string): ResearchReportHeader['stock'] {
  const m = STOCK_MENTION.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const code = normalizeStockCode(m[3] ? `${m[2]}.${m[3]}` : m[2]);
  return code ? { ...code, shortName: m[1] } : undefined;
}

/**
 * Extracts broker, analysts (with 执业证书编号), rating and its change, target price and
 * EPS / revenue / net-profit forecasts from a (simplified-Chinese) research report.
 */
export function parseResearchReportHeader(
  text: string,
  tables: ParsedTable[] = [],
): ResearchReportHeader | null {
  const header: ResearchReportHeader = {
    analysts: findAnalysts(text),
    forecasts: collectForecasts(text, tables),
  };
  Object.assign(header, findBroker(text));
  const stock = findStock(text);
  if (stock) header.stock = stock;
  const rating = findRating(text);
  if (rating) header.rating = rating;
  const date = findDate(text);
  if (date) header.date = date;
  const hk = stock?.exchange === 'HKEX';
  const target = findPrice(TARGET_PRICE, text, hk);
  if (target) header.targetPrice = target;
  const current = findPrice(CURRENT_PRICE, text, hk);
  if (current) header.currentPrice = current;
  const found = header.broker || header.analysts.length > 0 || header.rating || header.targetPrice;
  return found ? header : null;
}
