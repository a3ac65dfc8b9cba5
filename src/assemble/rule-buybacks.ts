import type { ParsedDocument } from '../parse/index.js';
import type { RuleSentence } from './rule-text.js';
import {
  groupArgument,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, fraction, isoDate, MONEY, PERCENT, SHARES, shareCount, yuan } from './rule-values.js';

/**
 * The company buying back its own shares. Buy-backs of incentive shares (限制性股票), compensation shares
 * (业绩补偿) and HKEX general mandates (一般授权) are not market buy-backs; progress reports repeat totals.
 */
export const BUYBACK_TITLE = /回购(?:公司|部分)?(?:社会公众)?(?:股份|股票|A股)/;
const NOT_A_BUYBACK_TITLE = /限制性股票|业绩补偿|补偿股份|注销|一般授权|进展|回售|债券/;
const COMPLETED_TITLE = /结果|完成|完毕|届满/;

const RANGE_TAIL = (unit: string) =>
  `(?:（含）)?(?:[至到~～—-]|[，,]?且不超过|、不超过|，不超过|,不超过)(?:人民币)?(?<upper>${unit})`;

/** Ranges give their upper bound: the most the plan allows (the same choice as the 价格上限). */
const AMOUNT = new RegExp(
  `(?:(?:回购(?:股份的)?(?:资金)?总(?:金)?额|回购资金|资金总额|成交总金额|支付(?:的)?(?:资金)?总(?:金)?额)(?:为)?|(?:拟)?(?:以|使用)(?:自有资金|自筹资金)?)(?:不低于|不少于|不超过|约)?(?<first>${MONEY})(?:${RANGE_TAIL(MONEY)})?(?=(?:（含）)?(?:[，,]|的|$|回购|用于|以集中))`,
  'du',
);
const PRICE = new RegExp(
  `(?:回购(?:股份的)?价格|价格上限|回购价格上限)(?:为)?(?:不超过|不高于|上限为)?(?<price>${MONEY})(?:/股|每股)`,
  'du',
);
const COUNT = new RegExp(
  `(?:回购(?:股份)?(?:的)?数量|回购股份|回购公司股份)(?:约|为|预计|合计|共计|累计)*(?:不低于|不少于)?(?<first>${SHARES})(?:${RANGE_TAIL(SHARES)})?`,
  'du',
);
const RATIO = new RegExp(
  `占(?:公司|本公司)?(?:目前|现有|当前)?总股本(?:[0-9.,]+万?股)?(?:的)?(?:比例)?(?:为|约)*(?<first>${PERCENT})(?:${RANGE_TAIL(PERCENT)})?`,
  'du',
);
const DONE = new RegExp(
  `(?:于|截至)(?<date>${DATE})(?:[，,]?公司)?(?:本次)?(?:回购(?:方案)?)?(?:已)?(?:实施完毕|实施完成|届满)`,
  'du',
);

function bounded(
  s: RuleSentence,
  re: RegExp,
  role: string,
  value: (t: string) => number | undefined,
): RuleArgument | undefined {
  const m = re.exec(s.compact);
  if (!m) return undefined;
  return groupArgument(
    s,
    m,
    m.groups?.upper ? 'upper' : m.groups?.first !== undefined ? 'first' : 'price',
    role,
    value,
  );
}

/** 股份回购: one record for the document, each role from the first sentence that states it. */
export function buybackRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
  title: string,
): RuleRecord[] {
  if (NOT_A_BUYBACK_TITLE.test(title)) return [];
  const allowTotals = COMPLETED_TITLE.test(title);
  const found = new Map<string, RuleArgument>();
  let trigger: { text: string; start: number; end: number } | undefined;
  for (const s of sentences) {
    const text = s.compact;
    const verb = /回购/.exec(text);
    if (!verb) continue;
    // Hypotheticals (若/假设/如) restate the plan's bounds against assets, not the plan itself.
    if (/假设|若(?!全额)|如果|不得|未(?!来)/.test(text)) continue;
    if (!allowTotals && /累计|截至|截止/.test(text)) continue;
    const args = [
      bounded(s, AMOUNT, '交易金额', yuan),
      bounded(s, PRICE, '每股交易价格', yuan),
      bounded(s, COUNT, '回购股份数量', shareCount),
      bounded(s, RATIO, '占公司总股本比例', fraction),
      (() => {
        const m = DONE.exec(text);
        return m
          ? groupArgument(s, m, 'date', '回购完成时间', (d) => isoDate(d, ctx.publishedAt))
          : undefined;
      })(),
    ];
    for (const a of args) {
      if (!a || found.has(a.role)) continue;
      found.set(a.role, a);
      trigger ??= s.span(verb.index, verb.index + verb[0].length);
    }
  }
  // A buy-back record needs at least one figure of its own.
  if (!trigger || found.size === 0) return [];
  return [makeRecord('股份回购', trigger, [issuerArgument(doc, ctx, '回购方'), ...found.values()], 0.85)];
}
