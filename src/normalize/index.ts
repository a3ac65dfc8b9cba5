export { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './chinese-number.js';
export {
  type DateContext,
  type DateMention,
  type DatePrecision,
  findDates,
  type NormalizedDate,
  normalizeDate,
  WRITTEN_YEAR,
} from './dates.js';
export { type DocumentValue, documentValue } from './document-value.js';
export { type CurrencyCode, findMoney, type Money, type MoneyMention, normalizeMoney } from './money.js';
export { type OfficerChange, officerChangeLabel } from './officer-change.js';
export { normalizePercentage, type Percentage } from './percentage.js';
export { findShares, normalizeShares, type ShareCount, type ShareMention } from './shares.js';
export {
  type Board,
  classifyMainlandCode,
  type Exchange,
  normalizeStockCode,
  type StockCode,
} from './stock-code.js';
