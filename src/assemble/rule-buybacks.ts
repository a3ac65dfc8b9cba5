import type { ParsedDocument } from '../parse/index.js';
import { isCumulativeFigure } from './figures.js';
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
import {
  DATE,
  fraction,
  isoDate,
  MAGNITUDE,
  MONEY,
  NUM,
  PERCENT,
  SHARES,
  shareCount,
  yuan,
} from './rule-values.js';

/**
 * The company buying back its own shares. Buy-backs of incentive shares (限制性股票), compensation shares
 * (业绩补偿) and HKEX general mandates (一般授权) are not market buy-backs; progress reports repeat totals.
 */
export const BUYBACK_TITLE = /回购(?:公司|部分)?(?:社会公众)?(?:股份|股票|A股)/;
const NOT_A_BUYBACK_TITLE = /购买回购|受让回购|限制性股票|业绩补偿|补偿股份|注销|一般授权|进展|回售|债券/;
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
  // A range the unit closes once (2.86-2.88港元) is kept whole, as written; its value is the upper bound's.
  if (m.groups?.range)
    return groupArgument(s, m, 'range', role, (t) => value(t.replace(/^[0-9.,，]+[-~～至到]/, '')));
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

/**
 * A news sentence about a company buying back its own shares: "示例家居公告，拟以自有资金…回购", "示例太平(00142.HK)：12月31日回购…",
 * "示例集团在港交所公告显示，12月29日以每股…回购". The day before the trade (group `day`) is the day it bought.
 */
const NEWS_BUYBACK = new RegExp(
  `${SUBJECT_START}(?<party>${SUBJECT_NAME})(?:[（(][^）)]{1,20}[）)])?(?=[：:]|在[^，。；]{1,8}?(?:公告|发布)|发布|公告|称|拟|计划|将|以|使用|斥资|耗资|\\d{1,2}月|回购)(?:在[^，。；]{1,8}?(?=公告|发布))?[：:]?(?:发布)?(?:公告)?(?:称|显示)?[，,]?(?<day>\\d{1,2}月\\d{1,2}日)?(?:拟|计划|将)?(?:以|使用|斥资|耗资)?[^，。；]{0,24}?回购(?:了)?(?:公司|部分)?(?:社会公众)?(?:A股|股份|股票|股|\\d)`,
  'dgu',
);
/** News state a trade's figures more loosely than a filing: "回购116.6万股", "共耗资约334.5万港元", "回购金额达2598.54万港元", "每股价格2.86-2.88港元". */
const NEWS_COUNT = new RegExp(`回购(?:了)?(?:公司)?(?:股份|股票)?(?<first>${SHARES})`, 'du');
const NEWS_AMOUNT = new RegExp(
  `(?:耗资|斥资|支付(?:的)?(?:资金)?总?金额|回购金额)(?:约|为|达|不高于|不超过)?(?<first>${MONEY})`,
  'du',
);
/**
 * "每股价格2.86港元", "以每股18.50港元至18.60港元的价格": a range gives its upper bound, as a filing's does; one
 * written with the unit once (每股价格2.86-2.88港元) is kept whole.
 */
const NEWS_PRICE = new RegExp(
  `(?:每股(?:价格|作价)|以每股)(?:(?<range>${NUM}[-~～至到]${NUM}(?:元|美元|港元|港币))|(?<first>${MONEY})(?:${RANGE_TAIL(MONEY)})?)`,
  'du',
);
/** A sentence that only goes on with the figures of the trade told before it. */
const FIGURES_GO_ON = /^(?:每股(?:价格|作价)|以每股|共(?:耗资|斥资|涉资)|耗资|斥资|涉资)/;
/** Buy-backs of another kind: repos, incentive or compensation shares, bonds and notes (优先票据). */
const NOT_A_MARKET_BUYBACK =
  /购买回购|受让回购|逆回购|质押式回购|回购协议|限制性股票|业绩补偿|补偿股份|回购注销|回售|债券|票据|可转债|要约/;
