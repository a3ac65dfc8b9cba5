import { normalizeStockCode } from '../normalize/stock-code.js';
import { cleanCompanyName, isFullName } from './company-name.js';

/**
 * A short name a document gives a full one: "无锡启辰半导体有限公司（以下简称“启辰半导体”）", or in a
 * Hong Kong filing "高岭会计师有限公司（「高岭」）". The full
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

/** "X（以下简称“Y”）", "X（下称“Y”）", "X（简称：Y）". */
const ALIAS = new RegExp(
  `(${FULL_NAME})\\s*[（(]\\s*(?:以下|下文)?(?:简称|下称|称)\\s*[:：]?\\s*${QUOTE_OPEN}?([^”"」』）)，,；;：:\\s]{2,20})${QUOTE_CLOSE}?\\s*[，,；;)）]`,
  'g',
);

/** A Hong Kong filing's inline definition: "高岭会计师有限公司（「高岭」）". */
const BRACKETED_ALIAS = new RegExp(
  `(${FULL_NAME})\\s*[（(]\\s*[「“"]([^」”"）)，,；;：:\\s]{2,20})[」”"]\\s*[)）]`,
  'g',
);

const SUBSIDIARY = new RegExp(`(全资|控股)(?:子公司|孙公司)\\s*${QUOTE_OPEN}?(${FULL_NAME})`, 'g');

/**
 * A 释义 (definitions) table row: "释义项：常奔公司、常奔；指；释义内容：常州常柴奔牛柴油机有限公司". The
 * full name ends the row: "股东大会；指；X股份有限公司股东大会" defines a body of X, not a name of X.
 */
const DEFINITION_ROW = new RegExp(
  `^\\s*(?:释义项\\s*[:：])?\\s*([^；;：:\\n]{2,30})\\s*[；;]\\s*指\\s*[；;]\\s*(?:释义内容\\s*[:：])?\\s*(${FULL_NAME})(?=\\s*(?:$|[；;。]))`,
  'gm',
);

/**
 * A Latin name followed by its Chinese one in brackets: "Semiconductor Manufacturing International Corporation
 * （中芯国际集成电路制造有限公司）". The Latin name runs from its first capital after a non-Latin character, across
 * the line breaks a layout puts inside it.
 */
const LATIN_WITH_CHINESE_NAME = new RegExp(
  `(?<![A-Za-z0-9&.,'-])([A-Z][A-Za-z0-9&.,'\\s-]{1,100}?(?:Limited|Ltd\\.?|Corporation|Corp\\.?|Inc\\.?|Company|plc))\\s*[（(]\\s*(${FULL_NAME})\\s*[)）]`,
  'g',
);

/** Aliases a document states for full company names, in a simplified-Chinese text. */
export function statedAliases(text: string): StatedAlias[] {
  const out: StatedAlias[] = [];
  for (const m of text.matchAll(DEFINITION_ROW)) {
    const fullName = cleanCompanyName(m[2] ?? '');
    if (!isFullName(fullName)) continue;
    for (const raw of (m[1] ?? '').split(/[、,，/]|或/)) {
      const alias = cleanCompanyName(raw);
      if (alias.length >= 2 && alias !== fullName) out.push({ fullName, alias });
    }
  }
  for (const m of text.matchAll(LATIN_WITH_CHINESE_NAME)) {
    const fullName = cleanCompanyName(m[2] ?? '');
    const alias = cleanCompanyName(m[1] ?? '');
    if (isFullName(fullName) && isFullName(alias)) out.push({ fullName, alias });
  }
  for (const m of [...text.matchAll(ALIAS), ...text.matchAll(BRACKETED_ALIAS)]) {
    const fullName = cleanCompanyName(m[1] ?? '');
    const alias = cleanCompanyName(m[2] ?? '');
    if (isFullName(fullName) && alias && alias !== fullName) out.push({ fullName, alias });
  }
  return out;
}

/** A name a company was known by before: `name` is its present name, absent for the document's own company. */
export interface StatedFormerName {
  name?: string;
  formerName: string;
}

