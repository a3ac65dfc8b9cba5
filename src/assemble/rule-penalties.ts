import type { ParsedDocument } from '../parse/index.js';
import { isPersonName } from './rule-names.js';
import { partyArgument } from './rule-parties.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, isoDate, MONEY, yuan } from './rule-values.js';

/** A penalty's filing or story: 行政处罚决定书, 证监局处罚来了, 被罚, 罚单, 被…警告. */
export const PENALTY_TITLE = /处罚|被罚|罚款|罚单|被.{0,12}警告/;
/** A 事先告知书 only announces an intended penalty. */
const NOT_DECIDED_TITLE = /事先告知/;

export const AUTHORITY =
  /中国证券监督管理委员会(?:[\u4e00-\u9fa5]{2,4}监管局)?|(?:中国)?证监会[\u4e00-\u9fa5]{2,3}监管局|中国证监会|[\u4e00-\u9fa5]{2,3}证监局|证监会|(?:上海|深圳|北京)证券交易所|[上深北]交所|(?:中国)?(?:银保监会|银监会|保监会)(?:[\u4e00-\u9fa5]{2,6}?监管(?:分局|局))?|(?:中国)?(?:人民银行|央行)(?:央行)?(?:[\u4e00-\u9fa5]{2,4}?(?:分行|中心支行|营业管理部))?|(?:国家)?外汇(?:管理)?局|[\u4e00-\u9fa5]{2,10}(?:市场监督管理局|税务局|生态环境局|环境保护局|应急管理局|药品监督管理局|药监局|互联网信息办公室|人民银行[\u4e00-\u9fa5]{0,6}(?:分行|中心支行))/;
/**
 * Whoever 对…给予警告/责令改正 names: in a decision the wording is fixed, so the party may be a short name
 * (某某科技, *ST某某) as well as a legal name or a person. Counts ("21个自然人") and descriptions are not parties.
 */
const PUNISHED = '[*＊A-Za-z\\u4e00-\\u9fa5（）()]{2,24}?';
const NOT_A_PARTY = /[0-9]|个|的|等|其他|相关|有关|上述|涉案/;
/**
 * 对某某公司责令改正，给予警告，并处以60万元罚款 — one clause per list of parties; the content starts with its
 * verb right after the party and runs to its last sanction word, never past ；/。 or the next 对.
 */
const CLAUSE = new RegExp(
  `对(?<party>${PUNISHED}(?:、${PUNISHED})*)(?:分别)?(?<content>(?:责令改正|给予|予以|处以|没收|采取|出具)[^；。对]{0,60}(?:罚款|警告|市场禁入措施|违法所得|警示函|通报批评|公开谴责|责令改正))`,
  'du',
);
const FINE = new RegExp(`(?:处以|并处|罚款)(?<fine>${MONEY})|(?<fine2>${MONEY})(?:的)?罚款`, 'du');
const CONTENT_WORDS = [
  '警告',
  '罚款',
  '没收违法所得',
  '市场禁入',
  '责令改正',
  '警示函',
  '通报批评',
  '公开谴责',
];
const DECIDED = new RegExp(`(?:于)?(?<date>${DATE})(?:作出|做出|下发|出具)`, 'du');

function authority(sentences: RuleSentence[]): RuleArgument | undefined {
  for (const s of sentences) {
    if (!/处罚/.test(s.compact)) continue;
    const m = AUTHORITY.exec(s.compact);
    if (m) return argumentAt(s, '处罚机构', m.index, m.index + m[0].length);
  }
  return undefined;
}

/** The last authority named in `text`. */
function lastAuthority(text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(new RegExp(AUTHORITY.source, 'g'))) last = m;
  return last;
}

/** A regulator called by its kind alone once a story has named it (深圳证监局…。证监局对公司采取…). */
const BARE_REGULATOR = /(?:^|[，,])(?<word>证监局|监管局|银保监局)(?:依法|决定|经查|随即)?$/u;

/**
 * The authority named in the decision's own sentence, before the clause ("某某证监局决定对…"); a regulator the
 * clause names by its kind alone is the last one of that kind the sentences before named in full.
 */
