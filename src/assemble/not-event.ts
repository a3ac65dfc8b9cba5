/**
 * Statements that are not events. The model reads each sentence on its own and happily finds a 减持 in
 * "承诺六个月内不减持", a 中标 in a broker's rating legend or a 回购 in "若…则…". These rules say why such a
 * sentence (or the clause around a trigger) states no event, so the assembler can drop it.
 *
 * Two levels:
 * - `notEventReason` judges one sentence: first rules that hold for the whole sentence (boilerplate,
 *   disclaimer, legend, certification, contacts), then rules on the clause that holds the trigger
 *   (negation, promise not to, not yet, hypothetical). "拟" is a plan and stays an event.
 * - `notEventSections` finds the end matter of a document (免责声明, 评级说明, 分析师声明, sales lists)
 *   and the short legend blocks elsewhere, where every sentence is marked whatever it says.
 *
 * It runs on every sentence: every regex is compiled once here, and a call allocates only small strings.
 */

export type NotEventReason =
  | 'negated'
  | 'promised-not-to'
  | 'not-yet'
  | 'hypothetical'
  | 'boilerplate'
  | 'rating-legend'
  | 'disclaimer'
  | 'certification'
  | 'contact-list'
  | 'market-data'
  | 'description';

/** UTF-16 span of a trigger inside the sentence. */
export interface TriggerSpan {
  start: number;
  end: number;
}

/** A sentence as the parser gives it (ParsedSentence fits). */
export interface SectionSentence {
  text: string;
  page: number;
}

// ---------------------------------------------------------------------------------------------------
// Whole-sentence rules. Order matters: the more specific reason wins.

const CERTIFICATION =
  /(?<!见)分析师(?:声明|申明|承诺)|独立性声明|作者保证报告|分析师[^，。]{0,12}在此(?:作以下)?(?:声明|申明|承诺)|证券业协会授予的证券投资咨询执业资格|薪酬的?任何(?:组成)?部分|勤勉(?:尽责)?的职业态度|独立、客观地出具|不受任何第三方的授意/;

const RATING_WORD =
  '(?:强烈推荐|谨慎推荐|审慎推荐|推荐|谨慎增持|买入|增持|持有|中性|减持|卖出|回避|优于大市|同步大市|弱于大市|强于大市|领先大市|落后大市|跑赢行业|跑输行业|看好|看淡|超配|标配|低配|未评级|暂停评级|无评级)';
const RATING_LEGEND = new RegExp(
  [
    // "增持：预期未来6个月…相对大盘…", "增持 相对沪深300指数涨幅15%以上", "看好（overweight） 预计行业超越…"
    `^${RATING_WORD}(?:\\s*[（(][A-Za-z ]{1,20}[)）])?[\\s:：—-]+[^。]{0,40}?(?:相对|强于|弱于|优于|超越|跑赢|跑输|涨幅|跌幅|涨跌幅|基准|大盘|市场表现|市场指数|行业基本面|无法给出|研究覆盖)`,
    '^预[期计][^。]{0,30}?(?:相对|强于|弱于|优于|超越)[^。]{0,20}?(?:基准|大盘|市场|指数)',
    '评级标准为|评级(?:体系|术语)|投资评级分为|相对评级|投资建议的(?:评级|比较)标准|(?:公司|行业|股票|证券)投资评级的?(?:说明|标准|量化标准|定义)',
    '^(?:公司|行业|股票|证券)(?:投资)?评级[:：]?$|^评级\\s*(?:说明|定义)$|^类别\\s*(?:评级|级别)',
    '以[^。，]{0,25}指数为基准(?!日)|以报告(?:发布)?日?后的?\\s*\\d',
  ].join('|'),
);

const DISCLAIMER = new RegExp(
  [
    '免[责責](?:声明|申明|條款|条款|聲明)|请务必(?:仔细)?(?:阅读|参阅)|敬请(?:阅读|参阅)(?:末页|正文|本报告)',
    '信息披露见|本(?:研究)?报告仅(?:供|提供给)|仅供参考之用|视其为客户|的客户使用',
    '未经[^。]{0,20}(?:许可|同意|授权)[^。]{0,40}(?:不得|禁止)|不得以任何(?:形式|方式)(?:翻版|复制|转载|刊登|发表|引用|修改|使用)',
    '版权(?:均|仅)?(?:仅)?(?:归|属)|保留(?:一切|所有)权利',
    '(?:不|并不|均不)构成[^。]{0,15}(?:投资建议|要约|邀请|推荐|出价|收益的保证)|不对[^。]{0,30}(?:损失|后果)(?:承担|负)',
    '市场有风险，投资需谨慎|据此(?:做出|作出)的?任何投资决策|不应将本报告作为',
    '(?:力求|并?不保证)[^。]{0,20}(?:准确|完整|及时|最新)',
    '在法律(?:许可|允许)的情况下|信息隔离墙|报告的?客观性|不应视本|超级链接|商标、服务标记',
    '证券投资咨询(?:业务)?资格',
  ].join('|'),
);

