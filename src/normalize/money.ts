import { QUANTITY_PATTERN, quantityValue } from './quantity.js';

export type CurrencyCode = 'CNY' | 'USD' | 'HKD' | 'EUR' | 'JPY' | 'GBP';

export interface Money {
  /** Amount in whole units of the currency (e.g. 2.5亿元 → 250000000). */
  value: number;
  currency: CurrencyCode;
}

export interface MoneyMention extends Money {
  text: string;
  start: number;
  end: number;
}

const CURRENCY_WORDS: ReadonlyArray<readonly [string, CurrencyCode]> = [
  ['人民币元', 'CNY'],
  ['元人民币', 'CNY'],
  ['人民币', 'CNY'],
  ['美元', 'USD'],
  ['美金', 'USD'],
  ['港元', 'HKD'],
  ['港币', 'HKD'],
  ['欧元', 'EUR'],
  ['日元', 'JPY'],
  ['日圆', 'JPY'],
  ['英镑', 'GBP'],
  ['RMB', 'CNY'],
  ['CNY', 'CNY'],
  ['USD', 'USD'],
  ['HKD', 'HKD'],
  ['EUR', 'EUR'],
  ['JPY', 'JPY'],
  ['GBP', 'GBP'],
  ['US$', 'USD'],
  ['HK$', 'HKD'],
  ['￥', 'CNY'],
  ['¥', 'CNY'],
  ['$', 'USD'],
  ['元', 'CNY'],
];

const escapeDollar = (s: string) => s.replace(/[$]/g, '\\$');
const WORDS = CURRENCY_WORDS.map(([w]) => escapeDollar(w)).join('|');
// prefix currency, quantity, then suffix currency (元 may follow another currency word: 港币5亿元).
const MONEY_SOURCE = `(${WORDS})?\\s*${QUANTITY_PATTERN}\\s*(${WORDS})?(人民币|美元|港币|港元)?`;

function currencyOf(word: string | undefined): CurrencyCode | null {
  if (!word) return null;
  return CURRENCY_WORDS.find(([w]) => w === word)?.[1] ?? null;
}

function fromMatch(m: RegExpExecArray): Money | null {
  const [, prefix, numberText, magnitude, suffix, trailing] = m;
  if (numberText === undefined) return null;
  // The prefix wins so that a generic 元 after it (港币5亿元) keeps the prefix's currency.
  const currency = currencyOf(prefix) ?? currencyOf(trailing) ?? currencyOf(suffix);
  if (currency === null) return null;
  const value = quantityValue(numberText, magnitude);
  if (value === null) return null;
  return { value, currency };
}

/** Normalises one money expression ("2.5亿元", "港币5亿元", "1,200万美元"); null if it is not one. */
export function normalizeMoney(input: string): Money | null {
  const text = input.trim().replace(/^(约|逾|超过|不超过|不低于|合计|共计)/, '');
  const m = new RegExp(`^${MONEY_SOURCE}$`, 'u').exec(text);
  return m ? fromMatch(m) : null;
}

/** Finds every money expression in free text with its UTF-16 span. */
export function findMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  const re = new RegExp(MONEY_SOURCE, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const money = fromMatch(m);
    const matched = m[0].trimEnd();
    if (money && /[0-9零〇一二两三四五六七八九十百千万亿]/.test(matched)) {
      out.push({ ...money, text: matched, start: m.index, end: m.index + matched.length });
    }
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
