import type { ParsedDocument } from '../parse/index.js';
import { SUBJECT_NAME, SUBJECT_START, trimSubject } from './rule-subjects.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  groupArgument,
  issuerArgument,
  makeRecord,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { MONEY, NUM, yuan } from './rule-values.js';

/**
 * An HKEX share offering told in its own announcement: a rights issue (供股), an open offer (公开发售) or a
 * placing of new shares (配售新股份). The company raises money from its shareholders or placees: 企业融资.
 */
export const OFFERING_TITLE = /供股|公开发售|配售新股|配售事项/;
const ROUND = /供股|公开发售|配售/;
/**
 * The offering's gross proceeds (所得款项总额), the money raised before costs: "供股所得款项总额：扣除开支前约148.465百万港元",
 * "供股之最高所得款项总额及净额…估计分别为约…". Net proceeds (所得款项净额) are what is left after costs.
 */
const GROSS = new RegExp(
  `(?<round>${ROUND.source})(?:之|的)?(?:最高)?所得款项总额[^。；]{0,24}?(?:最多)?约?(?<amount>${MONEY})`,
  'du',
);

/** 企业融资 of an offering announcement: the issuer raises its gross proceeds by the round its title names. */
export function offeringRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  for (const s of sentences) {
    const m = GROSS.exec(s.compact);
    const round = m?.indices?.groups?.round;
    if (!m || !round) continue;
    const amount = groupArgument(s, m, 'amount', '融资金额', yuan);
    return [
      makeRecord(
        '企业融资',
        s.span(round[0], round[1]),
        [
          issuerArgument(doc, ctx, '被投资方'),
          amount,
          argumentAt(s, '融资轮次', round[0], round[1], m.groups?.round),
        ],
        0.8,
      ),
    ];
  }
  return [];
}

/**
 * A listed company's share or convertible issue told in news or a broker note: 定增, 非公开发行(股票), 配股,
 * 可转债, GDR. The company raises money from the subscribers: 企业融资 with the issue as its round.
 */
export const PLACEMENT_WORD = /定增|非公开发行|配股|可转债|可转换公司债券|GDR/;
/** Money as news and notes write it, the 元 often left out by notes: 30亿元, 7.2亿, 3.37亿美元. */
const RAISED_MONEY = `${NUM}(?:万亿|亿|千万|百万|万)(?:元|美元|港元)?|${NUM}(?:元|美元|港元)`;
/**
 * "X拟定增募资不超过30亿元", "公司拟非公开发行5844.6万股…募资不超过9.1亿元", "公司可转债募集7.2亿": the issue,
 * then the money raised in the same clause.
 */
const PLACEMENT = new RegExp(
  `${SUBJECT_START}(?<party>${SUBJECT_NAME})?(?<lead>(?:公告|发布公告|公告称|表示)?(?:拟|将|计划|正在筹划|筹划|宣布)?(?:通过)?(?:发行|实施)?)(?<round>定增|非公开发行(?:A股)?(?:股票)?|配股|可转债|可转换公司债券|GDR)[^。；;]{0,40}?(?:募资|募集资金|募集|融资|筹资)(?:总额)?(?:金额)?(?:为|不超过|不超|约|达|逾|超)?(?<amount>${RAISED_MONEY})`,
  'dgu',
);
/** An issue called off, refused or only weighed is no financing. */
const CALLED_OFF = /终止|取消|撤回|不予|未获|否决|暂停|放弃|是否|或将|传闻/;
/** Companies a market story cites as examples of a trend (以X为例, 又如X) are no news of their own (GUIDELINE §2). */
const EXAMPLE = /为例|例如|比如|又如/;

/**
 * 企业融资 of a listed company's share or convertible issue outside its own filings. The company is the
 * clause's subject when it names one; a clause with no subject (公司拟定增…, …公告，拟定增…) is the covered
 * company's, the issuer where the text names it.
 */
export function placementRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (!PLACEMENT_WORD.test(s.compact) || EXAMPLE.test(s.compact)) continue;
    for (const m of s.compact.matchAll(PLACEMENT)) {
      const at = m.indices?.groups;
      if (!at?.round || !m.groups?.round) continue;
      const clauseStart = Math.max(
        0,
        ...['，', '。', '；', ';', '：'].map((p) => s.compact.lastIndexOf(p, m.index)),
      );
      if (CALLED_OFF.test(s.compact.slice(clauseStart, at.round[1]))) continue;
      const caught = m.groups.party;
      const name = caught ? trimSubject(caught) : undefined;
      // A subject that is no name (市场, 今年以来) makes the sentence a statistic, not a company's issue.
      if (caught && !name && !/^(?:公司|该公司|本公司)$/.test(caught)) continue;
      const partyStart = name && at.party ? at.party[0] + (caught ?? '').indexOf(name) : -1;
      const party =
        name && partyStart >= 0
          ? argumentAt(s, '被投资方', partyStart, partyStart + name.length)
          : issuerArgument(doc, ctx, '被投资方');
      const amount = groupArgument(s, m, 'amount', '融资金额', (text) =>
        yuan(/[亿万]$/.test(text) ? `${text}元` : text),
      );
      out.push(
        makeRecord(
          '企业融资',
          s.span(at.round[0], at.round[1]),
          [party, argumentAt(s, '融资轮次', at.round[0], at.round[1], m.groups.round), amount],
          0.75,
        ),
      );
    }
  }
  return out;
}
