import { normalizeDate, WRITTEN_YEAR } from '../normalize/dates.js';
import { type Exchange, normalizeStockCode } from '../normalize/stock-code.js';

export interface AnnouncementHeader {
  /** Primary security code (first one in the header), 6 digits (A-share) or 5 digits (HK). */
  stockCode?: string;
  exchange?: Exchange;
  /** Every security code in the header (A/B shares, H shares, bonds) in order of appearance. */
  securityCodes: Array<{ label: string; code: string; exchange?: Exchange }>;
  /** 证券简称 of the primary code. */
  shortName?: string;
  /** 公告编号, e.g. 临2025-012. */
  announcementNo?: string;
  companyName?: string;
  title?: string;
  /** ISO date of the announcement (signature date, else the first full date in the header). */
  date?: string;
}

/** Only the top of the document is a header; a limit keeps body text from being mistaken for one. */
const HEADER_SPAN = 1500;
const FOOTER_SPAN = 800;

const CODE =
  /(A股|B股|H股|证券|股票|股份|公司|债券|转债)(?:代码|代号)\s*[:：]?\s*[（(]?\s*(\d{6}|\d{4,5}|(?<=代号\s*[:：]?\s*)\d{1,3})(?!\d)(?:\.(?:SH|SZ|BJ|HK))?/g;
/** A second code right after the first, under the same label. */
const SECOND_CODE = /^\s*[、,，/]\s*(\d{6})(?!\d)/;
/** HKEX filings sign "承董事会命 / <company>" and name the company "<name>（「本公司」）" in the body. */
const HK_SIGNED_BY =
  /承董事会命\s*\n\s*([A-Za-z][A-Za-z0-9 .,&'()-]{3,80}?(?:Limited|Ltd\.?|Inc\.?|Company|Corporation|plc)|[\u4e00-\u9fa5（）()]{4,40}有限公司)\s*\n/i;
const HK_SELF_NAMED =
  /([A-Za-z][A-Za-z0-9 .,&'-]{3,80}?(?:Limited|Ltd\.?)|[\u4e00-\u9fa5]{4,40}有限公司)\s*[（(]\s*[「“"]\s*本\s*公\s*司\s*[」”"]/;
/** An HKEX filing is dated where it is signed: "香港，二零二五年九月三日". */
const HK_PLACE_DATE = /香港\s*[，,]\s*/;
// A listing mark may stand apart from the name ("ST 深物业"): it is part of the short name.
const SHORT_NAME =
  /(?:A股|B股|证券|股票|公司)简称\s*[:：]?\s*((?:S?\*?ST[ \t]+)?[*A-Za-z\u4e00-\u9fa5][*A-Za-z0-9\u4e00-\u9fa5]{1,11}?)(?=\s|$|[，,；;:：)）]|公告编号|编号|债券|证券代码|股票代码|A股|B股)/;
const ANNOUNCEMENT_NO = /公告编号\s*[:：]?\s*([临A-Za-z0-9\-－—–_〔〕[\]（）()号第]{3,24})/;
const COMPANY_NAME =
  /^[\u4e00-\u9fa5A-Za-z（）()]{4,40}(?:股份有限公司|有限责任公司|有限公司|集团公司|（集团）股份有限公司)$/;
/** A revision's mark after a title: "…报告书（修订稿）". */
const REVISION = '(?:[（(](?:修订稿|修订版|草案|更正后|补充后)[）)])?';
const TITLE_LINE = new RegExp(
  `(?:^关于.{2,80}的.{0,12}公告${REVISION}$)|(?:^.{2,60}(?:公告|公告书|报告书|提示性公告|更正公告|补充公告|说明|业绩快报|业绩预告)${REVISION}$)|(?:^(?:须予披露交易|关连交易|主要交易|非常重大收购事项|内幕消息|自愿公告|持续关连交易).{0,60}$)`,
);
/** Header lines that are no title, and a body section's numbered heading ("二、经营业绩…情况说明"). */
const NOT_TITLE =
  /公告编号|保证本公告|本公司及董事会|虚假记载|概不负责|证券代码|股票代码|简称|^[一二三四五六七八九十]+、/;
const FULL_DATE = new RegExp(
  `(${WRITTEN_YEAR})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*(\\d{1,3}|[一二三四五六七八九十]{1,3})\\s*日`,
  'g',
);

function lastDate(text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(FULL_DATE)) {
    const date = normalizeDate(m[0]);
    if (date) found = date.iso;
  }
  return found;
}

function firstDate(text: string): string | undefined {
  for (const m of text.matchAll(FULL_DATE)) {
    const date = normalizeDate(m[0]);
    if (date) return date.iso;
  }
  return undefined;
}

/** The date right under "……董事会" is the announcement date, even when appendices follow. */
function signatureDate(text: string): string | undefined {
  const re = new RegExp(`董事会(?:命)?\\s*\\n(?:[^\\n]{0,30}\\n)?[^\\n]{0,10}?(${FULL_DATE.source})`, 'g');
  let found: string | undefined;
  for (const m of text.matchAll(re)) {
    const date = m[1] ? normalizeDate(m[1]) : null;
    if (date) found = date.iso;
  }
  return found;
}

const COVER_DATE = new RegExp(`^${FULL_DATE.source}$`);
/** A date standing alone on the line under the title: a periodic report's cover ("二○○一年年度报告\n二○○二年四月十六日"). */
function coverDate(headLines: readonly string[], title: string | undefined): string | undefined {
  const at = title ? headLines.findIndex((l) => l.trim() === title) : -1;
  const below = at < 0 ? undefined : headLines[at + 1]?.trim();
  const m = below ? COVER_DATE.exec(below) : null;
  return m ? normalizeDate(m[0])?.iso : undefined;
}

/** An HKEX title has no fixed wording: it is the first short line under the stock-code line. */
function hkTitle(head: string): string | undefined {
  const lines = head.split('\n');
  const at = lines.findIndex((l) => /股份代号/.test(l));
  if (at < 0) return undefined;
  const below = lines.slice(at + 1, at + 14).map((raw) => raw.replace(/\s+/g, ''));
  for (const [i, line] of below.entries()) {
    // The header block around the code: web address, place of incorporation, the code itself.
    if (line === '' || /网址|https?:|注册成立|^[（(][^（(]*[)）]$|股份代号/.test(line)) continue;
    if (NUMBERED_ITEM.test(line)) return numberedTitle(below.slice(i));
    return line.length >= 2 && line.length <= 60 && !NOT_TITLE.test(line) && !/[，。；]/.test(line)
      ? line
      : undefined;
  }
  return undefined;
}

/** A circular or notice about several matters numbers them: "(1) 重选董事；" "(2) 发行及购回股份之一般授权；及". */
const NUMBERED_ITEM = /^[（(](?:\d{1,2}|[一二三四五六七八九十])[)）]/;

/** The numbered matters joined, numbers and list words dropped; a line that starts no item and ends none ends it. */
function numberedTitle(lines: string[]): string | undefined {
  const items: string[] = [];
  for (const line of lines) {
    const last = items.at(-1) ?? '';
    if (NUMBERED_ITEM.test(line)) items.push(line.replace(NUMBERED_ITEM, ''));
    else if (line === '及' || line === '和') continue;
    // The body starts: a sentence, a page mark, or the first matter's heading repeating its item.
    else if (/[，。：:]|^[–-]|目录/.test(line) || items.some((item) => item.startsWith(line))) break;
    // An item wraps onto lines that start no item; the body's first heading and sentence make it too long.
    else if (items.length > 0 && !/[；;]$|及$/.test(last) && last.length + line.length <= 80) {
      items[items.length - 1] = last + line;
    } else break;
  }
  const title = items.map((item) => item.replace(/[；;]?(?:及|和)?$/, '')).join('；');
  return title.length >= 2 ? title : undefined;
}

/** The date after "香港，" nearest the signature: the last one in the document. */
function hkSignatureDate(text: string): string | undefined {
  let found: string | undefined;
  const re = new RegExp(`${HK_PLACE_DATE.source}(${FULL_DATE.source})`, 'g');
  for (const m of text.matchAll(re)) {
    const date = m[1] ? normalizeDate(m[1]) : null;
    if (date) found = date.iso;
  }
  return found;
}

/**
 * A reposted filing runs its header into one line, fields cut by commas: "证券代码：601798 证券简称：ST 蓝科
 * 编号：临 2019-031,甘肃蓝科石化高新装备股份有限公司,关于…的公告,". The company's name is a field of that line.
 */
function codeLineCompany(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    if (!/(?:证券|股票)(?:代码|简称)/.test(line)) continue;
    const field = line
      .split(/[,，]/)
      .map((f) => f.trim())
      .find((f) => COMPANY_NAME.test(f));
    if (field) return field;
  }
  return undefined;
}

function findTitle(lines: string[]): { title?: string; companyName?: string } {
  for (let i = 0; i < Math.min(lines.length, 25); i++) {
    let line = (lines[i] ?? '').trim();
    // Long titles wrap: "关于……项目" + "的公告".
    for (let extra = 1; extra <= 2 && /^关于/.test(line) && !TITLE_LINE.test(line); extra++) {
      const joined = lines
        .slice(i, i + extra + 1)
        .map((l) => l.trim())
        .join('');
      if (TITLE_LINE.test(joined)) line = joined;
    }
    if (!TITLE_LINE.test(line) || NOT_TITLE.test(line)) continue;
    const out: { title?: string; companyName?: string } = { title: line };
    // The company name sits just above the title (A-share) or above the stock-code line (HK).
    const company = lines
      .slice(Math.max(0, i - 3), i)
      .reverse()
      .map((l) => l.trim())
      .find((l) => COMPANY_NAME.test(l));
    const onCodeLine = company ? undefined : codeLineCompany(lines.slice(Math.max(0, i - 3), i + 4));
    if (company) out.companyName = company;
    else if (onCodeLine) out.companyName = onCodeLine;
    else {
      const inline = /^(.{4,40}?(?:股份有限公司|有限责任公司|有限公司))(关于.+)$/.exec(line);
      if (inline?.[1] && inline[2]) {
        out.companyName = inline[1];
        out.title = inline[2];
      }
    }
    return out;
  }
  const at = lines.slice(0, 15).findIndex((l) => COMPANY_NAME.test(l.trim()));
  if (at < 0) return {};
  const companyName = (lines[at] ?? '').trim();
  const title = wrappedTitle(lines.slice(at + 1, at + 4)) ?? runOnTitle(lines[at + 1]);
  return title ? { companyName, title } : { companyName };
}

/**
 * A title the text layer ran into the first sentence under the company name: "独立董事关于……的专项说明和独立意见根据
 * 《公司法》……" → "独立董事关于……的专项说明和独立意见".
 */
function runOnTitle(line: string | undefined): string | undefined {
  return /^(\S{4,80}?(?:公告|说明|独立意见|核查意见|意见|报告|决议))(?=根据|按照|依据)/.exec(
    line?.trim() ?? '',
  )?.[1];
}

/** A report's or plan's title wraps over the lines under the company name ("重大资产置换及…" + "…暨关联交易预案"). */
const WRAPPED_TITLE_END = /(?:公告|公告书|报告书|预案|[（(]草案[）)]|摘要|通函|年度报告)$/;

function wrappedTitle(below: string[]): string | undefined {
  let joined = '';
  for (const raw of below) {
    const line = raw.trim();
    if (!line || NOT_TITLE.test(line) || /[，。；：:]/.test(line)) return undefined;
    joined += line;
    if (joined.length > 100) return undefined;
    if (WRAPPED_TITLE_END.test(joined)) return joined;
  }
  return undefined;
}

/** A periodic report's cover line: "2019 年年度报告", "2019 年度报告", "2020年半年度报告摘要". */
const PERIODIC_COVER = new RegExp(
  `^\\s*(?:\\d{4}|${WRITTEN_YEAR})\\s*(?:年\\s*)?(?:年度|半年度|第[一三]季度)报告(?:摘要)?\\s*$`,
  'm',
);
/** Where a periodic report states its codes: 第二节 公司信息, within its first pages. */
const PERIODIC_INFO_SPAN = 30000;
/**
 * "股票简称；海翔药业；股票代码；002099" (a 公司信息 table row read as text); an A+B company lists both:
 * "股票简称；苏常柴A、苏常柴B；股票代码；000570、200570".
 */
const INFO_ROW =
  /股票简称\s*[；;：:]?\s*((?:S?\*?ST)?[\u4e00-\u9fa5A-Za-z]{2,12})(?:\s*、\s*((?:S?\*?ST)?[\u4e00-\u9fa5A-Za-z]{2,12}))?\s*[；;：:]\s*股票代码\s*[；;：:]?\s*(\d{6})(?!\d)(?:\s*、\s*(\d{6})(?!\d))?/;
/** "股票简称及代码  万科 A 000002 / 万科 B 200002" (older reports): each short name with its code. */
const NAME_AND_CODE_ROW =
  /股票简称及代码\s+((?:[\u4e00-\u9fa5A-Za-z*]\s?){2,12}?)\s*(\d{6})(?:\s*\n\s*((?:[\u4e00-\u9fa5A-Za-z*]\s?){2,12}?)\s*(\d{6}))?/;

/**
 * A periodic report has no announcement header: its cover is the company name over "2019 年年度报告",
 * and its codes stand in 第二节's 公司信息 table. Read there only when the cover says so.
 */
function periodicReportCodes(text: string): Array<{ code: string; shortName: string }> {
  if (!PERIODIC_COVER.test(text.slice(0, HEADER_SPAN))) return [];
  const info = text.slice(0, PERIODIC_INFO_SPAN);
  const row = INFO_ROW.exec(info);
  if (row?.[1] && row[3]) {
    const found = [{ shortName: row[1], code: row[3] }];
    if (row[4]) found.push({ shortName: row[2] ?? row[1], code: row[4] });
    return found;
  }
  const pairs = NAME_AND_CODE_ROW.exec(info);
  if (!pairs) return [];
  const found: Array<{ code: string; shortName: string }> = [];
  for (const [name, code] of [
    [pairs[1], pairs[2]],
    [pairs[3], pairs[4]],
  ])
    if (name && code) found.push({ shortName: name.replace(/\s+/g, ''), code });
  return found;
}

/** Extracts 证券代码 / 证券简称 / 公告编号 / title / date from a (simplified-Chinese) announcement. */
export function parseAnnouncementHeader(text: string): AnnouncementHeader | null {
  const head = text.slice(0, HEADER_SPAN);
  const securityCodes: AnnouncementHeader['securityCodes'] = [];
  for (const m of head.matchAll(CODE)) {
    const label = m[1] ?? '';
    const digits = m[2] ?? '';
    const isHk = digits.length < 6 || label === 'H股';
    const normalized = normalizeStockCode(isHk ? `${digits.padStart(5, '0')}.HK` : digits);
    const code = normalized?.code ?? digits;
    if (securityCodes.some((c) => c.code === code)) continue;
    const entry: AnnouncementHeader['securityCodes'][number] = { label, code };
    if (normalized) entry.exchange = normalized.exchange;
    securityCodes.push(entry);
    // An A+B company lists both codes after one label: "证券代码：000570、200570".
    const next = SECOND_CODE.exec(head.slice((m.index ?? 0) + m[0].length))?.[1];
    const second = next ? normalizeStockCode(next) : null;
    if (
      second &&
      (second.board === 'b_share' || normalized?.board === 'b_share') &&
      !securityCodes.some((c) => c.code === second.code)
    )
      securityCodes.push({ label, code: second.code, exchange: second.exchange });
  }
  const periodic = securityCodes.length === 0 ? periodicReportCodes(text) : [];
  for (const { code } of periodic) {
    const normalized = normalizeStockCode(code);
    securityCodes.push({ label: '股票', code, ...(normalized ? { exchange: normalized.exchange } : {}) });
  }
  const header: AnnouncementHeader = { securityCodes };
  const primary = securityCodes.find((c) => c.label !== '债券' && c.label !== '转债') ?? securityCodes[0];
  if (primary) {
    header.stockCode = primary.code;
    if (primary.exchange) header.exchange = primary.exchange;
  }
  const shortName = periodic[0]?.shortName ?? SHORT_NAME.exec(head)?.[1];
  if (shortName) header.shortName = shortName.replace(/[ \t]+/g, '');
  const number = ANNOUNCEMENT_NO.exec(head)?.[1];
  if (number) header.announcementNo = number.replace(/[)）\]]+$/, '');
  const headLines = head.split('\n');
  Object.assign(header, findTitle(headLines));
  if (!header.title && header.exchange === 'HKEX') {
    const title = hkTitle(head);
    if (title) header.title = title;
  }
  if (!header.companyName && header.exchange === 'HKEX') {
    const name = HK_SIGNED_BY.exec(text)?.[1] ?? HK_SELF_NAMED.exec(head)?.[1];
    if (name) header.companyName = name.replace(/\s+/g, ' ').trim();
  }
  const date =
    signatureDate(text) ??
    hkSignatureDate(text) ??
    coverDate(headLines, header.title) ??
    lastDate(text.slice(-FOOTER_SPAN)) ??
    firstDate(head);
  if (date) header.date = date;
  const found = header.stockCode || header.announcementNo || header.title;
  return found ? header : null;
}