/** Where a name starts when no bracket marks it: after a clause boundary or a word that governs it. */
const NAME_START = '(?<=^|[\\s，。；、：:“"《（(*]|将|把|由|子公司|孙公司)';
const NAME_OPEN = `\\s*[:：]?\\s*${QUOTE_OPEN}?`;
/** Former names stated beside the present one: "X（原名Y）", "原名Y，于2001年更名为X", "Y更名为X", "公司名称由Y变更为X". */
const FORMER_NAME_PATTERNS: Array<{ pattern: RegExp; name: number; former: number }> = [
  {
    pattern: new RegExp(
      `(${FULL_NAME})\\s*[（(]\\s*(?:原名|曾用名|原名称)(?:为|称)?${NAME_OPEN}(${FULL_NAME})${QUOTE_CLOSE}?\\s*[)）]`,
      'g',
    ),
    name: 1,
    former: 2,
  },
  {
    pattern: new RegExp(
      `(?:原名|原名称|曾用名)(?:为|称)?${NAME_OPEN}(${FULL_NAME})${QUOTE_CLOSE}?[\\s，,]*(?:[于在][^，。；\\n]{0,20})?(?:更名|名称变更)为${NAME_OPEN}(${FULL_NAME})`,
      'g',
    ),
    name: 2,
    former: 1,
  },
  {
    pattern: new RegExp(
      `${NAME_START}(${FULL_NAME})${QUOTE_CLOSE}?\\s*(?:[于在][^，。；\\n]{0,20})?(?:正式)?更名为${NAME_OPEN}(${FULL_NAME})`,
      'g',
    ),
    name: 2,
    former: 1,
  },
  {
    pattern: new RegExp(
      `名称(?:由|从)${NAME_OPEN}(${FULL_NAME})${QUOTE_CLOSE}?\\s*(?:变更|更改|更名)为${NAME_OPEN}(${FULL_NAME})`,
      'g',
    ),
    name: 2,
    former: 1,
  },
];
/**
 * The document's own company stating its former name: "本公司……原名为Y" within one sentence, with no
 * subsidiary or shareholder in between (本公司之子公司X原名Y is X's), or a 公司信息 row "曾用名；Y".
 */