function authorityBefore(
  s: RuleSentence,
  clauseStart: number,
  before: readonly RuleSentence[] = [],
): RuleArgument | undefined {
  const head = s.compact.slice(0, clauseStart);
  const last = lastAuthority(head);
  if (last) return argumentAt(s, '处罚机构', last.index, last.index + last[0].length);
  const word = BARE_REGULATOR.exec(head)?.groups?.word;
  if (!word) return undefined;
  for (const earlier of [...before].reverse()) {
    const named = lastAuthority(earlier.compact);
    if (named?.[0].endsWith(word) && named[0] !== word)
      return argumentAt(earlier, '处罚机构', named.index, named.index + named[0].length);
  }
  return undefined;
}

/** "贾某、王某等当事人": the named parties of a list that ends on a collective word. */
const LIST_TAIL = /等(?:当事人|责任人员?|相关人员|人)?$/;

/** The parties of "对甲、乙分别给予警告": each one a 处罚对象; 公司 is the issuer. Nothing when one is no party. */
function partiesIn(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence,
  list: string,
  start: number,
): RuleArgument[] {
  const out: RuleArgument[] = [];
  let at = start;
  for (const name of list.replace(LIST_TAIL, '').split('、')) {
    if (NOT_A_PARTY.test(name)) return [];
    const arg = SELF.test(name)
      ? issuerArgument(doc, ctx, '处罚对象')
      : partyArgument(s, '处罚对象', name, at);
    if (arg) out.push(arg);
    at += name.length + 1;
  }
  return out;
}

const SELF = /^(?:公司|本公司|本行|该公司|该行)$/;

/** One 处罚内容 argument per sanction the clause names (责令改正, 警告, 罚款 …), as the words are written. */
function contents(s: RuleSentence, content: string, from: number): RuleArgument[] {
  return CONTENT_WORDS.flatMap((word) => {
    const at = content.indexOf(word);
    return at < 0 ? [] : [{ at, arg: argumentAt(s, '处罚内容', from + at, from + at + word.length, word) }];
  })
    .sort((a, b) => a.at - b.at)
    .map((x) => x.arg);
}

/**
 * News retell a decision in the passive: 某某因…被处以罚款1004万元 / 被某局处以…罚款 / 被罚25万元 / 被警告.
 * The party is the subject of the clause: what stands before 因 (the reason), or before 被 / 是 when no reason
 * is given.
 */
const PASSIVE = new RegExp(
  `被(?<auth>${AUTHORITY.source})?(?<content>(?:处以|并处|处|罚没|罚款|罚)(?:罚款)?(?<fine>${MONEY})(?:的)?(?:罚款)?|(?:给予|予以)?警告|责令改正|出具(?:了)?(?:监管)?警示函|通报批评|公开谴责)`,
  'dgu',
);
const SUBJECT_LEAD =
  /^(?:[0-9]{1,2}月[0-9]{1,2}日)?(?:消息|显示|称|其中|此外|另外|同时|据悉|日前|近日|公告称|公告显示|[，,])+/;
const ORG_PARTY =
  /^[\u4e00-\u9fa5A-Za-z0-9（）()]{2,40}(?:股份有限公司|有限责任公司|有限公司|公司|银行|分行|支行|集团|证券|信托|保险|基金)$/;

/** The punished party of a passive clause ending at `end` of the sentence, or undefined when it is no name. */
function passiveParty(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence,
  end: number,
): RuleArgument | undefined {
  const clauseStart =
    Math.max(s.compact.lastIndexOf('。', end - 1), s.compact.lastIndexOf('；', end - 1)) + 1;
  const clause = s.compact.slice(clauseStart, end);
  const reason = clause.indexOf('因');
  const head = reason >= 0 ? clause.slice(0, reason) : clause.replace(/[，,]$/, '');
  // The subject is the last comma-separated part before the reason (or the verb), cut at 是/系 ("某某是…人员，被警告").
  const parts = head.split(/[，,：:]/);
  const last = parts.length > 1 && parts.at(-1) === '' ? parts.at(-2) : parts.at(-1);
  if (!last) return undefined;
  const lead = SUBJECT_LEAD.exec(last)?.[0].length ?? 0;
  const name = last.slice(lead).replace(/(?:是|系|作为).*$/, '');
  const at = clauseStart + head.lastIndexOf(last) + lead;
  const short = [ctx.issuer?.shortName, doc.header.announcement?.shortName];
  if (SELF.test(name) || short.includes(name))
    return issuerArgument(doc, ctx, '处罚对象', short.includes(name));
  if (AUTHORITY.test(name) && AUTHORITY.exec(name)?.[0] === name) return undefined;
  if (isPersonName(name) || ORG_PARTY.test(name)) return argumentAt(s, '处罚对象', at, at + name.length);
  return undefined;
}

function passiveRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence,
  by: RuleArgument | undefined,
  date: RuleArgument | undefined,
): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const m of s.compact.matchAll(PASSIVE)) {
    const at = m.indices?.groups ?? {};
    const content = m.groups?.content;
    if (!content || !at.content) continue;
    const party = passiveParty(doc, ctx, s, m.index);
    if (!party) continue;
    const fine = m.groups?.fine;
    const authority = at.auth
      ? argumentAt(s, '处罚机构', at.auth[0], at.auth[1])
      : (authorityBefore(s, m.index) ?? by);
    out.push(
      makeRecord(
        '行政处罚',
        s.span(m.index, m.index + m[0].length),
        [
          party,
          authority,
          ...contents(s, content, at.content[0]),
          fine && at.fine ? argumentAt(s, '罚款金额', at.fine[0], at.fine[1], yuan(fine)) : undefined,
          date,
        ],
        0.8,
      ),
    );
  }
  return out;
}

/** 行政处罚: one record per party a decision punishes. */
export function penaltyRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
  title: string,
): RuleRecord[] {
  if (NOT_DECIDED_TITLE.test(title)) return [];
  const by = authority(sentences);
  let date: RuleArgument | undefined;
  for (const s of sentences) {
    const m = DECIDED.exec(s.compact);
    const at = m?.indices?.groups?.date;
    if (m?.groups?.date && at && /处罚/.test(s.compact)) {
      date = argumentAt(s, '处罚日期', at[0], at[1], isoDate(m.groups.date, ctx.publishedAt));
      break;
    }
  }
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (/拟|将被|可能|如果|若/.test(s.compact)) continue;
    for (const m of s.compact.matchAll(new RegExp(CLAUSE.source, 'dgu'))) {
      const g = m.groups ?? {};
      const at = m.indices?.groups ?? {};
      if (!g.party || !g.content || !at.party || !at.content) continue;
      const content = g.content.replace(/[，,、]$/, '');
      const sanctions = contents(s, content, at.content[0]);
      if (sanctions.length === 0) continue;
      const fine = FINE.exec(content);
      const fineText = fine?.groups?.fine ?? fine?.groups?.fine2;
      const fineArg =
        fine && fineText
          ? (() => {
              const start = at.content[0] + content.indexOf(fineText, fine.index);
              return argumentAt(s, '罚款金额', start, start + fineText.length, yuan(fineText));
            })()
          : undefined;
      for (const partyArg of partiesIn(doc, ctx, s, g.party, at.party[0])) {
        out.push(
          makeRecord(
            '行政处罚',
            s.span(at.content[0], at.content[0] + content.length),
            [
              partyArg,
              authorityBefore(s, m.index, sentences.slice(0, sentences.indexOf(s))) ?? by,
              ...sanctions,
              fineArg,
              date,
            ],
            0.85,
          ),
        );
      }
    }
    out.push(...passiveRecords(doc, ctx, s, by, date));
  }
  return distinct(out);
}

/** News retells a decision more than once; the same party, sanctions and fine make one record. */
function distinct(records: RuleRecord[]): RuleRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = ['处罚对象', '处罚内容', '罚款金额']
      .map((role) =>
        r.arguments
          .filter((x) => x.role === role)
          .map((a) => a.value ?? a.text)
          .sort()
          .join('、'),
      )
      .join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
