import type { ExtractionResult } from '../extract/types.js';
import type { ParsedDocument, ParsedSentence } from '../parse/index.js';
import { modelIndexOf, sentenceModelText } from '../parse/index.js';
import { toSimplified } from '../parse/traditional-to-simplified.js';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../vocabulary/surnames.js';
import { isFullName, leadingPlace } from './company-name.js';
import type { CompanyResolver } from './company-resolver.js';
import type { KnownCompany } from './gazetteer.js';
import type { LinkedEntity } from './graph-document.js';
import { analystPersonKey, personKey } from './person-key.js';

/** A company this close (in characters) to a name in the same sentence is the person's context. */
const CONTEXT_WINDOW = 30;

/** Brokers, banks, law and audit firms sit beside names they do not employ (analysts, signatories). */
const BYSTANDER = /证券|银行|基金|资产管理|信托|律师|会计师|评估/;

/** Words the model reads as people that name a role, not a person. */
const NOT_A_PERSON = /^(?:股东|董事|监事|先生|女士|董事长|总经理|实际控制人|控股股东|法定代表人|本人|公司)$/;

/** Positions that tie a person to the company named right before them (X公司董事长张三). */
const POSITION =
  '(?:副?董事长|(?:独立|非执行|执行)?董事|监事(?:会主席)?|副?总经理|副?总裁|总监|首席[\\u4e00-\\u9fa5]{2,4}官|董事会秘书|法定代表人|实际控制人|负责人|主席|合伙人|创始人)';