const OWN_FORMER_NAME = new RegExp(
  `(?:本公司|公司)([^。；]{0,150}?)(?:原名|原名称|曾用名)(?:为|称)?\\s*[:：；;]?\\s*${QUOTE_OPEN}?(${FULL_NAME})`,
  'g',
);
const NOT_OWN = /子公司|附属|联营|合营|参股|股东|收购|持有|[（(]原名/;
/** A 公司信息 table row of the document's own company: "曾用名；Y". */
const OWN_FORMER_NAME_ROW = new RegExp(
  `^\\s*(?:公司)?曾用名\\s*[:：；;]\\s*${QUOTE_OPEN}?(${FULL_NAME})`,
  'gm',
);
/** The clause a match may carry before a name: "本公司将全资子公司X", "原名X". */
const GOVERNING_CLAUSE = /^.*(?:将|把|子公司|孙公司|原名称?|曾用名)(?:为|称)?/;

function withoutGoverningClause(name: string): string {
  const tail = name.replace(GOVERNING_CLAUSE, '');
  return tail !== name && isFullName(tail) && tail.length >= 6 ? tail : name;
}

/** Layout spaces and tabs between two Han characters: a table or spaced-out line cuts a name with them. */
const SPACE_IN_WORDS = /(?<=[\u4e00-\u9fa5])[ \t\u3000]+(?=[\u4e00-\u9fa5])/g;

/**
 * Former names a document states for companies, in a simplified-Chinese text, also where layout spaces cut
 * the names (原名天津万科兴业 集团 有限公司 于本报告期内更名为…).
 */
export function statedFormerNames(layoutText: string): StatedFormerName[] {
  const text = layoutText.replace(SPACE_IN_WORDS, '');
  const out: StatedFormerName[] = [];
  const seen = new Set<string>();
  const push = (name: string | undefined, raw: string) => {
    const formerName = withoutGoverningClause(cleanCompanyName(raw));
    if (!isFullName(formerName) || formerName === name) return;
    const id = `${name ?? ''}|${formerName}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(name === undefined ? { formerName } : { name, formerName });
  };
  const claimed = new Set<string>();
  for (const { pattern, name, former } of FORMER_NAME_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const present = cleanCompanyName(m[name] ?? '');
      if (!isFullName(present)) continue;
      push(present, m[former] ?? '');
      claimed.add(withoutGoverningClause(cleanCompanyName(m[former] ?? '')));
    }
  }
  for (const m of text.matchAll(OWN_FORMER_NAME)) {
    const former = withoutGoverningClause(cleanCompanyName(m[2] ?? ''));
    if (!NOT_OWN.test(m[1] ?? '') && !claimed.has(former)) push(undefined, former);
  }
  for (const m of text.matchAll(OWN_FORMER_NAME_ROW)) push(undefined, m[1] ?? '');
  return out;
}

/**
 * What follows 全资子公司 when the subsidiary is not named there but acts ("全资子公司以自有资金1,000万元
 * 投资设立X有限公司", "全资子公司拟与…"): a preposition or adverb, or a sum, or a company being set up.
 */
const NOT_A_NAMED_SUBSIDIARY =
  /^(?:以|拟|将|已|于|在|向|与|对|由|使用|通过|出资)|\d[\d,.]*\s*(?:万|亿)?元|设立/;

/** Companies a document calls its wholly owned or controlled subsidiaries. */
export function statedSubsidiaries(text: string): StatedSubsidiary[] {
  const seen = new Map<string, StatedSubsidiary>();
  for (const m of text.matchAll(SUBSIDIARY)) {
    if (NOT_A_NAMED_SUBSIDIARY.test(m[2] ?? '')) continue;
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

/** A Latin company name before its legal form: "Hebei Jianxin Chemical Co.,Ltd". */
const LATIN_FIRM =
  /\b((?:[A-Z][A-Za-z&'-]*\s+){1,5})(?:Co\b|Company\b|Corporation\b|Corp\b|Limited\b|Ltd\b|Inc\b)/g;

/**
 * Latin company names a document writes with their legal form, without it, and each tail of two or more
 * words (Hebei Jianxin Chemical, Jianxin Chemical): a report's abbreviation row names the company so.
 */
export function statedLatinFirmNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(LATIN_FIRM)) {
    const words = (m[1] ?? '').trim().split(/\s+/);
    for (let start = 0; start <= words.length - 2; start++) names.add(words.slice(start).join(' '));
  }
  return [...names];
}

/**
 * The A-share code a text prints in the bracket after `name`, however the press writes it: 华谊兄弟（300027.SZ）,
 * 中弘股份(000979,股吧), 力源信息（300184，SZ）, 良品铺子（603719. SH）, X股份有限公司（简称“X”，601788）,
 * 寒武纪（全称“…”代码“688257”）. Undefined when none is printed there.
 */
export function statedCodeOf(text: string, name: string): string | undefined {
  if (name.length < 2) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The code opens the bracket or follows a separator, and a suffix, a separator or the bracket's end follows it.
  const bracket = new RegExp(
    `${escaped}\\s*[（(](?:[^）)]{0,30}?[，,、：:“"\\s])?(\\d{6})(?:\\s*[.．]\\s*S[HZ])?(?:\\s*[，,]\\s*(?:SH|SZ|股吧))?[”"]?\\s*(?:[，,；;][^）)]{0,12})?[）)]`,
  );
  const code = bracket.exec(text)?.[1];
  const stock = code ? normalizeStockCode(code) : undefined;
  return stock && (stock.exchange === 'SSE' || stock.exchange === 'SZSE') ? stock.code : undefined;
}

/** Stems of role nouns in 人 that stand before a party's name: 呈请人, 申请人, 委托人, 担保人, 受让人… */
const ROLE_NOUN_STEM =
  /(?:呈请|申请|委托|受托|担保|保证|出让|受让|转让|承租|出租|债务|债权|发起|借款|贷款|当事|代理)$/;

/**
 * Spans the model started at the 人 of a role noun (呈请人富泉商贸有限公司 read as 人富泉商贸有限公司): every
 * place the text has the span, a role noun's stem stands right before it. Names that begin with 人 (人福医药)
 * stand elsewhere without one.
 */
export function spansAfterRoleNoun(text: string, spans: Iterable<string>): string[] {
  const out: string[] = [];
  for (const span of new Set(spans)) {
    if (!span.startsWith('人') || span.length < 5) continue;
    let found = false;
    let every = true;
    for (let at = text.indexOf(span); at >= 0 && every; at = text.indexOf(span, at + 1)) {
      found = true;
      every = ROLE_NOUN_STEM.test(text.slice(Math.max(0, at - 4), at));
    }
    if (found && every) out.push(span);
  }
  return out;
}
