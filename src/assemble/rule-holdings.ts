import type { ParsedDocument } from '../parse/index.js';
import { HOLDER_ROLE, PARTY, partyArgument } from './rule-parties.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  groupArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, fraction, isoDate, MONEY, PERCENT, SHARES, shareCount, yuan } from './rule-values.js';

/** Titles about a shareholder's trading; promises not to sell and withdrawn plans are no event. */
export const HOLDING_TITLE = /增持|减持/;
const NOT_AN_EVENT_TITLE = /不减持|不增持|承诺|终止|取消|延期|变更/;

/** A denial or a promise not to trade (不超过 / 不低于 are bounds, not negations; 不设价格区间 is a plan's term). */
const NEGATED = /不(?!超过|低于|少于|高于|足|设)|未(?!来)|没有|无意|承诺|禁止|限制/;
/** Totals over earlier trades, unless the title says the plan was completed. */
const TOTALS = /累计|截至|截止/;
const COMPLETED_TITLE = /结果|完成|完毕|届满/;

/**
 * A shareholder called by a short name ("控股股东某某投资通过…减持") is taken only right after its role word
 * and right before the words that start the trade.
 */
const SHORT_HOLDER =
  '(?<=控股股东|实际控制人|第一大股东|持股5%以上股东|公司股东)[\\u4e00-\\u9fa5A-Za-z]{2,12}?(?=拟|计划|于|通过|累计|合计|已|在|将|近日|本次|以)';
/**
 * What stands between the holder and its trade: a few words in one clause, or a plan's terms over several
 * ("计划于本公告披露之日起6个月内，通过集中竞价交易系统…增持").
 */
const GAP = '(?<gap>(?:计划|拟)[^。；：:、等]{0,60}?|[^。；，,：:、等]{0,40}?)';
const ACTION = new RegExp(
  `${HOLDER_ROLE}(?<party>${PARTY}|${SHORT_HOLDER})(?:[（(][^）)]{1,24}[）)])?${GAP}(?<verb>增持|减持)(?:了)?(?:其(?:所)?持有的)?(?:公司|本公司)?(?:股份|股票|A股)?(?:合计|共计|累计|数量)?(?:不超过|不低于|约|为)?(?<shares>${SHARES})?`,
  'du',
);
/**
 * A share of the capital: 占总股本的1.2%, 增持比例为1%; of a range (拟增持股份比例不低于公司股本总数的0.4%，不高于…的0.8%)
 * the upper bound, as for the other rules' ranges.
 */
const CAPITAL = '(?:公司|本公司)?(?:当前|目前)?(?:总股本|股本总数|股本总额)(?:的)?';
const RATIO = new RegExp(
  `(?:(?:占|即|相当于)(?:不超过|不低于|约)?${CAPITAL}(?:比例)?|(?:增持|减持)(?:股份)?比例(?:为)?(?:不超过|不低于|不少于|约)?(?:${CAPITAL})?)(?:为)?(?:不超过|约)?(?:${PERCENT}[，,]?(?:且|但)?(?:不超过|不高于)${CAPITAL})?(?<ratio>${PERCENT})`,
  'du',
);
const PRICE = new RegExp(`(?:均价|成交均价|价格|均价为)(?:为)?(?:约)?(?<price>${MONEY})/股`, 'du');
const AMOUNT = new RegExp(
  `(?:增持|减持|成交)(?:总)?金额(?:为)?(?:不低于${MONEY}(?:（含）)?(?:[，,]?且|、|，|,)?)?(?:不超过|不高于|约|合计)?(?<amount>${MONEY})`,
  'du',
);
/** One name in a list of holders: short names too (贵阳市国资), since the role word before the list vouches for them. */
const LISTED_NAME = '[\\u4e00-\\u9fa5A-Za-z（）()]{2,30}?';
/**
 * Several shareholders who trade together, after their role word: "股东甲、乙和丙拟合计增持不少于1735万股". The
 * list is one record with one party each: the figure is their joint plan.
 */
const HOLDER_LIST = new RegExp(
  `(?<=控股股东|大股东|股东)(?<list>${LISTED_NAME}(?:、${LISTED_NAME})*(?:和|及|以及)${LISTED_NAME})(?:拟|计划|将)?(?:合计|共同|累计)?(?<verb>增持|减持)(?:公司|本公司)?(?:股份|股票)?(?:合计)?(?:不少于|不低于|不超过|约)?(?<shares>${SHARES})`,
  'du',
);

/** "于2025年3月1日至3月14日期间" or "于2025年3月14日通过": the last day is when the trading was done. */
const DONE = new RegExp(
  `(?:于|在|自)(?:${DATE}(?:至|到|—|-))?(?<date>${DATE}|\\d{1,2}月\\d{1,2}日)(?:期间)?(?:通过|以|在|，|,)`,
  'du',
);

