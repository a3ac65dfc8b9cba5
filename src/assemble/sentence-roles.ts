/**
 * Roles a model mention's own sentence states in fixed wording the model does not read: the project of a
 * bid win (中标X项目, 成为X项目中标人), the share of the capital a holder trades (减持不超过2%的公司股份) and
 * the stake an acquisition buys (收购X公司51%股权), the authority that imposes a penalty, the post an officer
 * change concerns and a pledge's collateral as written (公司股份).
 * News and broker notes state them in the same sentence as the event, and contract announcements' field
 * reading (contract-fields.ts) does not reach them.
 */

import type { EventArgumentRow, EventTypeInfo, LinkedEntity } from '../link/index.js';
import { personIn } from '../link/people.js';
import { personCompanyKey } from '../link/person-key.js';
import {
  contractNameFromNarrative,
  projectFromNarrative,
  projectOfContractName,
  type TextSpan,
} from './contract-fields.js';
import type { RecordMention } from './document-events.js';
import { ratioBase } from './figures.js';
import { lossChangeIn } from './rule-losses.js';
import { isPersonName, PERSON_NAME } from './rule-names.js';
import { statedPost } from './rule-officers.js';
import { AUTHORITY } from './rule-penalties.js';
import { PERCENT, SHARES } from './rule-values.js';

/** The traded ratio right after the verb (减持不超过4.91%, 增持比例达1%) or in the clause it opens (…，占总股本的1.77%). */
const TRADED_RATIO = new RegExp(
  `(?<verb>增持|减持)(?:(?:了)?(?:其(?:所)?持(?:有)?(?:的)?)?(?:公司|本公司)?(?:股份|股票)?(?:的)?(?:合计|共计|累计|总计)?|比例)(?:达|为)?(?:不超过|不超|不高于|约)?(?<ratio>${PERCENT})|(?<verb2>增持|减持)(?<gap>[^。；;%％]{0,30}?)占(?:公司|本公司)?(?:当前|目前)?总股本(?:的)?(?:比例)?(?:为)?(?:约)?(?<ratio2>${PERCENT})`,
  'gdu',
);
/**
 * The shares traded, right after the verb: 合计减持368.42万股, 减持公司股份252.98万股, 增持其持有的…不超过500万股.
 * The FewFC reduction type the model reads has no role for the count.
 */
const TRADED_SHARES = new RegExp(
  `(?<verb>增持|减持)(?:了)?(?:其(?:所)?持(?:有)?(?:的)?)?(?:公司|本公司)?(?:股份|股票|A股|H股)?(?:数量)?(?:合计|共计|累计|总计)?(?:达|为)?(?:不超过|不超|约)?(?<shares>${SHARES})`,
  'gdu',
);

function tradedShares(sentence: string, verb: string): TextSpan | undefined {
  for (const m of sentence.matchAll(TRADED_SHARES)) {
    const place = m.indices?.groups?.shares;
    const text = m.groups?.shares;
    if (m.groups?.verb !== verb || !place || !text) continue;
    return { text, start: place[0], end: place[1] };
  }
  return undefined;
}

/** Words between the verb and a ratio that make it a holding, not the trade (减持后持有…，占总股本…). */
const HOLDING_AFTER = /后|持有|剩余|尚/;

/**
 * What follows the target's name where the sentence says which stake is bought: a note in brackets, a share
 * (51%, 51%-70%, 剩余的, 9亿股) and the equity word (股权, 控股权, 控制权, …股份 after a count of shares).
 */
const STAKE = new RegExp(
  `^(?:[（(][^）)]{1,40}[）)])?的?(?:(?:剩余|全部|少数|其余)的?)?(?:(?:约|不少于|不低于|不超过)?${PERCENT}(?:[-－~至]${PERCENT})?的?)?(?:股权|控股权|控制权)|^(?:[（(][^）)]{1,40}[）)])?的?[0-9.]+(?:亿|万)?股(?:股份|股票)`,
  'u',
);