/** What may stand between a company and the position it gives (的, a department, a board). */
const TIE_BEFORE = new RegExp(`^\\s*(?:的|之)?[\\u4e00-\\u9fa5]{0,6}?${POSITION}\\s*[:：]?\\s*$`);
/** A name, then the company it serves: "张三，X公司董事长" / "张三（现任X公司总经理）". */
const TIE_AFTER_GAP = /^\s*(?:先生|女士)?\s*[，,（(]?\s*(?:现任|任|系|为|担任|兼任)?\s*$/;
const TIE_AFTER_POSITION = new RegExp(`^\\s*(?:的|之)?[\\u4e00-\\u9fa5]{0,6}?${POSITION}`);
/**
 * How an issuer names itself before a position (本行董事长, 公司总经理, 公司控股股东、实际控制人), and a
 * filing's 关联董事 (the director of its own board who abstains).
 */
const SELF_TIE = new RegExp(
  `(?:(?:本?公司|本行|本集团|上市公司)(?:的|之)?(?:[\\u4e00-\\u9fa5]{2,8}、){0,3}[\\u4e00-\\u9fa5]{0,6}?${POSITION}|关联董事)\\s*[:：]?\\s*$`,
);

/**
 * Words that follow a name in filings: a position (杨鲁闽 非执行董事 in a table row) or a form of address
 * (林至颖先生, 赵海军博士). A person span that ends inside one ran past the name.
 */
const AFTER_NAME = new RegExp(`^(?:${POSITION}|先生|女士|小姐|博士|教授)`);

/** The text after a span as a title would read on: layout spaces out, a sentence break crossed. */
function textAfter(text: string, end: number, around: SentenceSurroundings): string {
  return (text.slice(end) + around.after).replace(/\s+/g, '').slice(0, 12);
}

/** How many of a name's last characters (one or two) start a title the text goes on with; 0 if none. */
function titleCut(name: string, after: string): number {
  for (const cut of [1, 2]) {
    const tail = name.slice(-cut);
    if (name.length > cut && /^[\u4e00-\u9fa5]+$/.test(tail) && AFTER_NAME.test(tail + after)) return cut;
  }
  return 0;
}

/** Surname characters that are also function words before a name (和, 于, 向, 时, 任 of 委任). */
const FUNCTION_WORD_SURNAMES = /[和于向时任]/;
/** What may stand before a name's surname: a list's joint (及, 、), 为, or a position (非执行董事). */
const BEFORE_SURNAME = new RegExp(`(?:^|[^\\u4e00-\\u9fa5]|[及与、为]|${POSITION})$`);

/**
 * The surname right before a given-name span the model read without it (文斌 of 及边文斌先生): a single
 * surname character, not a function word, after a list's joint or a position, with a form of address
 * after the span, so the three characters are one person's name and 先生 addresses all of them.
 */
function surnameBefore(text: string, start: number, name: string, after: string): number | undefined {
  if (!/^[\u4e00-\u9fa5]{2}$/.test(name) || !/^(?:先生|女士)/.test(after)) return undefined;
  let at = start - 1;
  while (at >= 0 && /\s/.test(text[at] ?? '')) at--;
  const surname = toSimplified(text[at] ?? '').text;
  if (at < 0 || !SURNAME_CHARS.has(surname) || FUNCTION_WORD_SURNAMES.test(surname)) return undefined;
  const before = text.slice(Math.max(0, at - 12), at).replace(/\s+/g, '');
  return BEFORE_SURNAME.test(before) ? at : undefined;
}

/**
 * The name a person span stands for, read in its sentence: a span whose last one or two characters start
 * a position or a form of address the text goes on with (杨鲁闽非 of 杨鲁闽非执行董事, 林至颖先 of
 * 林至颖先生, also across a sentence break) is the name before them, when two characters or more are
 * left (standsAsPerson turns down 王总 of 王总经理); a given name read without the surname before it
 * (文斌 of 及边文斌先生) is the whole name.
 */
export function nameInSpan(
  text: string,
  span: { start: number; end: number },
  around: SentenceSurroundings = { before: '', after: '' },
): { start: number; end: number; name: string } {
  const raw = text.slice(span.start, span.end).trimEnd();
  const cut = titleCut(raw, textAfter(text, span.end, around));
  const end = span.start + raw.length - (raw.slice(0, raw.length - cut).trim().length >= 2 ? cut : 0);
  const name = text.slice(span.start, end).trim();
  const start = surnameBefore(text, span.start, name, textAfter(text, end, around)) ?? span.start;
  return { start, end, name: start < span.start ? text.slice(start, end).replace(/\s+/g, '') : name };
}

interface CompanyAt {
  key: string;
  start: number;
  end: number;
  bystander: boolean;
}

/** The company a sentence states the person serves (X公司董事长张三, 张三，X公司总经理), if any. */
function statedEmployer(
  text: string,
  person: { start: number; end: number },
  companies: readonly CompanyAt[],
  selfKey: string | undefined,
): string | undefined {
  for (const c of companies) {
    if (
      c.end <= person.start &&
      person.start - c.end <= 16 &&
      TIE_BEFORE.test(text.slice(c.end, person.start))
    )
      return c.key;
    if (
      c.start >= person.end &&
      c.start - person.end <= 8 &&
      TIE_AFTER_GAP.test(text.slice(person.end, c.start)) &&
      TIE_AFTER_POSITION.test(text.slice(c.end, c.end + 16))
    )
      return c.key;
  }
  const before = text.slice(Math.max(0, person.start - 16), person.start);
  return selfKey && SELF_TIE.test(before) ? selfKey : undefined;
}

function mostCounted(counts: ReadonlyMap<string, number>, prefer: string | undefined): string | undefined {
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || Number(b[0] === prefer) - Number(a[0] === prefer) || a[0].localeCompare(b[0]),
  )[0]?.[0];
}

function countIn(map: Map<string, Map<string, number>>, name: string, key: string): void {
  const counts = map.get(name) ?? new Map<string, number>();
  counts.set(key, (counts.get(key) ?? 0) + 1);
  map.set(name, counts);
}

/**
 * One person per name per document, in one company context: the company the document states they
 * serve (X公司董事长张三; the issuer for 本行董事长), else the issuer in its own filing, else the
 * company most often named right beside them. A company merely named near a name (《关于与X公司关联交易
 * 的议案》，董事长张三) is no employer. A name cut from a longer name of the same document (周建 of
 * 周建平, 文斌 of 边文斌, 乔斯基 of 约瑟夫·比乔斯基, 高子 of the report's analyst 高子剑) is that person, not another, and a dotted name with a
 * word before it (归纳罗伯·瑞克) is the dotted name.
 */
