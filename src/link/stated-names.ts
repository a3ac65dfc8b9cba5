import { normalizeStockCode } from '../normalize/stock-code.js';
import { cleanCompanyName, isFullName } from './company-name.js';

/**
 * A short name a document gives a full one: "无锡启辰半导体有限公司（以下简称“启辰半导体”）". The full
 * name may carry the clause before it ("公司与无锡启辰…"); the resolver keeps the longest tail it knows.
 */
export interface StatedAlias {
  fullName: string;
  alias: string;
}

/** A subsidiary a document names as such: "全资子公司无锡启辰半导体有限公司". */
export interface StatedSubsidiary {
  name: string;
  kind: 'wholly_owned' | 'controlled';
}

const FULL_NAME =
  '[\\u4e00-\\u9fa5A-Za-z0-9()（）·]{4,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司|\\(有限合伙\\)|（有限合伙）)';
const QUOTE_OPEN = '[“"「『]';
const QUOTE_CLOSE = '[”"」』]';

/** "X（以下简称“Y”）", "X（下称“Y”）", "X（简称：Y）", and a former name: "X（原名Y）", "曾用名：Y". */
const ALIAS = new RegExp(
  `(${FULL_NAME})\\s*[（(]\\s*(?:以下|下文)?(?:简称|下称|称)\\s*[:：]?\\s*${QUOTE_OPEN}?([^”"」』）)，,；;：:\\s]{2,20})${QUOTE_CLOSE}?\\s*[，,；;)）]`,
  'g',
);
const FORMER_NAME = new RegExp(
  `(${FULL_NAME})\\s*[（(]\\s*(?:原名|曾用名|原名称)\\s*[:：为]?\\s*${QUOTE_OPEN}?(${FULL_NAME})${QUOTE_CLOSE}?\\s*[)）]`,
  'g',
);
const SUBSIDIARY = new RegExp(`(全资|控股)(?:子公司|孙公司)\\s*${QUOTE_OPEN}?(${FULL_NAME})`, 'g');

/** Aliases and former names a document states for full company names, in a simplified-Chinese text. */
export function statedAliases(text: string): StatedAlias[] {
  const out: StatedAlias[] = [];
  for (const pattern of [ALIAS, FORMER_NAME]) {
    for (const m of text.matchAll(pattern)) {
      const fullName = cleanCompanyName(m[1] ?? '');
      const alias = cleanCompanyName(m[2] ?? '');
      if (isFullName(fullName) && alias && alias !== fullName) out.push({ fullName, alias });
    }
  }
  return out;
}

/** Companies a document calls its wholly owned or controlled subsidiaries. */
export function statedSubsidiaries(text: string): StatedSubsidiary[] {
  const seen = new Map<string, StatedSubsidiary>();
  for (const m of text.matchAll(SUBSIDIARY)) {
    const name = cleanCompanyName(m[2] ?? '');
    if (!isFullName(name) || seen.has(name)) continue;
    seen.set(name, { name, kind: m[1] === '全资' ? 'wholly_owned' : 'controlled' });
  }
  return [...seen.values()];
}

/** A company stated with its A-share and its H-share code: "中芯国际(证券代码:00981.HK/688981.SH)". */
export interface StatedListingCodes {
  name: string;
  /** 6 digits, Shanghai or Shenzhen. */
  aCode: string;
  /** 5 digits, Hong Kong. */
  hkCode: string;
}

const CODE_ITEM =
  '(A股|H股|港股)?\\s*(?:(?:证券|股票|股份)?(?:代码|代号))?\\s*[:：]?\\s*(\\d{3,6}(?:\\.(?:SH|SZ|HK))?)';
/** A name right after a clause boundary, then a bracket holding two codes. */
const LISTING_CODES = new RegExp(
  `(?<=^|[\\s，。；、：:“”"])([\\u4e00-\\u9fa5A-Za-z0-9·()（）]{2,40}?)\\s*[（(]\\s*${CODE_ITEM}\\s*(?:[/／、，,;；]|及|和)\\s*${CODE_ITEM}\\s*[)）]`,
  'gm',
);

/** 'A' for a Shanghai or Shenzhen share code, 'H' for a Hong Kong one; the label (H股, 港股) or suffix decides. */
function listingOf(label: string | undefined, raw: string): { market: 'A' | 'H'; code: string } | undefined {
  const hk = label === 'H股' || label === '港股';
  // Hong Kong codes are often written without their leading zeros (H股：857).
  const code = normalizeStockCode(hk && !/\./.test(raw) ? `${raw.padStart(5, '0')}.HK` : raw);
  if (!code) return undefined;
  if (code.exchange === 'HKEX') return { market: 'H', code: code.code };
  return code.exchange === 'SSE' || code.exchange === 'SZSE' ? { market: 'A', code: code.code } : undefined;
}

/** Companies a document states with one A-share and one H-share code, in a simplified-Chinese text. */
export function statedListingCodes(text: string): StatedListingCodes[] {
  const out: StatedListingCodes[] = [];
  for (const m of text.matchAll(LISTING_CODES)) {
    const first = listingOf(m[2], m[3] ?? '');
    const second = listingOf(m[4], m[5] ?? '');
    if (!first || !second || first.market === second.market) continue;
    const [a, h] = first.market === 'A' ? [first, second] : [second, first];
    out.push({ name: cleanCompanyName(m[1] ?? ''), aCode: a.code, hkCode: h.code });
  }
  return out;
}
