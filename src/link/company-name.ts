import { foldFullWidth, toSimplified } from '../parse/traditional-to-simplified.js';

/**
 * Listing-status marks an exchange puts before a short name: ST / *ST (special treatment), S (share
 * reform pending), N (first day), C (first days on STAR/ChiNext), XD / XR / DR (ex-dividend/rights).
 * They tell the state of the shares, not another company.
 */
const LISTING_PREFIX = /^(?:S?\*?ST|SST|XD|XR|DR|N|C)(?=[\u4e00-\u9fa5])/;

/** Legal forms that end a full company name; a name ending so is a full name, not a short one. */
export const LEGAL_FORM =
  /(?:股份有限公司|有限责任公司|有限公司|集团公司|总公司|分公司|(?:有限)?合伙\)|合伙企业|株式会社|银行|事务所|Limited|Ltd\.?|Inc\.?|Corporation|Corp\.?|Company|plc)$/i;

/** The legal-form tail stripped from a full name to find its core ("无锡启辰半导体"). */
const LEGAL_TAIL =
  /(?:\(集团\))?(?:集团)?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|合伙企业\(有限合伙\)|合伙企业|\(有限合伙\)|Holdings\s+Limited|Limited|Ltd\.?|Inc\.?)$/i;

/**
 * Words the model reads into the start of a name from the clause before it (新设X有限公司, 收购X…,
 * 任X…, 原X…): the name is what follows.
 */
const LEADING_CLAUSE =
  /^(?:新设|收购|核准|同意|委托|签定|签订|关于|聘任|续聘|聘请|改聘|担任|作为|成为|任|经|和|与|及|归|向|对|由|将|拟|在|于|按|以|原)/;

/**
 * Words that name a role or a kind of company, never a company: spans the model reads as parties
 * that must not become nodes of their own. Self-references (公司, 本公司) are handled before this.
 */
const GENERIC = new Set([
  '公司',
  '本公司',
  '该公司',
  '股东',
  '控股股东',
  '大股东',
  '子公司',
  '全资子公司',
  '控股子公司',
  '母公司',
  '集团',
  '有限公司',
  '股份有限公司',
  '株式会社',
  '甲方',
  '乙方',
  '丙方',
  '丁方',
  '对方',
  '交易对方',
  '标的公司',
  '目标公司',
  '合资公司',
  '上文',
  '本行',
  'Limited',
  'Ltd',
  'Ltd.',
  'Inc',
  'Inc.',
  'Company',
  'Holdings',
  'HoldingsLimited',
  'Holdings Limited',
  'Group',
]);

/**
 * Words that say what a company does or how it is held, never which company it is: a registered name
 * always has a trade name (字号) or a place besides them, so a full name made of these alone is a span cut
 * from a longer name (国际控股有限公司 of 方雄国际控股有限公司, 速运有限公司 of a split table cell).
 */
const GENERIC_HEAD = new RegExp(
  `^(?:${[
    '国际',
    '控股',
    '投资',
    '实业',
    '发展',
    '科技',
    '技术',
    '贸易',
    '商贸',
    '商务',
    '物流',
    '速运',
    '快递',
    '运输',
    '供应链',
    '置业',
    '房地产',
    '地产',
    '开发',
    '建设',
    '工程',
    '咨询',
    '管理',
    '服务',
    '资产',
    '资本',
    '金融',
    '能源',
    '新能源',
    '电子',
    '医药',
    '化工',
    '材料',
    '新材料',
    '制造',
    '企业',
    '产业',
    '网络',
    '信息',
    '传媒',
    '文化',
    '环保',
    '电力',
    '矿业',
    '农业',
    '食品',
    '工业',
    '商业',
    '销售',
    '设备',
    '集团',
    '股份',
  ].join('|')})+$`,
);

/** The same for a Latin name: "Investments Limited", "International Corporation" are cut from longer names. */
const LATIN_GENERIC =
  /^(?:(?:International|Investments?|Holdings?|Group|Global|Capital|Enterprises?|Industrial|Industries|Development|Technolog(?:y|ies)|Trading|Management|Services|Resources|Corporation|Corp\.?|Company|Co\.?,?|Limited|Ltd\.?|Inc\.?|plc|LLC)(?:\s+|$))+$/i;