export function personContexts(
  parsed: ParsedDocument,
  extractions: readonly ExtractionResult[],
  resolver: CompanyResolver,
  selfKey: string | undefined,
  documentId: string,
): Map<string, LinkedEntity> {
  const names = new Set<string>();
  const employers = new Map<string, Map<string, number>>();
  const neighbours = new Map<string, Map<string, number>>();
  const companyNames = companyNamesOf(resolver);
  parsed.sentences.forEach((sentence, i) => {
    const result = extractions[i];
    if (!result) return;
    const text = sentenceModelText(parsed, sentence);
    const around = sentenceSurroundings(parsed, sentence);
    const companies: CompanyAt[] = [];
    for (const e of result.entities) {
      if (e.type !== 'company' && e.type !== 'organization') continue;
      const resolved = resolver.resolve(e.text);
      if (resolved)
        companies.push({
          key: resolved.entity.key,
          start: e.start,
          end: e.end,
          bystander: BYSTANDER.test(resolved.entity.name),
        });
    }
    const spans = [
      ...result.entities.filter((e) => e.type === 'person'),
      ...result.events.flatMap((ev) =>
        ev.arguments.filter((a) => a.role === 'sub-per' || a.role === 'obj-per'),
      ),
    ];
    for (const span of spans) {
      const p = nameInSpan(text, span, around);
      const name = p.name;
      if (!isPersonName(name) || !standsAsPerson(text, p, companyNames, around)) continue;
      names.add(name);
      const employer = statedEmployer(text, p, companies, selfKey);
      if (employer) {
        countIn(employers, name, employer);
        continue;
      }
      const near = companies
        .filter((c) => !c.bystander)
        .map((c) => ({ key: c.key, distance: Math.abs(c.start - p.start) }))
        .filter((c) => c.distance <= CONTEXT_WINDOW)
        .sort((a, b) => a.distance - b.distance)[0];
      if (near) countIn(neighbours, name, near.key);
    }
  });

  // A report's analysts, named in full on its cover, are the longer names a span of theirs is cut from
  // (高子 of 高子剑 by the analyst's certificate line).
  // An analyst's certificate number (证书编号) is theirs alone: the same name and certificate in two reports is
  // one person, whose broker is a bystander, not an employer, and never the company the report covers.
  const certified = new Map<string, string>();
  for (const analyst of parsed.header.researchReport?.analysts ?? []) {
    if (!isPersonName(analyst.name)) continue;
    names.add(analyst.name);
    if (analyst.certificateNo) certified.set(analyst.name, analyst.certificateNo);
  }
  const people = new Map<string, LinkedEntity>();
  const full = [...names].sort((a, b) => b.length - a.length);
  // A dotted name with a word read before it (归纳罗伯·瑞克) is the dotted name it ends with.
  const prefixed = new Map<string, string>();
  for (const name of full) {
    const inner = full.find((o) => o !== name && isDotted(o) && isDotted(name) && name.endsWith(o));
    if (inner) prefixed.set(name, inner);
  }
  for (const name of full) {
    if (prefixed.has(name)) continue;
    const longer = full.find(
      (other) => !prefixed.has(other) && other.length > name.length && isCutFrom(name, other),
    );
    const person = longer ? people.get(longer) : undefined;
    if (person) {
      people.set(name, person);
      continue;
    }
    const certificate = certified.get(name);
    if (certificate) {
      people.set(name, analystPerson(name, certificate));
      continue;
    }
    const stated = employers.get(name);
    const nearby = neighbours.get(name);
    const context = stated
      ? mostCounted(stated, selfKey)
      : (selfKey ?? (nearby ? mostCounted(nearby, undefined) : undefined));
    people.set(name, personIn(name, context, documentId));
  }
  for (const [name, inner] of prefixed) {
    const person = people.get(inner);
    if (person) people.set(name, person);
  }
  return people;
}

