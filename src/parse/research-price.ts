import { type CurrencyCode, type Money, normalizeMoney } from '../normalize/money.js';
import { RANGE_JOIN_WORDS } from '../normalize/range-join.js';

/**
 * Target and current price of a research report, each with its currency: the currency printed with
 * the number (420港元, HK$420, 目标价(港元)), else the listing venue's (00700.HK → HKD, 600519.SH → CNY,
 * AAPL.O → USD), else CNY. A stated range (目标价 6.5-7.0 元) keeps both ends.
 */

/** A price; `upper` is the high end of a stated range, whose low end is `value`. */
export interface Price extends Money {
  upper?: number;
}

const CURRENCY = '人民币|港币|港元|美元|HK\\$|US\\$|HKD|USD|CNY|RMB|元';
// A price has at most 6 integer digits: "目标价 2019 2020" (a year row) and 20192020 are no prices.
const AMOUNT = '\\d{1,6}(?:\\.\\d+)?(?![\\d.]|\\s*[%年月日倍])';
const RANGE_DASH = `(?:-|${RANGE_JOIN_WORDS})`;
const RANGE_DASHES = new RegExp(RANGE_DASH, 'g');
const PRICE = (label: string) =>
  new RegExp(
    `(?:${label})\\s*(?:价格|价位)?\\s*(?:[（(]\\s*(${CURRENCY})\\s*[/／]?\\s*(?:股)?\\s*[)）])?\\s*(?:为|至|:|：)?\\s*((?:${CURRENCY})?\\s*${AMOUNT}(?:\\s*(?:${CURRENCY})?\\s*${RANGE_DASH}\\s*(?:${CURRENCY})?\\s*${AMOUNT})?\\s*(?:${CURRENCY})?)`,
    'u',
  );
const TARGET_PRICE = PRICE('目标价|目标股价|目标价格');
const CURRENT_PRICE = PRICE('当前价格|当前股价|最新收盘价|收盘价|现价|股价');

// Tickers only: currency words in the text (美元 revenue, 港股 peers) say nothing about the listing.
const HK_TICKER = /(?<![\d.])\d{4,5}\s*\.\s*HK\b/i;
const US_TICKER = /\b[A-Z]{1,5}\s*\.\s*(?:O|N|OQ|US)\b|(?:NASDAQ|NYSE)\s*[:：]\s*[A-Z]{1,5}\b/;
const A_TICKER = /(?<!\d)\d{6}\s*\.\s*(?:SH|SZ|BJ)\b|[（(]\s*\d{6}\s*[)）]/i;
const VENUE_HEAD_CHARS = 3000;

/** The currency of the listing the report covers, read from the tickers at its head. */
export function venueCurrency(text: string): CurrencyCode {
  const head = text.slice(0, VENUE_HEAD_CHARS);
  const hk = HK_TICKER.exec(head)?.index ?? Number.POSITIVE_INFINITY;
  const us = US_TICKER.exec(head)?.index ?? Number.POSITIVE_INFINITY;
  const a = A_TICKER.exec(head)?.index ?? Number.POSITIVE_INFINITY;
  const first = Math.min(hk, us, a);
  if (first === Number.POSITIVE_INFINITY || first === a) return 'CNY';
  return first === hk ? 'HKD' : 'USD';
}

function currencyOfWord(word: string | undefined): CurrencyCode | undefined {
  if (!word) return undefined;
  return normalizeMoney(`1${word}`)?.currency ?? normalizeMoney(`${word}1`)?.currency;
}

function findPrice(re: RegExp, text: string, venue: CurrencyCode): Price | undefined {
  const m = re.exec(text);
  const raw = m?.[2]?.trim();
  if (!raw) return undefined;
  const [value, upper] = (raw.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const range = upper !== undefined && upper > value ? { upper } : {};
  const words = raw.replace(RANGE_DASHES, ' ').match(/[^\d.\s]+/g) ?? [];
  // A printed currency other than the generic 元 wins; 元 alone follows the venue (a HK report's "元" is HKD).
  const explicit = [m?.[1], ...words].map(currencyOfWord).find((c) => c !== undefined && c !== 'CNY');
  const saysRenminbi = [m?.[1], ...words].some((w) => w !== undefined && /人民币|CNY|RMB/.test(w));
  return { value, ...range, currency: explicit ?? (saysRenminbi ? 'CNY' : venue) };
}

/**
 * The report's own target price stands on its cover or first page; further down are the covered companies'
 * of an industry report. A table of picks with a target-price column (股票名称 代码 评级 目标价) makes it a
 * report on several companies: none of their targets is the report's.
 */
const TARGET_HEAD_CHARS = 5000;
// Column labels with no value between them: a cover's "股票代码：600000 目标价：45.60元" is no table.
const PICK_TABLE = /(?:股票名称|股票简称|证券简称|公司名称|股票代码|代码)[^。\n\d]{0,30}?目标价/u;

/** Target and current price; `venue` overrides the currency read from the tickers. */
export function findPrices(
  text: string,
  venue: CurrencyCode = venueCurrency(text),
): { targetPrice?: Price; currentPrice?: Price } {
  const out: { targetPrice?: Price; currentPrice?: Price } = {};
  const head = text.slice(0, TARGET_HEAD_CHARS);
  const target = PICK_TABLE.test(head) ? undefined : findPrice(TARGET_PRICE, head, venue);
  if (target) out.targetPrice = target;
  const current = findPrice(CURRENT_PRICE, text, venue);
  if (current) out.currentPrice = current;
  return out;
}
