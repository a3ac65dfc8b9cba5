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
/** Words that make the summons not (yet) a fact: a threat, a condition, a denial. */
const NOT_A_FACT = /将会?被|可能|如果|若|一旦|拟|否认|不会|未被|在等|等待/;

/**
 * 被约谈: a regulator or authority summoned companies. Several summoned together are one event with 公司名称
 * repeated, as the guideline says; the day is the sentence's own date when it gives one.
 */
export function summonsRecords(sentences: readonly RuleSentence[]): RuleRecord[] {
  // A report retells its summons (headline, lead, body): the records merge on the company named.
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (!SUMMONS_WORD.test(s.compact) || NOT_A_FACT.test(s.compact)) continue;
    for (const pattern of PATTERNS) {
      for (const m of s.compact.matchAll(pattern)) {
        const at = m.indices?.groups ?? {};
        const party = m.groups?.party;
        if (!party || !at.party || /^(?:了|的|其|他们|相关|有关)$/.test(party)) continue;
        const parties = partiesOf(s, party, at.party[0]);
        if (parties.length === 0) continue;
        const day = DAY_OF_MONTH.exec(s.compact);
        out.push(
          makeRecord(
            '被约谈',
            s.span(m.index ?? 0, (m.index ?? 0) + m[0].length),
            [
              ...parties,
              at.auth ? argumentAt(s, '约谈机构', at.auth[0], at.auth[1]) : undefined,
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

/** "主要唱片公司、词曲版权公司和数字音乐平台": each one a 公司名称. */
function partiesOf(s: RuleSentence, list: string, start: number): RuleArgument[] {
  const out: RuleArgument[] = [];
  let at = start;
  for (const part of list.split(/[、和及与]/)) {
    const name = part.replace(/^(?:了|对)/, '');
    const offset = part.length - name.length;
    if (name.length >= 2) out.push(argumentAt(s, '公司名称', at + offset, at + offset + name.length));
    at += part.length + 1;
  }
  return out;
}