const isDotted = (name: string) => /[·•・]/.test(name);

/**
 * Whether a name is a longer name of the same document cut short: its start (周建 of 周建平), its
 * given name without the surname (文斌 of 边文斌), or the end of a dotted name (乔斯基 of 约瑟夫·比乔斯基).
 */
function isCutFrom(name: string, longer: string): boolean {
  if (longer.startsWith(name)) return true;
  if (!longer.endsWith(name)) return false;
  return longer.length === name.length + 1 || (isDotted(longer) && !isDotted(name));
}

/** A report's analyst, known across reports by their certificate number. */
function analystPerson(name: string, certificate: string): LinkedEntity {
  return { key: analystPersonKey(name, certificate), label: 'Person', name };
}

/**
 * The people of a document as an admin's splits leave them: a person a company's node lists in
 * `splitPeople` for this document (`name@document:<id>`) is that person, not the company's namesake. The
 * same entity object stands for every name that shared it (周建 and 周建平), so the names stay one person.
 */
export function afterPeopleSplits(
  known: readonly KnownCompany[],
  documentId: string,
): (person: LinkedEntity) => LinkedEntity {
  const split = new Map(
    known.filter((c) => c.splitPeople?.length).map((c) => [c.key, new Set(c.splitPeople)]),
  );
  const replaced = new Map<LinkedEntity, LinkedEntity>();
  return (person) => {
    const own = person.companyKey ? split.get(person.companyKey) : undefined;
    if (!own?.has(personKey(person.name, undefined, documentId))) return person;
    const alone = replaced.get(person) ?? personIn(person.name, undefined, documentId);
    replaced.set(person, alone);
    return alone;
  };
}

/** A person entity scoped by a company (or by the document when no company is known). */
export function personIn(name: string, companyKey: string | undefined, documentId: string): LinkedEntity {
  return {
    key: personKey(name, companyKey, documentId),
    label: 'Person',
    name,
    ...(companyKey ? { companyKey } : {}),
  };
}

/** Marks of an organisation, a generic word or a form of address: no personal name has them. */
const NOT_A_NAME_MARK =
  /公司|集团|银行|证券|基金|控股|股份|事务所|永道|会计|律师|协会|委员会|中心|大学|学院|医院|政府|部门|先生|女士|小姐|董事|监事|经理|股东|本人|教授|博士|硕士|老师|院士|医生|[省市县区局厅署院所]$/;

/** Text right after a span that makes the span the start of a firm's name (安永 of 安永华明会计师事务所). */
const FIRM_NAME_AFTER =
  /^[\u4e00-\u9fa5]{0,6}?(?:会计师事务所|律师事务所|有限责任公司|股份有限公司|有限公司)/;