/** The first match of `re` after `from` (figures before the verb describe the holding, not the trade). */
function optional(
  s: RuleSentence,
  re: RegExp,
  from: number,
  group: string,
  role: string,
  value: (t: string) => number | string | undefined,
): RuleArgument | undefined {
  const m = new RegExp(re.source, 'dgu');
  m.lastIndex = from;
  const found = m.exec(s.compact);
  return found ? groupArgument(s, found, group, role, value) : undefined;
}

/** The names of a holder list starting at compact offset `start`, each with its own offset. */
function listedNames(list: string, start: number): Array<{ name: string; at: number }> {
  const last = Math.max(list.lastIndexOf('和'), list.lastIndexOf('及'));
  const cut = list.slice(last - 1, last + 1) === '以及' ? last - 1 : last;
  const pieces = [...list.slice(0, cut).split('、'), list.slice(last + 1)];
  const out: Array<{ name: string; at: number }> = [];
  let from = 0;
  for (const name of pieces) {
    const at = list.indexOf(name, from);
    from = at + name.length;
    out.push({ name, at: start + at });
  }
  return out;
}

/** A joint trade of listed holders (HOLDER_LIST), or undefined when the sentence names no such list. */
function jointRecord(s: RuleSentence, stockName: RuleArgument | undefined): RuleRecord | undefined {
  const m = HOLDER_LIST.exec(s.compact);
  const at = m?.indices?.groups;
  if (!m?.groups?.list || !m.groups.verb || !at?.list || !at.verb) return undefined;
  const names = listedNames(m.groups.list, at.list[0]);
  // Officers, the company itself, or the means of a trade (通过大宗交易和集中竞价交易方式) are no holders' names.
  if (
    names.some(({ name }) =>
      /公司|董事|监事|高管|高级管理人员|一致行动人|通过|方式|交易|期间|计划/.test(name),
    )
  )
    return undefined;
  const type = m.groups.verb === '增持' ? '股东增持' : '股东减持';
  const role = m.groups.verb === '增持' ? '增持方' : '减持方';
  return makeRecord(
    type,
    s.span(at.verb[0], at.verb[1]),
    [
      stockName,
      ...names.map(({ name, at: start }) => partyArgument(s, role, name, start)),
      groupArgument(s, m, 'shares', '交易股票/股份数量', shareCount),
      optional(s, RATIO, at.verb[0], 'ratio', `${m.groups.verb}部分占总股本比例`, fraction),
    ],
    HOLDING_CONFIDENCE,
  );
}

/** Short names a document defines (贵阳市国有资产投资管理公司（以下简称“贵阳市国资”）): they name its holders later. */
const DEFINED_NAME = /简称[:：]?[“"「『](?<name>[\u4e00-\u9fa5A-Za-z]{2,12})[”"」』]/gu;

function definedNames(doc: ParsedDocument): string[] {
  return [...doc.modelText.matchAll(DEFINED_NAME)].flatMap((m) => (m.groups?.name ? [m.groups.name] : []));
}

/**
 * Officers counted and trading as one group ("8名董事、高级管理人员拟合计增持不低于172万元"): the guideline writes an
 * unnamed group as the text has it, one record for the group with its joint figure.
 */
const OFFICER_GROUP = new RegExp(
  `(?:\\d+名|全体)(?:现任)?(?:非独立)?(?<party>董事、(?:监事、)?高级管理人员|董事(?:及|和)高级管理人员|董监高)(?:人员)?(?:拟|计划|将)?(?:合计|共同)?(?<verb>增持|减持)(?:公司)?(?:股份)?(?:金额)?(?:合计)?(?:不低于|不少于|不超过|约)?(?:(?<amount>${MONEY})|(?<shares>${SHARES}))`,
  'du',
);

function officerGroupRecord(s: RuleSentence, stockName: RuleArgument | undefined): RuleRecord | undefined {
  const m = OFFICER_GROUP.exec(s.compact);
  const at = m?.indices?.groups;
  if (!m?.groups?.party || !m.groups.verb || !at?.party || !at.verb) return undefined;
  const increase = m.groups.verb === '增持';
  return makeRecord(
    increase ? '股东增持' : '股东减持',
    s.span(at.verb[0], at.verb[1]),
    [
      stockName,
      argumentAt(s, increase ? '增持方' : '减持方', at.party[0], at.party[1]),
      groupArgument(s, m, 'amount', '交易金额', yuan),
      groupArgument(s, m, 'shares', '交易股票/股份数量', shareCount),
    ],
    HOLDING_CONFIDENCE,
  );
}

/**
 * A sum split by holder after 其中 ("其中，甲增持股份数不少于1011.83万股，乙增持股份数不少于433.64万股"): one trade
 * per holder, each with its own figure. A holder is a name the document defined or a legal name.
 */