/** Words that make the buy-back not (yet) a fact: conditions, denials, rumours. */
const NOT_A_FACT = /假设|如果|若|不得|否认|传闻|是否|或将|可能|终止|取消/;

/**
 * 股份回购 in news: a named company buys back its own shares (a plan or a trade). Figures come from the same
 * sentence, as in a filing; each company is its own record.
 */
export function newsBuybackRecords(sentences: readonly RuleSentence[]): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const [i, s] of sentences.entries()) {
    const text = s.compact;
    if (!/回购/.test(text) || NOT_A_MARKET_BUYBACK.test(text) || NOT_A_FACT.test(text)) continue;
    for (const m of text.matchAll(NEWS_BUYBACK)) {
      const at = m.indices?.groups?.party;
      const caught = m.groups?.party;
      const party = caught ? trimSubject(caught) : undefined;
      if (!at || !caught || !party) continue;
      const end = (m.index ?? 0) + m[0].length;
      // 今年以来累计…，合计回购3.41亿股: a year's running total is no buy-back of its own, and 合计 no company.
      if (/^(?:合计|累计|共计|总计)/.test(party) || isCumulativeFigure(text, end)) continue;
      const start = at[0] + caught.indexOf(party);
      // A flash's next sentence goes on with the trade's price and cost (…回购116.6万股。每股价格…，共耗资…).
      const next = sentences[i + 1];
      const goesOn =
        next && FIGURES_GO_ON.test(next.compact) && !/回购/.test(next.compact) ? next : undefined;
      const price = (t: RuleSentence) =>
        bounded(t, PRICE, '每股交易价格', yuan) ?? bounded(t, NEWS_PRICE, '每股交易价格', yuan);
      const amount = (t: RuleSentence) =>
        bounded(t, AMOUNT, '交易金额', yuan) ?? bounded(t, NEWS_AMOUNT, '交易金额', yuan);
      const figures = [
        amount(s) ?? (goesOn && amount(goesOn)),
        price(s) ?? (goesOn && price(goesOn)),
        bounded(s, COUNT, '回购股份数量', shareCount) ?? bounded(s, NEWS_COUNT, '回购股份数量', shareCount),
        bounded(s, RATIO, '占公司总股本比例', fraction),
      ];
      // The day a trade was made; a plan's day is when it was announced, not when it bought.
      const day = /拟|计划|将/.test(m[0]) ? undefined : groupArgument(s, m, 'day', '回购完成时间');
      // A named company with no figure of its own is a mention in passing ("…等公司已公布回购计划").
      if (!figures.some(Boolean)) continue;
      out.push(
        makeRecord(
          '股份回购',
          s.span(m.index ?? 0, end),
          [argumentAt(s, '回购方', start, start + party.length), ...figures, day],
          0.75,
        ),
      );
    }
  }
  return out;
}

/**
 * A buy-back mandate put to (or approved by) shareholders, as HKEX circulars and poll results state it:
 * "授予董事一般授权以购回不超过已发行股份数目10%之股份", "本公司最多可购回11,455,686股股份". The mandate is
 * the buy-back plan (its maximums are the record's figures); a mandate to issue shares is none.
 */
export const MANDATE = /一般授权|购回股份授权|购回授权|回购授权|授权董事会[^。；]{0,20}?(?:购回|回购)/;
const MANDATE_RATIO = new RegExp(
  `(?:一般授权|权力)[^。；]{0,12}?以(?:购回|回购)[^。；]{0,50}?不超过[^。；]{0,50}?(?<first>${PERCENT})`,
  'du',
);
const MANDATE_COUNT = new RegExp(`最多可(?:购回|回购)(?<first>${SHARES})`, 'du');
/** A story's wording of the mandate's limits: "购回不超过2,047,548,289香港股份，相当于不超过…已发行香港股份数目的10%". */
const MANDATE_LIMIT = new RegExp(
  `(?:购回|回购)(?:不超过|最多)(?<first>${NUM}${MAGNITUDE})(?:香港|H|A)?股`,
  'du',
);
const MANDATE_SHARE = new RegExp(
  `相当于(?:不超过)?[^。；，,]{0,30}?已发行[^。；，,]{0,8}?股份(?:总数|数目|总额)?(?:的)?(?<first>${PERCENT})`,
  'du',
);

