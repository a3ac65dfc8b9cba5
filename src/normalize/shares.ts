import { QUANTITY_PATTERN, quantityValue } from './quantity.js';

export interface ShareCount {
  /** Number of shares. */
  shares: number;
}

const SHARES_SOURCE = `${QUANTITY_PATTERN}\\s*股(?!东|份有限|权|票|本|价|利)`;

/** "2000万股" → 20000000, "1.2亿股", "500股", "一千二百万股"; null if it is not a share count. */
export function normalizeShares(input: string): ShareCount | null {
  const text = input.trim().replace(/^(约|合计|共计|累计)/, '');
  const m = new RegExp(`^${QUANTITY_PATTERN}\\s*股$`, 'u').exec(text);
  if (!m || m[1] === undefined) return null;
  const shares = quantityValue(m[1], m[2]);
  return shares === null ? null : { shares };
}

export interface ShareMention extends ShareCount {
  text: string;
  start: number;
  end: number;
}

/** Finds share counts in free text ("质押2,000万股"), skipping words like 股东/股份有限. */
export function findShares(text: string): ShareMention[] {
  const out: ShareMention[] = [];
  const re = new RegExp(SHARES_SOURCE, 'gu');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] === undefined) continue;
    const shares = quantityValue(m[1], m[2]);
    if (shares !== null) out.push({ shares, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