/**
 * A subsidiary the sentence names as the buyer: 公司全资子公司X有限公司（以下简称“X”）以自有资金…收购. The listed
 * parent the model reads as the buyer only approved the deal.
 */
const BUYING_SUBSIDIARY =
  /(?:全资|控股)(?:子公司|孙公司)(?<name>[\u4e00-\u9fa5A-Za-z0-9（）()]{4,40}?(?:股份有限公司|有限责任公司|有限公司))(?:[（(][^）)]{1,40}[）)])?(?:拟|将)?(?:以|使用|出资)?[^，。；]{0,30}?(?:收购|购买|受让)/du;

/** What follows the seller in 收购A（以下简称“A”）持有的B公司51%股权: A holds what is bought; B is the target. */
const HELD_AFTER = /^(?:[（(][^）)]{1,40}[）)])?(?:所)?持有的/u;

/** Whether the company ending at `end` of `sentence` is the seller of the stake bought, not its target. */
export function namedAsSeller(sentence: string, end: number): boolean {
  return HELD_AFTER.test(sentence.slice(end));
}

/** Words a regional authority's name can be run into (收到海南省药监局): its name starts after the last one. */
const BEFORE_AUTHORITY = /^.*(?:收到|接到|到|被|遭|对|经|由|据|向|获|及|和|与|、)/u;

/** The authority a penalty's sentence names: the nearest before the mention, else the first after it. */
export function authorityIn(sentence: string, mentionAt: number): TextSpan | undefined {
  let found: TextSpan | undefined;
  for (const m of sentence.matchAll(new RegExp(AUTHORITY.source, 'gu'))) {
    const cut = m[0].length - m[0].replace(BEFORE_AUTHORITY, '').length;
    const span = { text: m[0].slice(cut), start: m.index + cut, end: m.index + m[0].length };
    if (span.text.length < 2) continue;
    if (span.start > mentionAt && found) break;
    found = span;
    if (span.start > mentionAt) break;
  }
  return found;
}

/** The stake bought (X公司51%股权): the target the model read with the share and equity word after it. */
function stakeBought(sentence: string, targets: readonly TextSpan[]): TextSpan | undefined {
  for (const target of targets) {
    const m = STAKE.exec(sentence.slice(target.end));
    if (m)
      return {
        text: sentence.slice(target.start, target.end + m[0].length),
        start: target.start,
        end: target.end + m[0].length,
      };
  }
  return undefined;
}

const RATIO_ROLES: Readonly<
  Record<string, { verb: string; capital: string; holding: string; shares: string }>
> = {
  股东增持: {
    verb: '增持',
    capital: '增持部分占总股本比例',
    holding: '增持部分占所持比例',
    shares: '交易股票/股份数量',
  },
  股东减持: {
    verb: '减持',
    capital: '减持部分占总股本比例',
    holding: '减持部分占所持比例',
    shares: '交易股票/股份数量',
  },
};

function tradedRatio(
  sentence: string,
  verb: string,
): { span: TextSpan; base: 'holding' | 'capital' } | undefined {
  for (const m of sentence.matchAll(TRADED_RATIO)) {
    const g = m.groups ?? {};
    const at = m.indices?.groups;
    if ((g.verb ?? g.verb2) !== verb) continue;
    if (g.gap !== undefined && HOLDING_AFTER.test(g.gap)) continue;
    const place = at?.ratio ?? at?.ratio2;
    const text = g.ratio ?? g.ratio2;
    if (!place || !text) continue;
    const base = ratioBase(sentence, place[0], place[1]) ?? 'capital';
    return { span: { text, start: place[0], end: place[1] }, base };
  }
  return undefined;
}

/**
 * The authority a penalty's sentence names, for a record that names none. Read per record, not per mention:
 * a second name of one regulator on a mention (证监会 beside 大连证监局) would split its record in two.
 */
