import type { ParsedDocument } from '../parse/index.js';
import { SUBJECT_NAME, SUBJECT_START, trimSubject } from './rule-subjects.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  groupArgument,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { MONEY, yuan } from './rule-values.js';

/** Every sentence this rule reads puts money into an entity in one of these words. */
export const INVESTMENT_WORD = /增资|出资|投资/;

const PARTY = `(?<party>本?公司|${SUBJECT_NAME})`;
const FUNDS = '(?:以自有资金|使用自有资金|以现金)?';
/** The subject's notice between it and its act: X发布公告称，将对Y增资. */
const NOTICE = '(?:[（(][^）)]{1,20}[）)])?(?:(?:发布)?公告(?:称)?[，,]?)?';
/** The entity invested in: a name up to the clause's end, a bracket or a quotation. */
const INVESTEE = '(?<investee>[\\u4e00-\\u9fa5A-Za-z0-9·]{2,40}?(?:[（(][\\u4e00-\\u9fa5]{2,6}[）)])?)';
const INVESTEE_END = '(?=[，。；,;（(“"：:]|$)';

/**
 * The ways news and broker notes state an investment with its investor as the clause's subject:
 * raising an entity's capital (X拟出资N元向Y增资, X对Y增资N元), a sum invested in it (X拟1.9亿元投资Y), and
 * money paid in to set it up (X拟出资N元，与…共同发起设立Y).
 */
const INVESTMENTS: readonly RegExp[] = [
  new RegExp(
    `${SUBJECT_START}${PARTY}${NOTICE}(?:拟|将|计划)?${FUNDS}(?:出资(?<money>${MONEY}))?(?:向|对)(?:其)?(?:全资|控股)?(?:子公司|孙公司)?${INVESTEE}(?:进行)?增资(?:(?:约|不超过)?(?<amount>${MONEY}))?`,
    'dgu',
  ),
  new RegExp(
    `${SUBJECT_START}${PARTY}${NOTICE}(?:拟|将|计划)?${FUNDS}(?:出资|斥资|以)?(?<money>${MONEY})(?:投资|增资)${INVESTEE}${INVESTEE_END}`,
    'dgu',
  ),
  new RegExp(
    `${SUBJECT_START}${PARTY}${NOTICE}(?:拟|将|计划)?${FUNDS}出资(?:不超过|不超|约)?(?<money>${MONEY})[^。；;]{0,60}?(?:共同)?(?:发起)?(?:投资)?(?:设立|成立)${INVESTEE}${INVESTEE_END}`,
    'dgu',
  ),
];

/** Words that make the investment not (yet) a fact, or a deal of another type (a capital increase for control). */
const NOT_A_FACT =
  /假设|如果|若|不得|否认|传闻|是否|或将|可能|终止|取消|未能|放弃|控股权|控制权|实现控股|收购/;
/** A subsidiary named as such before its name (全资子公司X): the company's own side. */
const SUBSIDIARY_WORD = /^(?:公司)?(?:全资|控股)?(?:子公司|孙公司)/;
/** Investees that name no entity (the company itself, a pronoun, a purpose). */
const NOT_AN_INVESTEE = /^(?:公司|本公司|其|该|上述|项目|建设|研发|扩产)$|^(?:建设|研发|扩建|新建)/;

/**
 * The investor of a caught subject, when it is the story's company (its name or short name, 公司 in a note or
 * filing) or a subsidiary the sentence names as such: a company merely mentioned investing is background.
 */
function investor(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence,
  caught: string,
  at: number,
): RuleArgument | undefined {
  if (/^本?公司$/.test(caught))
    return issuerArgument(doc, ctx, '投资方', true) ?? issuerArgument(doc, ctx, '投资方');
  const subsidiary = SUBSIDIARY_WORD.exec(caught);
  const rest = subsidiary ? caught.slice(subsidiary[0].length) : caught;
  const name = trimSubject(rest);
  if (!name) return undefined;
  const own = [ctx.issuer?.name, ctx.issuer?.shortName].filter((n): n is string => !!n);
  if (!subsidiary && !own.includes(name)) return undefined;
  const start = at + caught.lastIndexOf(name);
  return argumentAt(s, '投资方', start, start + name.length);
}

/** 投资 records of the story's company from the sentences that state them (see INVESTMENTS). */
export function investmentRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    const text = s.compact;
    if (!INVESTMENT_WORD.test(text) || NOT_A_FACT.test(text)) continue;
    for (const pattern of INVESTMENTS) {
      const m = pattern.exec(text);
      pattern.lastIndex = 0;
      const g = m?.groups;
      const at = m?.indices?.groups;
      if (!m || !g?.party || !g.investee || !at?.party || !at.investee) continue;
      if (NOT_AN_INVESTEE.test(g.investee)) continue;
      const party = investor(doc, ctx, s, g.party, at.party[0]);
      if (!party || party.text === g.investee) continue;
      const money = g.amount ? 'amount' : 'money';
      out.push(
        makeRecord(
          '投资',
          s.span(m.index, m.index + m[0].length),
          [
            party,
            argumentAt(s, '被投资方', at.investee[0], at.investee[1]),
            groupArgument(s, m, money, '投资金额', yuan),
          ],
          0.8,
        ),
      );
      break;
    }
  }
  return out;
}