/**
 * One spelling for a company name: full-width letters and brackets folded, Traditional characters
 * made Simplified, tabs and spaces between Chinese characters removed (layout splits names), runs of
 * spaces between Latin words kept as one ("Alco Holdings Limited" keeps its words).
 */
export function cleanCompanyName(text: string): string {
  let clean = cleaned.get(text);
  if (clean === undefined) {
    // Converting scripts is the costly part, and a document repeats the same few names many times.
    if (cleaned.size >= CLEANED_LIMIT) cleaned.clear();
    clean = cleanUncached(text);
    cleaned.set(text, clean);
  }
  return clean;
}

const cleaned = new Map<string, string>();
const CLEANED_LIMIT = 20_000;

function cleanUncached(text: string): string {
  const folded = foldFullWidth(text).replace(/（/g, '(').replace(/）/g, ')').replace(/＊/g, '*');
  const simplified = toSimplified(folded).text;
  return simplified
    .replace(/\s+/g, ' ')
    .replace(/^[\s“”"'「」『』《》]+|[\s“”"'「」『』《》]+$/g, '')
    .replace(/ (?=[^A-Za-z0-9])|(?<=[^A-Za-z0-9.,&]) /g, '');
}

/**
 * Where a span runs from one clause into the name that ends it ("平安租赁同为中国平安保险…", "…”)以及X有限公司",
 * "…号《浙江京新药业股份有限公司").
 */
const CLAUSE_BREAK = /以及|同为|委托|收购|关于|签定|签订|合伙人为|[“”「」《》]/;

/** A full name without the clause the model read into its start ("新设南京万科置业有限公司"). */
export function withoutLeadingClause(name: string): string {
  const tail = name.split(CLAUSE_BREAK).at(-1) ?? name;
  const after = tail !== name && isFullName(tail) && tail.length >= 6 ? tail : name;
  const rest = after.replace(LEADING_CLAUSE, '');
  return rest !== after && isFullName(rest) && rest.length >= 6 ? rest : after;
}

/** A name without its listing-status mark: `*ST华辰` → { core: 华辰, prefix: *ST }. */
export function withoutListingPrefix(name: string): { core: string; prefix?: string } {
  const m = LISTING_PREFIX.exec(name);
  return m ? { core: name.slice(m[0].length), prefix: m[0] } : { core: name };
}

/** The distinctive part of a full name: legal form removed ("无锡启辰半导体有限公司" → "无锡启辰半导体"). */
export function nameCore(name: string): string {
  return name.replace(LEGAL_TAIL, '');
}

/**
 * A full name without its legal form only: 有限公司 and 股份有限公司 of one core are one company after a
 * change of form, while 集团 stays part of the name (顺丰速运(集团)有限公司 is not 顺丰速运有限公司).
 */
export function legalFormCore(name: string): string {
  return name.replace(
    /(?:股份有限公司|有限责任公司|有限公司|合伙企业\(有限合伙\)|合伙企业|\(有限合伙\))$/,
    '',
  );
}

/**
 * A joint-stock company's name without the (集团) before its legal form: filings write
 * 深圳市建业(集团)股份有限公司 and 深圳市建业股份有限公司 for one company. Only before 股份有限公司: a group
 * under 有限公司 is often a company of its own beside its operator (顺丰速运(集团)有限公司, 顺丰速运有限公司).
 */
export function withoutGroupWord(name: string): string {
  return name.replace(/\(集团\)(?=股份有限公司$)/, '');
}

/** True for a full legal name (ends in a legal form), as opposed to a short name or a brand. */
export function isFullName(name: string): boolean {
  return LEGAL_FORM.test(name) && nameCore(name).length >= 2;
}

/**
 * Market indexes (上证综指, 深证成指, 创业板指, 沪深300, 恒生指数, …): a report's market table names them
 * with codes that are also companies' codes (上证综指 000001 is 平安银行's code on SZSE), but an index
 * is never a company.
 */
const MARKET_INDEX =
  /^(?:(?:上证|深证|沪深|中证|创业板|科创板?|北证|恒生|国证|申万|中信|万得|标普|纳斯达克|道琼斯|富时|日经)(?:综指|成指|指数?|综合指数|成份指数|\d{2,4}(?:指数)?|科技指数?|全A|工业指数?)|.{1,10}指数)$/;

export function isMarketIndexName(name: string): boolean {
  return MARKET_INDEX.test(name);
}

/** Provinces and large cities that start registered names and follow a parent's name in a subsidiary's. */
const PLACES =
  '北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|深圳|广州|杭州|南京|苏州|无锡|武汉|成都|西安|厦门|宁波|青岛|大连|沈阳|长沙|郑州|合肥|福州|济南|哈尔滨|长春|昆明|南昌|南宁|贵阳|太原|石家庄|兰州|海口|珠海|佛山|东莞|常州|温州|绍兴|嘉兴|烟台|中山|惠州|徐州|南通|扬州|泉州|中国';

/**
 * Places a subsidiary's name puts after its parent's (华润置地(北京)股份有限公司, 万科广州…): a short name
 * followed by one of these in a full name is the parent's name, not this company's.
 */
const PLACE_AFTER_NAME = new RegExp(`^\\(?(?:${PLACES}|[\\u4e00-\\u9fa5]{1,4}(?:省|市|区|县))`);

/** A place a registered name may start with (浙江, 深圳市, 内蒙古, 河南省…). */
const LEADING_PLACE = new RegExp(`^(?:${PLACES})[省市]?`);

/** A branch named by its place alone (沧县分公司, 上海分公司): the parent's name was cut off. */
const BARE_BRANCH = new RegExp(`^(?:(?:${PLACES})[省市]?|[\\u4e00-\\u9fa5]{1,3}(?:省|市|区|县))分公司$`);

/**
 * A full name without the place it starts with and the legal form it ends with, in one spelling for
 * the place's 市/省 (深圳市万佳百货股份有限公司 → { place: 深圳, rest: 万佳百货 }); undefined without a place.
 */
export function leadingPlace(name: string): { place: string; rest: string } | undefined {
  const core = legalFormCore(name);
  const m = LEADING_PLACE.exec(core);
  if (!m || m[0] === '中国' || core.length - m[0].length < 3) return undefined;
  return { place: m[0].replace(/[省市]$/, ''), rest: core.slice(m[0].length) };
}

/**
 * True when `core` is `short` followed by a place (华润置地 + 北京): a subsidiary-like company of its
 * own, never the company the short name stands for.
 */
export function isPlaceSubsidiaryOf(core: string, short: string): boolean {
  return (
    core.startsWith(short) && core.length > short.length && PLACE_AFTER_NAME.test(core.slice(short.length))
  );
}

/** Latin names are made of words (SMIC, SMIC Japan Corporation): a part of one is another company. */
export function isLatinName(name: string): boolean {
  return /^[A-Za-z][A-Za-z0-9 .&-]*$/.test(name);
}

/**
 * True when a cleaned span cannot be a company's name: a generic word, a market index, a listing mark alone (ST),
 * a clause or list crossing a name boundary (two legal forms, punctuation, a colon), a lone letter.
 */
export function isNotCompanyName(name: string): boolean {
  if (name.length < 2 || GENERIC.has(name) || isMarketIndexName(name)) return true;
  const { core, prefix } = withoutListingPrefix(name);
  if (prefix && core.length < 2) return true;
  if (/^(?:S?\*?ST|SST)$/.test(name)) return true;
  // A legal form after words that name no company: a span cut from a longer name.
  if (LATIN_GENERIC.test(name) || BARE_BRANCH.test(name)) return true;
  if (LEGAL_FORM.test(name) && GENERIC_HEAD.test(nameCore(name))) return true;
  if (/[，,；;：:、。\t\n]|是|系/.test(name)) return true;
  // A clause read into a legal form: 顺丰控股有限改制为股份有限公司, 百慕达注册成立之有限责任公司,
  // 开曼群岛注册的有限公司, (签订)了银企合作协议招商银行; a fund beside its custodian bank in a
  // holders' table (X混合型证券投资基金招商银行股份有限公司).
  if (/改制为|更名为|注册成立|注册的|协议|证券投资基金./.test(name)) return true;
  if (!balancedBrackets(name)) return true;
  // Two legal forms in one span: a list or a clause ("X有限公司与Y有限公司", "…股权结构为：…公司").
  if ((name.match(/公司/g) ?? []).length >= 2 && !/分公司$|总公司$/.test(name)) return true;
  return /^[A-Za-z]$/.test(name);
}

/** "连云港)有限公司" is the end of a name cut in two, not a name. */
function balancedBrackets(name: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
