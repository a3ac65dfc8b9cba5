import { parseChineseNumber } from './chinese-number.js';
import { parseArabicNumber } from './decimal.js';

export interface Percentage {
  /**
   * 'percent' is a ratio (8.5% → value 8.5, fraction 0.085);
   * 'percentage_points' is a difference between two ratios (5个百分点) and has no fraction.
   */
  kind: 'percent' | 'percentage_points';
  value: number;
  fraction?: number;
}

const NUMBER = '([+-]?[0-9][0-9,]*(?:\\.[0-9]+)?|[零〇一二两三四五六七八九十百千点]+)';

function toNumber(text: string): number | null {
  return /^[+-]?[0-9]/.test(text) ? parseArabicNumber(text) : parseChineseNumber(text);
}

/** Float noise guard: 8.5 / 100 → 0.085 exactly as written. */
function ratio(value: number, divisor: number): number {
  return Number((value / divisor).toPrecision(12));
}

/** "8.50%", "8.5％", "百分之五", "千分之三", "5个百分点" / "0.5 pct"; null otherwise. */
export function normalizePercentage(input: string): Percentage | null {
  const text = input.trim();
  let m = new RegExp(`^${NUMBER}\\s*(?:个)?(?:百分点|pct|pp|ppt)$`, 'iu').exec(text);
  if (m?.[1] !== undefined) {
    const value = toNumber(m[1]);
    return value === null ? null : { kind: 'percentage_points', value };
  }
  m = new RegExp(`^${NUMBER}\\s*[%％]$`, 'u').exec(text);
  if (m?.[1] !== undefined) {
    const value = toNumber(m[1]);
    return value === null ? null : { kind: 'percent', value, fraction: ratio(value, 100) };
  }
  m = new RegExp(`^(百|千)分之${NUMBER}$`, 'u').exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const n = toNumber(m[2]);
    if (n === null) return null;
    const value = m[1] === '千' ? ratio(n, 10) : n;
    return { kind: 'percent', value, fraction: ratio(value, 100) };
  }
  return null;
}
