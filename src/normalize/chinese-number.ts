/** Chinese numerals (一千二百万, 两亿, 二〇二四, financial 壹贰叁) → number. */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
};

/** Characters that may appear in a Chinese numeral; useful for building regexes. */
export const CHINESE_NUMERAL_CHARS = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿点';

/**
 * Parses a Chinese numeral. Returns null when the string contains anything else.
 * Supports a decimal part after 点 (三点五 → 3.5) and digit-by-digit years (二〇二四 → 2024).
 */
export function parseChineseNumber(input: string): number | null {
  const text = input.trim();
  if (text === '') return null;
  const pointAt = text.indexOf('点');
  if (pointAt >= 0) {
    const whole = pointAt === 0 ? 0 : parseChineseInteger(text.slice(0, pointAt));
    const fraction = parseDigitSequence(text.slice(pointAt + 1));
    if (whole === null || fraction === null) return null;
    return Number(`${whole}.${fraction}`);
  }
  return parseChineseInteger(text);
}

function parseChineseInteger(text: string): number | null {
  const hasUnit = [...text].some((ch) => ch in SMALL_UNITS || ch === '万' || ch === '亿');
  if (!hasUnit) {
    const digits = parseDigitSequence(text);
    return digits === null ? null : Number(digits);
  }
  // A bare unit (万, 亿, 百) is not a number; only 十 may stand without a digit (十二 = 12).
  if (![...text].some((ch) => ch in DIGITS) && !/^[十拾]/.test(text)) return null;
  let total = 0; // everything at 亿 level and above
  let section = 0; // below 亿, including the 万 part
  let current = 0; // value below 万
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] ?? 0;
    } else if (ch in SMALL_UNITS) {
      current += (digit ?? 1) * (SMALL_UNITS[ch] ?? 1); // bare 十 means 10
      digit = null;
    } else if (ch === '万') {
      section = (section + current + (digit ?? 0)) * 1e4;
      current = 0;
      digit = null;
    } else if (ch === '亿') {
      total = (total + section + current + (digit ?? 0)) * 1e8;
      section = 0;
      current = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + current + (digit ?? 0);
}

/** 二〇二四 → "2024"; null if any char is not a digit. */
function parseDigitSequence(text: string): string | null {
  if (text === '') return null;
  let out = '';
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d === undefined) return null;
    out += String(d);
  }
  return out;
}
