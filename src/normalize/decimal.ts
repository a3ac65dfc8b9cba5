/** Exact decimal scaling so "1.2" × 10^4 gives 12000 rather than 12000.000000000002. */

const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/;

/** Parses "1,200.50" / "1，200" (thousands separators allowed) to a number, or null. */
export function parseArabicNumber(input: string): number | null {
  const cleaned = input.replace(/[,，\s]/g, '');
  if (!DECIMAL.test(cleaned)) return null;
  return Number(cleaned);
}

/** Multiplies a decimal string by 10^exponent without binary rounding noise. */
export function scaleDecimal(input: string, exponent: number): number | null {
  const cleaned = input.replace(/[,，\s]/g, '');
  const match = DECIMAL.exec(cleaned);
  if (!match) return null;
  const sign = cleaned.startsWith('-') ? '-' : '';
  const intPart = match[1] ?? '0';
  const fracPart = match[2] ?? '';
  if (exponent >= 0) {
    const frac = fracPart.padEnd(exponent, '0');
    return Number(`${sign}${intPart}${frac.slice(0, exponent)}.${frac.slice(exponent) || '0'}`);
  }
  const digits = intPart.padStart(-exponent + 1, '0');
  const cut = digits.length + exponent;
  return Number(`${sign}${digits.slice(0, cut)}.${digits.slice(cut)}${fracPart}`);
}

/** Exponent of a Chinese magnitude suffix (万 → 4). Unknown suffix → null. */
export function magnitudeExponent(suffix: string): number | null {
  switch (suffix) {
    case '':
      return 0;
    case '十':
      return 1;
    case '百':
      return 2;
    case '千':
      return 3;
    case '万':
      return 4;
    case '十万':
      return 5;
    case '百万':
      return 6;
    case '千万':
      return 7;
    case '亿':
      return 8;
    case '十亿':
      return 9;
    case '百亿':
      return 10;
    case '千亿':
      return 11;
    case '万亿':
      return 12;
    default:
      return null;
  }
}