export function sentenceAuthority(
  mention: RecordMention,
  sentenceStart: number,
  eventTypes: ReadonlyMap<string, EventTypeInfo>,
): EventArgumentRow | undefined {
  const role = '处罚机构';
  const info = eventTypes.get(mention.type)?.documentRoles.get(role);
  const span = info && authorityIn(mention.sentenceText, mention.mention.start - sentenceStart);
  return span ? sentenceArgument(mention, sentenceStart, role, info.key, span) : undefined;
}

/** An argument read from the mention's own sentence, as sure as the mention. */
function sentenceArgument(
  mention: RecordMention,
  sentenceStart: number,
  role: string,
  roleKey: string,
  span: TextSpan,
): EventArgumentRow {
  return {
    sentence: mention.mention.sentence,
    start: sentenceStart + span.start,
    end: sentenceStart + span.end,
    text: span.text,
    confidence: mention.confidence,
    role,
    roleKey,
    documentRole: role,
  };
}

/** "A与B签署了《…》": the two sides of a signing clause (a subsidiary's descriptor stays in B). */
const SIGNING =
  /(?<a>[^，,。；;：:“”与和]{2,30})(?:与|和)(?<b>[^，,。；;]{2,60}?)(?:正式)?(?:签署|签订|签定|订立)/du;
/** Words for the company itself, a side given only as its kind, or a clause's opening words: no counterparty's name. */
const NOT_A_SIGNER =
  /^(?:本?公司|上市公司|本集团|双方|各方|其|[0-9])|(?:子公司|控股股东)$|公告|随着|由于|近日|日前|此前|[本此该]次|(?:^|[^有])公司$/u;

/** The other side of the signing clause that holds the side at `at` (sentence offsets), when it is a name. */
function otherSigner(sentence: string, at: number): TextSpan | undefined {
  const m = SIGNING.exec(sentence);
  const a = m?.indices?.groups?.a;
  const b = m?.indices?.groups?.b;
  if (!m || !a || !b) return undefined;
  const other = at >= b[0] && at < b[1] ? a : at >= a[0] && at < a[1] ? b : undefined;
  if (!other) return undefined;
  const text = sentence.slice(other[0], other[1]);
  return NOT_A_SIGNER.test(text) ? undefined : { text, start: other[0], end: other[1] };
}

/** A name written whole where the model read only its surname: 刘多元 and 吴士君, not 刘. */
const WHOLE_NAME = new RegExp(`^${PERSON_NAME}(?=[和、，,及与（(]|先生|女士)`, 'u');

/** An honorific right after a name: the name ends there (陈某兵先生), so a shorter reading (陈某) was cut. */
const HONORIFIC_NEXT = /^(?:先生|女士)/u;

/** How often `part` is written in `text`. */
function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) n++;
  return n;
}