/** A Latin span followed by a company's legal form (Jianxin Chemical of Hebei Jianxin Chemical Co.,Ltd). */
const LATIN_FIRM_AFTER = /^\s*(?:Co\b|Company|Corporation|Corp\b|Limited|Ltd|Inc\b|Group|Holdings)/;
/** A brand: 吉易克 of “吉易克”牌. */
const BRAND_AFTER = /^[”"」』]?(?:品?牌)/;
/** A span cut out of a unit of area or volume (方米 of 平方米). */
const UNIT_AROUND = /平方|立方/;

/** Share-class letters a short name may carry (苏常柴A / 苏常柴B name one company, 苏常柴). */
const SHARE_CLASS = /[AB]$/;

/**
 * Whether a person span, read in its sentence, stands on its own: not the start of a firm's name that
 * runs on after it (in Chinese or Latin), not a brand (“吉易克”牌), not cut from a unit (平方米, also where the sentence starts inside the word: pass
 * the model text around it), not a name running into a title (林先 of 林先生, 王总 of 王总经理,
 * also across a sentence break: pass spans through nameInSpan first), not a company's name
 * or short name (常柴罗宾 of a 释义 row, 苏常柴 of 苏常柴A), not the start of a known full name, its
 * place aside (安永 of 安永华明会计师事务所, 古玉秋创 of 苏州古玉秋创股权投资合伙企业), not inside a company name or short name the document uses at the same
 * place (农装 of 厚生农装), and not a word before a company name that runs into it (于常柴 of
 * 独立于常柴股份, where 常柴股份有限公司 is known).
 */
export function standsAsPerson(
  text: string,
  span: { start: number; end: number },
  companyNames: ReadonlySet<string>,
  around: SentenceSurroundings = { before: '', after: '' },
): boolean {
  const after = (text.slice(span.end) + around.after).slice(0, 16);
  if (FIRM_NAME_AFTER.test(after) || LATIN_FIRM_AFTER.test(after) || BRAND_AFTER.test(after)) return false;
  const lead = around.before.slice(-2);
  const withLead = lead + text;
  if (UNIT_AROUND.test(withLead.slice(Math.max(0, lead.length + span.start - 2), lead.length + span.end + 1)))
    return false;
  const name = text.slice(span.start, span.end);
  if (titleCut(name, textAfter(text, span.end, around)) > 0) return false;
  if (companyNames.has(name)) return false;
  const tail = name.slice(1);
  for (const company of companyNames) {
    if (isFullName(company)) {
      const unplaced = leadingPlace(company)?.rest;
      for (const start of [company, unplaced])
        if (start && start.length >= name.length + 2 && start.startsWith(name)) return false;
      if (
        tail.length >= 2 &&
        company.startsWith(tail) &&
        text.startsWith(company.slice(0, tail.length + 2), span.start + 1)
      )
        return false;
    }
    if (company.length <= name.length || !company.includes(name)) continue;
    for (let at = text.indexOf(company); at >= 0; at = text.indexOf(company, at + 1))
      if (at < span.end && at + company.length > span.start) return false;
  }
  return true;
}

/**
 * The names and short names of the companies a resolver knows (for standsAsPerson), short names also
 * without their share-class letter.
 */
export function companyNamesOf(resolver: CompanyResolver): Set<string> {
  const names = new Set<string>(resolver.definedNames);
  for (const c of resolver.known)
    for (const n of [c.name, ...(c.shortNames ?? [])]) {
      names.add(n);
      if (!isFullName(n) && SHARE_CLASS.test(n) && n.length >= 3) names.add(n.slice(0, -1));
    }
  return names;
}

/** The model text right before and after a sentence: a word cut by a sentence break runs on there. */
export interface SentenceSurroundings {
  before: string;
  after: string;
}

/**
 * A few characters of the model text on each side of a sentence, layout breaks left out (平\n方米 is one
 * word cut in two).
 */
export function sentenceSurroundings(
  parsed: ParsedDocument,
  sentence: ParsedSentence,
  length = 2,
): SentenceSurroundings {
  const at = (offset: number) =>
    parsed.modelOffsetMap ? modelIndexOf(parsed.modelOffsetMap, offset) : offset;
  const start = at(sentence.start);
  const end = at(sentence.end);
  const text = parsed.modelText;
  return {
    before: text
      .slice(Math.max(0, start - length - 8), start)
      .replace(/\s+/g, '')
      .slice(-length),
    after: text
      .slice(end, end + length + 8)
      .replace(/\s+/g, '')
      .slice(0, length),
  };
}

/** A word of a foreign name: capitalised (Lau, O'Neil, Mary-Jane) or an initial (J.). */
const FOREIGN_WORD = /^(?:[A-Z][a-z]*(?:[-'][A-Z]?[a-z]+)*|[A-Z]\.)$/;
const FOREIGN_NOT_A_NAME =
  /\b(?:Limited|Ltd|Inc|Company|Corporation|Group|Holdings?|Bank|Capital|Securities|Fund|Trust|Partners|Investments?|Management|Asset|University|LLP|PLC)\b/i;
/** A transliterated name: Han parts joined by a middle dot (阿不都·热合曼). */
const DOTTED_NAME = /^[\u4e00-\u9fa5]{1,8}(?:[·•・][\u4e00-\u9fa5]{1,8}){1,3}$/;
const SURNAME_CHARS = new Set(SINGLE_SURNAMES);

/** Two to four capitalised words, not all initials, naming no organisation (Stanley Lau, J. Smith). */
function isForeignName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4 || !words.every((w) => FOREIGN_WORD.test(w))) return false;
  return words.some((w) => w.length > 2) && !FOREIGN_NOT_A_NAME.test(name);
}

/** Two-character words of filings that start with a surname character (时间, 金额, 江苏). */
const GENERIC_WORD =
  /^(?:时间|方面|金额|万元|安全|高管|成本|毛利|利润|江苏|武汉|常州|沈阳|成都|长春|周期|明细|应付|应收|文件|程序|汇总|合计|项目|管理|董办|余额|计提|期末|期初|季度|年度|单位|华东|华南|华北|华中|龙头|金融|向上|向下|于是|和解|安排|程度|黄金|钢铁|石油|水泥|白酒|宁波|邯郸|温州|苏州|常熟|海外)$/;

/** A Chinese name: a common surname (read in Simplified) and one to three given-name characters. */
function hasChineseNameShape(name: string): boolean {
  const simplified = toSimplified(name).text;
  if (!/^[\u4e00-\u9fa5]{2,4}$/.test(simplified)) return false;
  const compound = COMPOUND_SURNAMES.some((s) => simplified.startsWith(s) && simplified.length >= 3);
  // A date read from its year (于二零二五年): numerals after the surname are no given name.
  if (/^[\u4e00-\u9fa5](?:[〇零一二三四五六七八九十]{2,}|.*[〇零])/.test(simplified)) return false;
  // 除 ends no given name: 王卫除 is 王卫 of 王卫除控股…以外.
  if (simplified.length === 3 && simplified.endsWith('除')) return false;
  return (compound || SURNAME_CHARS.has(simplified[0] ?? '')) && !GENERIC_WORD.test(simplified);
}

/**
 * A person span worth a node: the shape of a personal name (surname + given name, a transliterated
 * name, or a capitalised foreign name) without layout whitespace, digits, role words or the marks of an
 * organisation, so 账龄, EMBA and 普华永道 never become people.
 */
export function isPersonName(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[\t\n\d，,；;：:、。]/.test(name) || /[\u4e00-\u9fa5]\s+[\u4e00-\u9fa5]/.test(name)) return false;
  if (NOT_A_PERSON.test(name)) return false;
  const simplified = toSimplified(name).text;
  if (NOT_A_NAME_MARK.test(simplified)) return false;
  if (/^[A-Za-z]/.test(name)) return isForeignName(name);
  return hasChineseNameShape(name) || DOTTED_NAME.test(simplified);
}

/** The event roles that state a person's position (高管变动: 高管职位 / 变动后职位). */
export const POSITION_ROLES: ReadonlySet<string> = new Set(['position', 'position after']);

/** Words a title may begin with that the model leaves before the span it reads (联合 of 联合首席执行官). */
const TITLE_PREFIX = /(?:联合|常务|资深|高级|执行|非执行|独立非执行|独立|副)$/;

/**
 * A position span as the sentence states it: widened to the words before it that begin the same title
 * (联合首席执行官, not 首席执行官; 非执行董事, not 执行董事), and cut at the first space, where a table
 * row's next cell (a name, another title) begins.
 */
export function positionInSentence(
  text: string,
  span: { start: number; end: number; text: string },
): { start: number; end: number; text: string } {
  const raw = text.slice(span.start, span.end);
  let start = span.start + raw.length - raw.trimStart().length;
  for (;;) {
    const prefix = TITLE_PREFIX.exec(text.slice(Math.max(0, start - 5), start));
    if (!prefix) break;
    start -= prefix[0].length;
  }
  const whole = text.slice(start, span.end).trim();
  const end = start + (whole.split(/\s/)[0]?.length ?? whole.length);
  return { start, end, text: text.slice(start, end) };
}