const PHONE_OR_MAIL =
  /(?:[（(]0\d{2,3}[)）]|(?<!\d)0\d{2,3}-)\s*\d{4}\s?\d{3,4}|(?<!\d)1[3-9]\d{9}(?!\d)|[\w.+-]+@[\w-]+\.[\w.]+/g;
const CONTACT_LINE =
  /^(?:地址|电话|传真|邮编|邮政编码|网址|公司网址|E-?mail|Email|Tel|电子邮箱|邮箱|联系电话|联系人)\s*[:：]|^(?:[\u4e00-\u9fa5]{2,8})?(?:机构)?销售(?:团队|联系人|负责人|交易部)/i;

const BOILERPLATE = new RegExp(
  [
    '保证(?:本)?(?:公告|信息披露的?)?(?:的)?内容(?:的)?真实、准确(?:和|、)完整',
    '不存在(?:任何)?虚假记载、误导性陈述或者?重大遗漏',
    '对(?:其|本公告)?内容的真实性、准确性和完整性',
    '复议(?:和|及|或)(?:行政)?诉讼期间',
    '^特此公告',
    '为公司指定(?:的)?信息披露媒体|以(?:公司)?在上述(?:指定)?(?:信息披露)?媒体(?:刊登|披露)的',
    '尾数不符|四舍五入',
    '概不[负負][责責]|[对對]因本公告全部或任何部分',
  ].join('|'),
);

/** Margin-trading and connect-scheme figures of a stock's day: trading data, not a holder's 增持 or an investment. */
const MARKET_DATA = /融资买入|融资余额|融资净买入|融券(?:卖出|偿还|余额|余量)|北向资金|[沪深港]股通/;

/** "敬请广大投资者注意投资风险" often ends a sentence that states a real bid win: it marks its own clause only. */
const RISK_REMINDER = /(?:敬请|提请|请)(?:广大)?投资者|注意投资风险/;

function isContactList(sentence: string): boolean {
  if (CONTACT_LINE.test(sentence)) return true;
  PHONE_OR_MAIL.lastIndex = 0;
  let hits = 0;
  while (PHONE_OR_MAIL.exec(sentence)) {
    if (++hits >= 2) return true;
  }
  return false;
}

