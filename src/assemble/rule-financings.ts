import type { ParsedDocument } from '../parse/index.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  groupArgument,
  issuerArgument,
  makeRecord,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { MONEY, yuan } from './rule-values.js';

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