function breakdownRecords(
  s: RuleSentence,
  stockName: RuleArgument | undefined,
  defined: readonly string[],
): RuleRecord[] {
  if (!/^其中[，,:：]/.test(s.compact)) return [];
  // Defined names are letters only (DEFINED_NAME), safe inside a pattern.
  const names = [...defined, PARTY].join('|');
  const part = new RegExp(
    `(?<=[，,：:；;])(?<party>${names})(?:拟|将)?(?<verb>增持|减持)(?:公司|本公司|该行)?(?:股份|股票)?(?:数|数量)?(?:为)?(?:不少于|不低于|不超过|约)?(?<shares>${SHARES})`,
    'dgu',
  );
  const out: RuleRecord[] = [];
  for (const m of s.compact.matchAll(part)) {
    const at = m.indices?.groups;
    if (!m.groups?.party || !m.groups.verb || !at?.party || !at.verb) continue;
    const increase = m.groups.verb === '增持';
    out.push(
      makeRecord(
        increase ? '股东增持' : '股东减持',
        s.span(at.verb[0], at.verb[1]),
        [
          stockName,
          partyArgument(s, increase ? '增持方' : '减持方', m.groups.party, at.party[0]),
          groupArgument(s, m, 'shares', '交易股票/股份数量', shareCount),
        ],
        BREAKDOWN_CONFIDENCE,
      ),
    );
  }
  return out;
}

/** Each holder's part of a split sum is its own figure, surer than any reading of the sentence's other parts. */
const BREAKDOWN_CONFIDENCE = 0.99;

/** The plan's own figures, read on fixed wording, outrank the model's reading of a past total nearby. */
const HOLDING_CONFIDENCE = 0.95;

/** 股东增持 / 股东减持: a shareholder's trade or plan, with the share count it states. */
export function holdingRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
  title: string,
  stockName: RuleArgument | undefined,
): RuleRecord[] {
  if (NOT_AN_EVENT_TITLE.test(title)) return [];
  const allowTotals = COMPLETED_TITLE.test(title);
  const defined = definedNames(doc);
  const out: RuleRecord[] = [];
  const seen = new Set<string>();
  for (const s of sentences) {
    const text = s.compact;
    if (NEGATED.test(text) || (!allowTotals && TOTALS.test(text))) continue;
    const parts = breakdownRecords(s, stockName, defined);
    if (parts.length > 0) {
      out.push(...parts);
      continue;
    }
    const group = officerGroupRecord(s, stockName);
    if (group) out.push(group);
    const joint = jointRecord(s, stockName);
    if (joint) {
      out.push(joint);
      continue;
    }
    if (group) continue;
    const m = ACTION.exec(text);
    const g = m?.groups;
    const at = m?.indices?.groups;
    if (!m || !g?.party || !g.verb || !at?.party || !at.verb) continue;
    const ratio = optional(s, RATIO, at.verb[0], 'ratio', `${g.verb}部分占总股本比例`, fraction);
    // A trade needs its size: the shares, or the plan's share of the capital.
    if (!g.shares && !ratio) continue;
    if (/^(?:公司|本公司)$/.test(g.party)) continue;
    // 某公司获某股东增持: the party before 获/被 is the company traded in, not the trader.
    if (/获|被/.test(g.gap ?? '')) continue;
    // "某集团股东减持" is the company's holder, "甲及一致行动人乙合计增持" a joint total: the party is not the trader.
    if (/股东|董事|监事|高管|一致行动人|总经理|及其/.test(g.gap ?? '')) continue;
    const type = g.verb === '增持' ? '股东增持' : '股东减持';
    const actorRole = g.verb === '增持' ? '增持方' : '减持方';
    const actor = partyArgument(s, actorRole, g.party, at.party[0]);
    if (/一致行动人|董事|监事|高管|股东/.test(actor.text)) continue;
    const key = `${type}|${actor.text}|${g.shares ? shareCount(g.shares) : ratio?.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const done = DONE.exec(text);
    out.push(
      makeRecord(
        type,
        s.span(at.verb[0], at.verb[1]),
        [
          stockName,
          actor,
          groupArgument(s, m, 'shares', '交易股票/股份数量', shareCount),
          optional(s, PRICE, at.verb[0], 'price', '每股交易价格', yuan),
          optional(s, AMOUNT, at.verb[0], 'amount', '交易金额', yuan),
          ratio,
          done && !/拟|计划|预计/.test(text)
            ? groupArgument(s, done, 'date', '交易完成时间', (d) => isoDate(d, ctx.publishedAt))
            : undefined,
        ],
        HOLDING_CONFIDENCE,
      ),
    );
  }
  return out;
}