/** What ends a name where the document writes it: a mark, a conjunction or an honorific. */
const NAME_ENDS = /^(?:[和、，,。及与（(；;：:\s]|先生|女士)/u;

/**
 * A two-character reading the document always writes with the same third character after it, more than once
 * and at least once where the name plainly ends (李伍波 of 聘任李伍波为…, 相关人员简历李伍波，…): the model cut that
 * person's name. 王涛先生 or 徐刚拟增持 add nothing: 先 and 拟 end no name.
 */
function writtenLonger(reading: string, next: string, documentText: string | undefined): string | undefined {
  if (!documentText || reading.length !== 2 || !/^\p{Script=Han}$/u.test(next)) return undefined;
  const name = reading + next;
  const times = occurrences(documentText, name);
  if (times < 2 || times !== occurrences(documentText, reading) || !isPersonName(name)) return undefined;
  for (let at = documentText.indexOf(name); at >= 0; at = documentText.indexOf(name, at + 1))
    if (NAME_ENDS.test(documentText.slice(at + name.length))) return name;
  return undefined;
}

/**
 * The mention with each person the model cut to a surname (刘 for 刘多元), short of the last given-name
 * character before an honorific (陈某 of 陈某兵先生), or short of the character the document always writes
 * after the reading (writtenLonger), named as the sentence writes them, and the people so named, for the
 * document's entities.
 */
export function withWholeNames(
  mention: RecordMention,
  sentenceStart: number,
  scope: { documentId: string; issuerKey?: string | undefined; documentText?: string },
): { mention: RecordMention; people: LinkedEntity[] } {
  const people: LinkedEntity[] = [];
  const args = mention.arguments.map((a) => {
    // A lone surname is no name the linker could place, so it comes without a label.
    if ((a.label && a.label !== 'Person') || a.text.length > 2 || a.inferred) return a;
    const from = a.start - sentenceStart;
    const after = mention.sentenceText.slice(from + a.text.length);
    const cut = writtenLonger(a.text, after.charAt(0), scope.documentText);
    const whole = WHOLE_NAME.exec(mention.sentenceText.slice(from))?.[0];
    const name = cut ?? whole;
    if (!name || name.length <= a.text.length || !name.startsWith(a.text) || !isPersonName(name)) return a;
    const honorific = HONORIFIC_NEXT.test(mention.sentenceText.slice(from + name.length));
    if (!cut && a.text.length > 1 && !honorific) return a;
    const company = a.entityKey ? personCompanyKey(a.entityKey) : scope.issuerKey;
    const person = personIn(name, company, scope.documentId);
    people.push(person);
    return { ...a, text: name, end: a.start + name.length, entityKey: person.key, label: 'Person' as const };
  });
  return people.length ? { mention: { ...mention, arguments: args }, people } : { mention, people };
}

/** A pledge's collateral written with its company word (质押公司股份): the model reads only 股份. */
const COLLATERAL_COMPANY = /(?:本公司|(?<![子分])公司)$/;

/** A branch the model reads without its bank (宜春分行 of 上海浦东发展银行股份有限公司宜春分行). */
const BRANCH = /^[\u4e00-\u9fa5]{1,8}(?:分行|支行|分公司|营业部)$/u;
/** The bank or company right before a branch, back to the word or mark that starts it. */
const PARENT_BEFORE = /(?:^|[向与、，,：:；;])([^向与、，,：:；;\s]{2,30}?(?:银行|公司))$/u;

/**
 * The collateral and the pledgee as written: the company word the model left out before 股份 (质押公司股份),
 * the bank before the branch it names.
 */
function wholePledgeSpans(mention: RecordMention, sentenceStart: number): EventArgumentRow[] {
  return mention.arguments.map((a) => {
    if (a.inferred) return a;
    const head = mention.sentenceText.slice(0, a.start - sentenceStart);
    let before: string | undefined;
    if (a.documentRole === '质押物' && /^(?:股份|股票)$/.test(a.text))
      before = COLLATERAL_COMPANY.exec(head)?.[0];
    if (a.documentRole === '质权方' && BRANCH.test(a.text)) before = PARENT_BEFORE.exec(head)?.[1];
    if (!before) return a;
    const { entityKey: _, label: __, ...rest } = a;
    return { ...rest, text: before + a.text, start: a.start - before.length };
  });
}

/** The mention's arguments with the subsidiary its sentence names as the buyer in place of the model's buyer. */
function subsidiaryBuyer(
  mention: RecordMention,
  sentenceStart: number,
  info: EventTypeInfo | undefined,
): EventArgumentRow[] | undefined {
  const role = '收购方';
  const m = BUYING_SUBSIDIARY.exec(mention.sentenceText);
  const at = m?.indices?.groups?.name;
  const name = m?.groups?.name;
  if (!at || !name || !info?.documentRoles.has(role)) return undefined;
  const buyers = mention.arguments.filter((a) => a.documentRole === role);
  if (buyers.some((a) => a.text === name)) return undefined;
  const span = { text: name, start: at[0], end: at[1] };
  return [
    ...mention.arguments.filter((a) => a.documentRole !== role),
    sentenceArgument(mention, sentenceStart, role, info.documentRoles.get(role)?.key ?? role, span),
  ];
}

/** The mention with the roles its sentence states added, where the model left them empty. */
export function withSentenceRoles(
  read: RecordMention,
  sentenceStart: number,
  eventTypes: ReadonlyMap<string, EventTypeInfo>,
): RecordMention {
  const pledge = read.documentType === '质押' || read.documentType === '解除质押';
  const mention = pledge ? { ...read, arguments: wholePledgeSpans(read, sentenceStart) } : read;
  const info = eventTypes.get(mention.type);
  const has = (role: string) => mention.arguments.some((a) => a.documentRole === role);
  const added: EventArgumentRow[] = [];
  const add = (role: string, span: TextSpan) => {
    if (!info?.documentRoles.has(role)) return;
    added.push(
      sentenceArgument(mention, sentenceStart, role, info.documentRoles.get(role)?.key ?? role, span),
    );
  };
  if (mention.documentType === '中标' && !has('中标标的')) {
    const project = projectFromNarrative(mention.sentenceText, undefined);
    if (project) add('中标标的', project);
  }
  if (mention.documentType === '签署合同' && has('乙方') !== has('甲方')) {
    const [known, missing] = has('乙方') ? ['乙方', '甲方'] : ['甲方', '乙方'];
    const side = mention.arguments.find((a) => a.documentRole === known);
    const other = side && otherSigner(mention.sentenceText, side.start - sentenceStart);
    if (other) add(missing, other);
  }
  // News name the agreement signed (签署银企战略合作协议, 签订《采购框架协议》); the model leaves it unread.
  if (mention.documentType === '签署合同' && !has('合同名称')) {
    const name = contractNameFromNarrative(mention.sentenceText, 'contract');
    if (name) add('合同名称', name);
    const project = name && !has('项目名称') ? projectOfContractName(name) : undefined;
    if (project) add('项目名称', project);
  }
  if (mention.documentType === '企业收购' && !has('收购标的')) {
    const targets = mention.arguments
      .filter((a) => a.documentRole === '被收购方' && !a.inferred)
      .map((a) => ({ text: a.text, start: a.start - sentenceStart, end: a.end - sentenceStart }));
    const stake = stakeBought(mention.sentenceText, targets);
    if (stake) add('收购标的', stake);
  }
  if (mention.documentType === '企业收购') {
    const buyer = subsidiaryBuyer(mention, sentenceStart, info);
    if (buyer) return withSentenceRoles({ ...mention, arguments: buyer }, sentenceStart, eventTypes);
  }
  // A loss stated with its change word in the same sentence (预计亏损2亿元，同比盈转亏); the model reads the figure only.
  if (mention.documentType === '亏损' && !has('亏损变化')) {
    const change = lossChangeIn(mention.sentenceText);
    if (change) add('亏损变化', change);
  }
  if (mention.documentType === '高管变动' && !has('高管职位')) {
    const post = statedPost(mention.sentenceText);
    if (post) add('高管职位', post);
  }
  const ratioRoles = RATIO_ROLES[mention.documentType];
  if (ratioRoles && !has(ratioRoles.capital) && !has(ratioRoles.holding)) {
    const ratio = tradedRatio(mention.sentenceText, ratioRoles.verb);
    if (ratio) add(ratioRoles[ratio.base], ratio.span);
  }
  if (ratioRoles && !has(ratioRoles.shares)) {
    const shares = tradedShares(mention.sentenceText, ratioRoles.verb);
    if (shares) add(ratioRoles.shares, shares);
  }
  return added.length ? { ...mention, arguments: [...mention.arguments, ...added] } : mention;
}
