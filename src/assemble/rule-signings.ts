import type { ParsedDocument } from '../parse/index.js';
import { projectOfContractName } from './contract-fields.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';

/** 签订《…》 appears in every sentence this rule reads. */
export const NAMED_SIGNING_WORD = /(?:签订|签署)(?:了)?《/;

/**
 * "X公告，公司与Y签订《Z协议书》": the company signs a named agreement with a named counterparty. The company side
 * opens the clause (公司, 本公司 or its short name); the counterparty is one name, not a list (分别与…).
 */
const NAMED_SIGNING =
  /(?:^|[，,。；;：:\s])(?<self>本?公司|[\u4e00-\u9fa5A-Za-z*]{2,8})(?:于[^，,。；;与和]{2,16})?(?:与|和)(?<other>[^，,。；;：:《》“”、与和]{2,30}?)(?:正式)?(?:签订|签署)(?:了)?《(?<name>[^《》]{2,80}?(?:合同|协议|合同书|协议书))》/du;
/** A signing not done yet, or one of several sides. */
const NOT_SIGNED = /拟|将|尚未|计划|有望|准备|分别|待/;
/**
 * Agreements that are parts of a share deal, a financing or a pledge (guideline §2: no 签署合同 of their own): a
 * share transfer, a vote proxy, a profit compensation, a subscription.
 */
const DEAL_PART = /转让|委托|补偿|认购|收购|增资|借款|担保|质押|一致行动|表决权|重组|托管/;
/** Counterparty words that name no one (双方, 其, 上述). */
const NOT_A_COUNTERPARTY = /^(?:双方|各方|其|上述|相关|有关|对方|公司|本公司)/;

/**
 * 签署合同 from a news sentence that names the agreement, the company and its counterparty (the model often reads
 * nothing there): 乙方 is the company (the listed side, guideline §2), 甲方 the counterparty, the agreement's name and
 * the project it is named after.
 */
export function namedSigningRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  const own = [ctx.issuer?.shortName, ctx.issuer?.name].filter((n): n is string => !!n);
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (!NAMED_SIGNING_WORD.test(s.compact)) continue;
    const m = NAMED_SIGNING.exec(s.compact);
    const g = m?.groups;
    const at = m?.indices?.groups;
    if (!m || !g?.self || !g.other || !g.name || !at?.other || !at.name || !at.self) continue;
    if (NOT_SIGNED.test(s.compact.slice(0, at.name[0])) || DEAL_PART.test(g.name)) continue;
    if (NOT_A_COUNTERPARTY.test(g.other)) continue;
    const self = /^本?公司$/.test(g.self);
    if (!self && !own.includes(g.self)) continue;
    const contractor: RuleArgument | undefined = self
      ? issuerArgument(doc, ctx, '乙方', true)
      : argumentAt(s, '乙方', at.self[0], at.self[1]);
    const name = argumentAt(s, '合同名称', at.name[0], at.name[1]);
    const project = projectOfContractName({ text: g.name, start: at.name[0], end: at.name[1] });
    out.push(
      makeRecord(
        '签署合同',
        s.span(m.index, m.index + m[0].length),
        [
          contractor,
          argumentAt(s, '甲方', at.other[0], at.other[1]),
          name,
          project ? argumentAt(s, '项目名称', project.start, project.end) : undefined,
        ],
        0.9,
      ),
    );
  }
  return out;
}
