import { parseChineseNumber } from './chinese-number.js';
import { magnitudeExponent, scaleDecimal } from './decimal.js';

/**
 * Shared core of money and share normalisers: a number written in Arabic digits
 * (with thousands separators) or Chinese numerals, followed by an optional magnitude (万/亿/千万…).
 */
export const QUANTITY_PATTERN =
  '([0-9][0-9,，]*(?:\\.[0-9]+)?|[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿点]+)\\s*(万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百)?';

export function quantityValue(numberText: string, magnitude: string | undefined): number | null {
  const exponent = magnitudeExponent(magnitude ?? '');
  if (exponent === null) return null;
  if (/^[0-9]/.test(numberText)) return scaleDecimal(numberText, exponent);
  const base = parseChineseNumber(numberText);
  if (base === null) return null;
  return Math.round(base * 10 ** exponent * 1e6) / 1e6;
}
