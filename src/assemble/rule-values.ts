import {
  normalizeDate,
  normalizeMoney,
  normalizePercentage,
  normalizeShares,
  WRITTEN_YEAR,
} from '../normalize/index.js';

/** Yuan for a CNY amount; other currencies give no value (the schema's amounts are yuan). */
export function yuan(text: string): number | undefined {
  const money = normalizeMoney(text.replace(/[（(]含[）)]/g, ''));
  return money && money.currency === 'CNY' ? money.value : undefined;
}

/** Share count ("2,500万股" → 25000000). */
export function shareCount(text: string): number | undefined {
  return normalizeShares(text)?.shares;
}

/** Fraction of a percentage ("27.06%" → 0.2706). */
export function fraction(text: string): number | undefined {
  return normalizePercentage(text)?.fraction;
}

/** ISO date at the precision written; relative words need `publishedAt`. */
export function isoDate(text: string, publishedAt?: string): string | undefined {
  return normalizeDate(text, publishedAt ? { publishedAt } : {})?.iso;
}

/** Regex sources shared by the rules (compact text: no whitespace). */
export const NUM = '[0-9][0-9,，]*(?:\\.[0-9]+)?';
export const MAGNITUDE = '(?:万亿|亿|千万|百万|万)?';
export const MONEY = `(?:人民币)?${NUM}${MAGNITUDE}(?:元|美元|港元|港币)(?:人民币)?`;
export const SHARES = `${NUM}${MAGNITUDE}股`;
export const PERCENT = `${NUM}[%％]`;
/** A day as news write it, the year optional: 3月5日, 2021年1月4日. */
export const DAY_OF_MONTH = /(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日/;
export const DATE = `${WRITTEN_YEAR}年(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\\d{1,2}|[一二三四五六七八九十]{1,3})日`;
