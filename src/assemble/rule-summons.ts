import { AUTHORITY as PENALTY_AUTHORITY } from './rule-penalties.js';
import type { RuleSentence } from './rule-text.js';
import { argumentAt, makeRecord, type RuleArgument, type RuleRecord } from './rule-types.js';
import { DAY_OF_MONTH } from './rule-values.js';

/** 约谈 appears in the headline or the text of every summons report; nothing else is read without it. */
export const SUMMONS_WORD = /约谈/;

/** An authority as news name it: 北京市网信办, 国家发展改革委, 顺义区卫健委, 深圳证监局, 国家版权局, 上交所 … */
const AUTHORITY =
  '[\\u4e00-\\u9fa5]{0,12}?(?:网信办|金融办|发改委|发展改革委|卫健委|证监会|证监局|银保监会|保监会|银监会|市场监管总局|交易所|[上深北]交所|办公室|委员会|监管局|管理局|监管分局|总局|[局委厅部办司])';
/** The summoned: a name or a description up to the clause's end, without the people summoned in it. */
const ONE_SUMMONED = '[^，。；：:！？\\s、]{2,30}?';
const SUMMONED = `${ONE_SUMMONED}(?:[、和及与]${ONE_SUMMONED})*`;
const TAIL = '(?=(?:的|等)?(?:主要|相关|有关)?(?:负责人|高管|董事长|相关人员)|等|[，。；：:！？]|并|要求|$)';

/** "某局(依法)约谈某公司" and "对某公司(负责人)进行(了)约谈" and "某公司被某局约谈". */
const PATTERNS: readonly RegExp[] = [
  new RegExp(
    `(?<auth>${AUTHORITY})(?:依法|今日|今天|近日|日前|已|再次|联合|在京|集体|分别)*约谈(?:了)?(?<party>${SUMMONED})${TAIL}`,
    'dgu',
  ),
  new RegExp(
    `(?<auth>${AUTHORITY})?[^，。；]{0,20}?对(?<party>${SUMMONED})(?:等)?(?:的)?(?:主要|相关)?(?:负责人)?进行(?:了)?(?:重点|集体|行政|监管)?约谈`,
    'dgu',
  ),
  new RegExp(`(?<party>${SUMMONED})(?:近日|日前)?被(?<auth>${AUTHORITY})约谈`, 'dgu'),
];
/** The authority a clause refers back to (该局对…进行了约谈): the one named before. */
const BACK_REFERENCE = /^(?:该|此|上述)[局委厅部办]$/u;
/** A regulator the summons' sentence names before the clause that has none (保监会…答记者问，对X进行了约谈). */
const NAMED_AUTHORITY = new RegExp(`${PENALTY_AUTHORITY.source}|${AUTHORITY}`, 'gu');
/** How many sentences back a back-reference may find its authority. */
const BACK_REACH = 3;

/** A preposition a loosely matched authority's name can open with (记者从某局获悉): no part of the name. */
const LEAD = /^(?:记者)?(?:从|据|向|经|由|被)(?=.{3})/u;

/** The last authority named in `text`, as a span of it. */
function lastAuthority(text: string): { start: number; end: number } | undefined {
  let last: { start: number; end: number } | undefined;
  for (const m of text.matchAll(NAMED_AUTHORITY)) {
    if (BACK_REFERENCE.test(m[0])) continue;
    const cut = LEAD.exec(m[0])?.[0].length ?? 0;
    last = { start: m.index + cut, end: m.index + m[0].length };
  }
  return last;
}

/**
 * Who summoned, where the clause names nobody (对X进行了约谈) or refers back (该局): the regulator the
 * sentence names before the clause (a strict regulator's name only), or for a back-reference the last
 * authority named in the sentences before.
 */
function summoner(
  sentences: readonly RuleSentence[],
  i: number,
  clauseAt: number,
  backReference: boolean,
): RuleArgument | undefined {
  const s = sentences[i];
  if (!s) return undefined;
  const head = s.compact.slice(0, clauseAt);
  const strict = [...head.matchAll(new RegExp(PENALTY_AUTHORITY.source, 'gu'))].at(-1);
  if (strict) {
    const cut = LEAD.exec(strict[0])?.[0].length ?? 0;
    return argumentAt(s, '约谈机构', strict.index + cut, strict.index + strict[0].length);
  }
  if (!backReference) return undefined;
  const here = lastAuthority(head);
  if (here) return argumentAt(s, '约谈机构', here.start, here.end);
  for (let j = i - 1; j >= 0 && j >= i - BACK_REACH; j--) {
    const earlier = sentences[j];
    const found = earlier && lastAuthority(earlier.compact);
    if (earlier && found) return argumentAt(earlier, '约谈机构', found.start, found.end);
  }
  return undefined;
}

/** Words that make the summons not (yet) a fact: a threat, a condition, a denial. */
const NOT_A_FACT = /将会?被|可能|如果|若|一旦|拟|否认|不会|未被|在等|等待/;

/**
 * 被约谈: a regulator or authority summoned companies. Several summoned together are one event with 公司名称
 * repeated, as the guideline says; the day is the sentence's own date when it gives one.
 */
export function summonsRecords(sentences: readonly RuleSentence[]): RuleRecord[] {
  // A report retells its summons (headline, lead, body): the records merge on the company named.
  const out: RuleRecord[] = [];
  for (const [i, s] of sentences.entries()) {
    if (!SUMMONS_WORD.test(s.compact) || NOT_A_FACT.test(s.compact)) continue;
    for (const pattern of PATTERNS) {
      for (const m of s.compact.matchAll(pattern)) {
        const at = m.indices?.groups ?? {};
        const party = m.groups?.party;
        if (!party || !at.party || /^(?:了|的|其|他们|相关|有关)$/.test(party)) continue;
        const parties = partiesOf(s, party, at.party[0]);
        if (parties.length === 0) continue;
        const day = DAY_OF_MONTH.exec(s.compact);
        const named = m.groups?.auth;
        const authority =
          named && at.auth && !BACK_REFERENCE.test(named)
            ? argumentAt(s, '约谈机构', at.auth[0], at.auth[1])
            : summoner(sentences, i, at.auth?.[0] ?? m.index, named !== undefined);
        out.push(
          makeRecord(
            '被约谈',
            s.span(m.index ?? 0, (m.index ?? 0) + m[0].length),
            [
              ...parties,
              authority,
              day ? argumentAt(s, '被约谈时间', day.index, day.index + day[0].length) : undefined,
            ],
            0.75,
          ),
        );
      }
    }
  }
  return out;
}

/** What a list ends on after its named members: 等5家房地产企业, 等网络互助平台. */
const GROUP_TAIL = /等(?:[0-9一二三四五六七八九十]+[家个位名])?[^、和及与]{0,12}$/u;

/**
 * "主要唱片公司、词曲版权公司和数字音乐平台": each one a 公司名称; of "甲、乙等5家房地产企业" the named members
 * (guideline §2: the description only where no company is named).
 */
function partiesOf(s: RuleSentence, whole: string, start: number): RuleArgument[] {
  const out: RuleArgument[] = [];
  let at = start;
  const tail = GROUP_TAIL.exec(whole);
  const list = tail && tail.index >= 2 ? whole.slice(0, tail.index) : whole;
  for (const part of list.split(/[、和及与]/)) {
    const name = part.replace(/^(?:了|对)/, '');
    const offset = part.length - name.length;
    if (name.length >= 2) out.push(argumentAt(s, '公司名称', at + offset, at + offset + name.length));
    at += part.length + 1;
  }
  return out;
}