/** Reasons that hold for the whole sentence, whatever the trigger. */
function sentenceReason(sentence: string): NotEventReason | undefined {
  if (CERTIFICATION.test(sentence)) return 'certification';
  if (RATING_LEGEND.test(sentence)) return 'rating-legend';
  if (DISCLAIMER.test(sentence)) return 'disclaimer';
  if (isContactList(sentence)) return 'contact-list';
  if (BOILERPLATE.test(sentence)) return 'boilerplate';
  if (MARKET_DATA.test(sentence)) return 'market-data';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Clause rules: they judge the clause that holds the trigger, and only what stands before the trigger.

const CLAUSE_BREAKS = '，,；;。！？!?：:\n';
const DIGIT = /\d/;

/** Longest stretch between a negator and the trigger it negates. */
const NEGATION_REACH = 20;

/** 尚未签订, 暂未取得, 仍未完成… with no 的 between it and the trigger. */
const NOT_YET = new RegExp(`(?:尚未|暂未|仍未|还未|目前未|尚没有|还没有)[^的]{0,${NEGATION_REACH}}$`);

/** 不 right before the verb: 不减持, 不得转让, 不以任何方式减持. */
const DIRECT_NOT = /(?:不|不得|不会|不再|不以任何方式|不通过任何方式)(?:主动)?$/;
/** The sentence promises (or is bound by a lock-up) before the trigger. */
const PROMISE = /承诺|保证|锁定|限售|自愿/;

/** Stands for the trigger's start in the negation probe, so 未/不 can see the words they open (未上市). */
const MARK = '\u2063';
/** How much of the trigger the probe shows to those look-aheads. */
const PROBE_TRIGGER_CHARS = 4;

/**
 * A negator before the trigger, with no 的 between (不存在控股股东质押 is negated; 未解除限售的股份质押 is a
 * pledge). Bare 无, and 不/未 in 不超过, 不低于, 未来, 未经, 未分配, 未上市… are not negations.
 * Tested on "clause before the trigger" + MARK + "start of the trigger".
 */
const NEGATED = new RegExp(
  `(?:不存在|没有|并未|均未|亦未|从未|未曾|不涉及|暂无|并无|均无|亦无|尚无|无任何|不会|不再|不得|` +
    `未(?!${MARK}?(?:来|经|分配|满|超|达|知|决|披露|上市|解除|到期|偿))|` +
    `不(?!${MARK}?(?:超|低于|高于|少于|多于|足|同|断|限于|仅|定期|良|利|动产|确定|变|特定|含|久|少|时))` +
    `)[^的${MARK}]{0,${NEGATION_REACH}}${MARK}`,
);

/**
 * A trade or deal that may happen, that someone asks or urges (可能存在被动减持, 或将出售, 是否存在减持计划, 应该减持), or that
 * is only sought or talked over (正寻求收购, 正在筹备通过协议转让方式减持, 洽谈).
 */
const MAYBE = /(?:可能|或将|是否|应该|应当|寻求|筹备|洽谈|商谈|磋商|正在考虑)[^，,。；;的]{0,12}$/;

/** …or that the clause calls a possibility after it is named (探索全面收购该公司的可能性). */
const POSSIBILITY_AFTER = /^[^，,。；;]{0,24}?的可能/;

/** A clause that opens with a condition; 若干 (several) is not one. */
const CONDITION = /^[^，,]{0,8}?(?:若(?!干)|如果|假如|倘若|假设|如若|一旦)/;
/** A bare 如 is often "such as" or "as": it is a condition only when a later clause draws the consequence. */
const BARE_IF = /^\s*如(?![下上前此同期实所何约今意])/;
const CONSEQUENCE = /^[^，,]{0,8}?(?:则|那么|将|可能|会|需|应)/;
const AS_STATED = /所述|所示|详见/;

/** A clause ends at punctuation, but not at the comma inside 3,000. */
function isBreak(sentence: string, i: number): boolean {
  const ch = sentence[i];
  if (ch === undefined || !CLAUSE_BREAKS.includes(ch)) return false;
  return !(ch === ',' && DIGIT.test(sentence[i - 1] ?? '') && DIGIT.test(sentence[i + 1] ?? ''));
}

/** Start of the clause that holds offset `at`. */
function clauseStart(sentence: string, at: number): number {
  let i = Math.min(at, sentence.length);
  while (i > 0 && !isBreak(sentence, i - 1)) i--;
  return i;
}

/** A clause at or before the trigger's clause opens with a condition. */
/** End of the clause that holds offset `at`. */
function clauseEnd(sentence: string, at: number): number {
  let i = at;
  while (i < sentence.length && !isBreak(sentence, i)) i++;
  return i;
}

/** A condition opens a clause before the trigger's, or the trigger's own clause before the trigger. */
function underCondition(sentence: string, trigger: TriggerSpan, triggerClauseStart: number): boolean {
  let bareIf = false;
  let start = 0;
  while (start < sentence.length) {
    let end = start;
    while (end < sentence.length && !isBreak(sentence, end)) end++;
    const clause = sentence.slice(start, start === triggerClauseStart ? trigger.start : end);
    if (bareIf && CONSEQUENCE.test(clause)) return true;
    if (start <= triggerClauseStart && !AS_STATED.test(clause)) {
      if (CONDITION.test(clause)) return true;
      if (BARE_IF.test(clause)) bareIf = true;
    }
    if (start > triggerClauseStart && !bareIf) return false;
    start = end + 1;
  }
  return false;
}

/** A clause that says what a party is (某某乃一投资平台, 某公司是一家…企业): a description, no event. */
const DESCRIPTION =
  /^[^，,。；;]{2,30}?(?<!成)(?:乃|係|系|是|为|為)一(?:家|间|間|个|個|所)?[^，,。；;]{0,24}?(?:公司|平台|企业|企業|机构|機構|集团|集團|基金|银行|銀行)/;

/**
 * A lock-up promised on shares a trade brought (承诺本次增持的股份…五年内不得转让, 承诺，增持完成后的6个月内不出售…):
 * the trade words describe the shares the promise binds, no trade of their own.
 */
const TRADE_AS_ATTRIBUTE = /^(?:的(?:公司|本公司)?(?:股份|股票)|完成后)/;
const NO_SALE_AFTER = /^[^。；;]*?(?:不|不得|不会)(?:以任何方式)?(?:出售|转让|减持|卖出)/;

function lockedUp(sentence: string, trigger: TriggerSpan): boolean {
  return (
    PROMISE.test(sentence.slice(0, trigger.start)) &&
    TRADE_AS_ATTRIBUTE.test(sentence.slice(trigger.end)) &&
    NO_SALE_AFTER.test(sentence.slice(trigger.end))
  );
}

function clauseReason(sentence: string, trigger: TriggerSpan): NotEventReason | undefined {
  if (lockedUp(sentence, trigger)) return 'promised-not-to';
  const start = clauseStart(sentence, trigger.start);
  if (DESCRIPTION.test(sentence.slice(start, clauseEnd(sentence, trigger.end)))) return 'description';
  const before = sentence.slice(start, trigger.start);
  if (NOT_YET.test(before)) return 'not-yet';
  if (DIRECT_NOT.test(before)) {
    return PROMISE.test(sentence.slice(0, trigger.start)) ? 'promised-not-to' : 'negated';
  }
  const probe = before + MARK + sentence.slice(trigger.start, trigger.start + PROBE_TRIGGER_CHARS);
  if (NEGATED.test(probe)) return 'negated';
  if (MAYBE.test(before) || POSSIBILITY_AFTER.test(sentence.slice(trigger.end))) return 'hypothetical';
  if (underCondition(sentence, trigger, start)) return 'hypothetical';
  if (RISK_REMINDER.test(sentence.slice(start, clauseEnd(sentence, trigger.end)))) return 'boilerplate';
  return undefined;
}

/** Trigger words of the event schema, for sentences judged without a trigger. */
const TRIGGER_WORDS =
  /解除质押|质押|解押|回购|减持|增持|亏损|中标|辞职|辞去|辞任|聘任|任命|离任|破产|约谈|收购|上市(?!公司)|融资|转让|出让|受让|出售|投资(?!者)|起诉|诉讼|判决|担保|签订|签署|处罚|罚款/g;

/** Without a trigger: the sentence states no event when every trigger word in it sits in a non-event clause. */
function reasonWithoutTrigger(sentence: string): NotEventReason | undefined {
  TRIGGER_WORDS.lastIndex = 0;
  if (!TRIGGER_WORDS.test(sentence)) return RISK_REMINDER.test(sentence) ? 'boilerplate' : undefined;
  TRIGGER_WORDS.lastIndex = 0;
  let first: NotEventReason | undefined;
  for (let m = TRIGGER_WORDS.exec(sentence); m; m = TRIGGER_WORDS.exec(sentence)) {
    const reason = clauseReason(sentence, { start: m.index, end: m.index + m[0].length });
    if (!reason) return undefined;
    first ??= reason;
  }
  return first;
}

/**
 * Why this sentence states no event, or undefined when it may. With a trigger span, the clause holding the
 * trigger is judged (a negation elsewhere in the sentence does not count); without one, the whole sentence.
 */
export function notEventReason(sentence: string, trigger?: TriggerSpan): NotEventReason | undefined {
  const text = sentence.trim();
  const whole = sentenceReason(text);
  if (whole) return whole;
  if (!trigger) return reasonWithoutTrigger(sentence);
  return clauseReason(sentence, trigger);
}

// ---------------------------------------------------------------------------------------------------
// Document sections.

/** Reasons that a section can carry. */
const SECTION_REASONS: ReadonlySet<NotEventReason> = new Set([
  'disclaimer',
  'rating-legend',
  'certification',
  'contact-list',
]);

/** A standalone heading line that opens end matter; the broker's name may lead (广发证券—…, 东吴证券…). */
const SECTION_HEADING = new RegExp(
  '^(?:[一二三四五六七八九十\\d]{1,2}[、.．]\\s*)?(?:[\\u4e00-\\u9fa5]{2,6}证券(?:股份有限公司)?\\s*[—–-]?\\s*)?' +
    '(?:(?<certification>(?:证券|研究)?分析师(?:声明|申明|承诺)|独立性声明)' +
    '|(?<legend>(?:公司|行业|股票|证券)?投资评级(?:说明|标准|定义|和相关定义)|评级说明|评级标准)' +
    '|(?<contact>(?:机构)?销售(?:团队|联系人|通讯录)(?:联系人)?|联系我们)' +
    '|(?<disclaimer>免[责責](?:声明|申明|聲明|条款|條款)|免责及评级说明(?:部分)?|(?:特别|法律|法律主体|重要|一般|版权)[声聲]明|' +
    '重要说明|信息披露(?:与|和)声明|证券投资咨询业务的说明|[^，。,]{0,12}(?:风险提示及|及)法律声明))' +
    '\\s*[:：]?$',
);

/** A numbered heading of the report's own content ("7. 风险提示", "六、参考文献", "（一）数据说明"). */
const CONTENT_HEADING =
  /^(?:\d{1,2}(?:\.\d{1,2}){0,3}[.、．\s]|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|第[一二三四五六七八九十\d]+[章节部分])\s*[^\s。；;，,]{1,30}$/;
/** …but not the numbered items of a legend, nor a table-of-contents line with dot leaders. */
const NOT_CONTENT_HEADING = /声明|申明|评级|免责|承诺|投资建议|\.{4,}|…{2,}/;

/** Short cells of a legend table: "股票评级", "评级 说明", "买入", "（underperform）". */
const LEGEND_CELL = new RegExp(
  `^(?:${RATING_WORD}|[（(][A-Za-z ]{1,20}[)）]|[^。，]{0,6}评级[^。，]{0,4}|评级\\s*说明|类别.*)$`,
);

/** End matter (disclaimer, legend, sales lists) fills at most the last quarter of a report, or its last 3 pages. */
function endMatterFirstPage(lastPage: number): number {
  return lastPage - Math.max(3, Math.floor(lastPage / 4));
}

/** Inside end matter these plain headings open disclaimer text too (in the body they are content headings). */
const END_MATTER_DISCLAIMER_HEADING = /^(?:风险提示|信息披露|免责条款)[:：]?$/;

function headingReason(text: string): NotEventReason | undefined {
  if (text.length > 24) return undefined;
  const m = SECTION_HEADING.exec(text);
  if (!m?.groups) return undefined;
  if (m.groups.certification) return 'certification';
  if (m.groups.legend) return 'rating-legend';
  if (m.groups.contact) return 'contact-list';
  return 'disclaimer';
}

function isContentHeading(text: string): boolean {
  return text.length <= 40 && CONTENT_HEADING.test(text) && !NOT_CONTENT_HEADING.test(text);
}

/** The sentence's own section-kind reason, else the section's. */
function memberReason(text: string, section: NotEventReason): NotEventReason {
  const own = sentenceReason(text);
  return own && SECTION_REASONS.has(own) ? own : section;
}

/**
 * Indices of the sentences that lie in a disclaimer, rating-legend, certification or contact section.
 * A heading (免责声明, 分析师声明, 投资评级说明, 特别声明…, alone on its line) opens a section. In the end
 * matter (after the report's last numbered content heading, on one of its last pages) the section runs to
 * the end of the document, each new heading switching the reason. Elsewhere (a legend at the foot of the
 * first page) it runs while the lines still read as legend, disclaimer or contacts, at most to the page end.
 */
export function notEventSections(sentences: readonly SectionSentence[]): Map<number, NotEventReason> {
  const marked = new Map<number, NotEventReason>();
  if (sentences.length === 0) return marked;
  let lastContentHeading = -1;
  let lastPage = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as SectionSentence;
    if (s.page > lastPage) lastPage = s.page;
    if (isContentHeading(s.text.trim())) lastContentHeading = i;
  }

  for (let i = 0; i < sentences.length; i++) {
    const heading = sentences[i] as SectionSentence;
    let reason = headingReason(heading.text.trim());
    if (!reason) continue;
    marked.set(i, reason);
    const endMatter =
      i > lastContentHeading && heading.page > 1 && heading.page >= endMatterFirstPage(lastPage);
    let j = i + 1;
    for (; j < sentences.length; j++) {
      const s = sentences[j] as SectionSentence;
      const text = s.text.trim();
      const next =
        headingReason(text) ??
        (endMatter && END_MATTER_DISCLAIMER_HEADING.test(text) ? 'disclaimer' : undefined);
      if (next) reason = next;
      if (endMatter) {
        marked.set(j, next ?? memberReason(text, reason));
        continue;
      }
      if (s.page !== heading.page || isContentHeading(text)) break;
      const own = sentenceReason(text);
      if (next || (own && SECTION_REASONS.has(own)) || LEGEND_CELL.test(text)) {
        marked.set(j, next ?? (own && SECTION_REASONS.has(own) ? own : reason));
        continue;
      }
      break;
    }
    i = j - 1;
  }
  return marked;
}