/** 股份回购 of a buy-back mandate: one record for the document, each figure from the first sentence stating it. */
export function mandateBuybackRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  const found = new Map<string, RuleArgument>();
  let trigger: { text: string; start: number; end: number } | undefined;
  for (const [i, s] of sentences.entries()) {
    const verb = /购回|回购/.exec(s.compact);
    const mandate = (t: string | undefined) => !!t && (MANDATE.test(t) || MANDATE_COUNT.test(t));
    // The sentence after the mandate's may state its limits on their own (购回不超过…股份).
    const limits = verb?.index === 0 && mandate(sentences[i - 1]?.compact);
    if (!verb || !(mandate(s.compact) || limits)) continue;
    const figures = [
      bounded(s, MANDATE_RATIO, '占公司总股本比例', fraction) ??
        bounded(s, MANDATE_SHARE, '占公司总股本比例', fraction),
      bounded(s, MANDATE_COUNT, '回购股份数量', shareCount) ??
        bounded(s, MANDATE_LIMIT, '回购股份数量', (t) => shareCount(`${t}股`)),
    ];
    for (const a of figures) {
      if (!a || found.has(a.role)) continue;
      found.set(a.role, a);
      // The mandate's own sentence tells the event; the limits after it only size it.
      const told = limits ? (sentences[i - 1] as RuleSentence) : s;
      const at = /购回|回购/.exec(told.compact)?.index ?? verb.index;
      trigger ??= told.span(at, at + 2);
    }
  }
  if (!trigger || found.size === 0) return [];
  return [makeRecord('股份回购', trigger, [issuerArgument(doc, ctx, '回购方'), ...found.values()], 0.8)];
}

/**
 * A broker note's "公司拟以…回购公司股份" (or "公司同日发布股份回购方案，拟…回购450-900万股"): the covered company
 * buys back its own shares; 公司 is the company the note is about.
 */
const REPORT_BUYBACK =
  /(?:^|[，,；;、])(?:公司|本公司)(?:同日|近日|此前)?(?:发布|公告|推出|披露)?(?:[^。；，,]{0,6}?回购[^。；，,]{0,4}?(?:方案|预案|计划)[，,])?(?:拟|计划|将|已)[^。；]{0,40}?回购(?:了)?(?:公司|部分)?(?:社会公众)?(?:A股|股份|股票|\d)/d;

/** 股份回购 of a broker note: one record, figures from the sentence that tells the plan or the trade. */
export function reportBuybackRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  for (const s of sentences) {
    const text = s.compact;
    if (NOT_A_MARKET_BUYBACK.test(text) || NOT_A_FACT.test(text)) continue;
    const m = REPORT_BUYBACK.exec(text);
    if (!m) continue;
    const figures = [
      bounded(s, AMOUNT, '交易金额', yuan) ?? bounded(s, NEWS_AMOUNT, '交易金额', yuan),
      bounded(s, PRICE, '每股交易价格', yuan) ?? bounded(s, NEWS_PRICE, '每股交易价格', yuan),
      bounded(s, COUNT, '回购股份数量', shareCount) ?? bounded(s, NEWS_COUNT, '回购股份数量', shareCount),
      bounded(s, RATIO, '占公司总股本比例', fraction),
    ];
    // A plan named with no figure of its own ("公司拟回购股份") is a mention in passing.
    if (!figures.some(Boolean)) continue;
    const at = m.index + m[0].lastIndexOf('回购');
    return [
      makeRecord('股份回购', s.span(at, at + 2), [issuerArgument(doc, ctx, '回购方'), ...figures], 0.8),
    ];
  }
  return [];
}
