export type Exchange = 'SSE' | 'SZSE' | 'BSE' | 'HKEX';
export type Board = 'main' | 'star' | 'chinext' | 'b_share' | 'bse' | 'hk_main' | 'fund_or_bond';

export interface StockCode {
  /** Bare code: 6 digits for mainland, 5 digits (zero-padded) for Hong Kong. */
  code: string;
  exchange: Exchange;
  board: Board;
  /** Canonical symbol with suffix, e.g. 600519.SH, 000001.SZ, 430047.BJ, 00700.HK. */
  symbol: string;
}

const SUFFIX: Readonly<Record<Exchange, string>> = { SSE: 'SH', SZSE: 'SZ', BSE: 'BJ', HKEX: 'HK' };

const EXCHANGE_BY_MARKER: Readonly<Record<string, Exchange>> = {
  SH: 'SSE',
  SS: 'SSE',
  SSE: 'SSE',
  SZ: 'SZSE',
  SZSE: 'SZSE',
  BJ: 'BSE',
  BSE: 'BSE',
  HK: 'HKEX',
  HKEX: 'HKEX',
};

/** Exchange and board of a 6-digit mainland code from its prefix; null if the prefix is not a known one. */
export function classifyMainlandCode(code: string): { exchange: Exchange; board: Board } | null {
  if (!/^\d{6}$/.test(code)) return null;
  const p3 = code.slice(0, 3);
  const p2 = code.slice(0, 2);
  if (['600', '601', '603', '605'].includes(p3)) return { exchange: 'SSE', board: 'main' };
  if (['688', '689'].includes(p3)) return { exchange: 'SSE', board: 'star' };
  if (p3 === '900') return { exchange: 'SSE', board: 'b_share' };
  if (['000', '001', '002', '003', '004'].includes(p3)) return { exchange: 'SZSE', board: 'main' };
  if (['300', '301', '302'].includes(p3)) return { exchange: 'SZSE', board: 'chinext' };
  if (p3 === '200') return { exchange: 'SZSE', board: 'b_share' };
  if (['43', '83', '87', '88', '92'].includes(p2)) return { exchange: 'BSE', board: 'bse' };
  if (['50', '51', '52', '56', '58', '11'].includes(p2)) return { exchange: 'SSE', board: 'fund_or_bond' };
  if (['15', '16', '18', '12'].includes(p2)) return { exchange: 'SZSE', board: 'fund_or_bond' };
  return null;
}

function make(code: string, exchange: Exchange, board: Board): StockCode {
  return { code, exchange, board, symbol: `${code}.${SUFFIX[exchange]}` };
}

function fromParts(digits: string, marker: string | undefined): StockCode | null {
  const exchangeHint = marker ? EXCHANGE_BY_MARKER[marker.toUpperCase()] : undefined;
  if (exchangeHint === 'HKEX' || (!exchangeHint && digits.length <= 5)) {
    if (digits.length < 4 || digits.length > 5) return null;
    return make(digits.padStart(5, '0'), 'HKEX', 'hk_main');
  }
  if (digits.length !== 6) return null;
  const classified = classifyMainlandCode(digits);
  if (exchangeHint)
    return make(digits, exchangeHint, classified?.exchange === exchangeHint ? classified.board : 'main');
  return classified ? make(digits, classified.exchange, classified.board) : null;
}

/**
 * Normalises a stock code: 600519, 600519.SH, SZ000001, sz000001, 430047.BJ, 00700.HK, (0700.HK), HK00700,
 * 00700 (5 digits → HKEX). An explicit exchange marker wins over the prefix rule.
 */
export function normalizeStockCode(input: string): StockCode | null {
  const text = input
    .trim()
    .replace(/^[(（[【]|[)）\]】]$/g, '')
    .trim();
  let m = /^(\d{4,6})\s*\.\s*(SH|SS|SZ|BJ|HK)$/i.exec(text);
  if (m?.[1] !== undefined) return fromParts(m[1], m[2]);
  m = /^(SH|SZ|BJ|HK)\s*(\d{4,6})$/i.exec(text);
  if (m?.[2] !== undefined) return fromParts(m[2], m[1]);
  m = /^(\d{5,6})$/.exec(text);
  if (m?.[1] !== undefined) return fromParts(m[1], undefined);
  return null;
}
