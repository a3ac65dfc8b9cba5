import { recalledHistory } from './recalled-history.js';
import { SUBJECT_NAME, SUBJECT_START, trimSubject } from './rule-subjects.js';
import type { RuleSentence } from './rule-text.js';
import { argumentAt, makeRecord, type RuleArgument, type RuleRecord } from './rule-types.js';
import { DAY_OF_MONTH } from './rule-values.js';

/** Every listing report names its step with one of these words; nothing else is read without one. */
export const LISTING_WORD = /IPO|首次公开发行|首发|上市|过会|招股|挂牌|登陆/;

/** Where a company lists: the board, exchange or market named between the company and its step. */
const VENUE =
  '(?:在|于|赴|向|登陆)?(?:A股|港股|美股|香港|美国|深圳|上海|北京|深交所|上交所|北交所|港交所|联交所|纳斯达克|纽交所|纽约|科创板|创业板|主板|中小板|新三板)*(?:证券交易所|交易所)?(?:科创板|创业板|主板|中小板)?';
/** A listing step as the guideline takes it: the minimal wording of the step itself. */
const STEP =
  '(?:IPO|首发)?(?:申请)?(?:获|已|正式|遭|被|成功|今日|今天|顺利|再次|重新|于|终于)*(?<step>(?:递交|提交)了?[^，。；]{0,6}?(?:IPO|上市)申请|递交招股(?:说明)?书|更新招股(?:说明)?书|报送招股书(?:申报稿)?|受理|过会|获批|注册生效|暂缓审议|中止审核|终止审核|被否|进入“?已问询”?|已问询|通过(?:上市委|发审委)?(?:审议|审核)|挂牌上市|敲钟上市|登陆(?:A股|港股|美股|科创板|创业板|主板|港交所|纳斯达克|纽交所|上交所|深交所|北交所|联交所)|上市(?=首日)|正式上市|(?<=今起|今日起|开始|明起)招股)';
/** Steps that products share ("新车型正式上市"): a listing needs a word of the stock market in its sentence. */
const PRODUCT_STEP = /^(?:正式上市|上市|挂牌上市)$/;
const STOCK_MARKET = /股|IPO|交易所|板|纳斯达克|纽交所|发行|市值|开盘|代码|募资/;
/** Steps other procedures share (a court accepts a case, a drug is approved): an offering must be named. */
const SHARED_STEP = /^(?:受理|获批|注册生效|被否|过会|通过.*|中止审核|终止审核|暂缓审议)$/;
const OFFERING = /IPO|首发|首次公开发行|上市申请|招股/;
/** Subjects a listing sentence catches that are no listed company: the market and its regulators. */
const NOT_A_LISTED_COMPANY =
  /^(?:IPO|首发|科创板|创业板|主板|上市)|交易所|[深上北港联]交所|证监会|证监局|发审委|上市委/;
/** A step not (yet) taken: plans, hopes, rumours, denials. */
const NOT_A_FACT =
  /拟|计划|筹划|准备|有望|或将|将于|传闻|据传|猜测|可能|考虑|筹备|辅导|否认|未能|尚未|能否|是否|冲刺|以来|进展|纪录|记录/;
const PRICE =
  /(?:发行价(?:格)?|发售价)(?:为|定为|确定为|将不高于每股发售股份)?(?<v>\d+(?:\.\d+)?(?:元|港元|美元)(?:\/股)?)/du;
const RAISED =
  /(?:拟?募资|拟?募集资金|筹资|集资)(?:总额|金额|净额)?(?:为|约|达|不超过|超)?(?<v>\d+(?:\.\d+)?(?:亿|万)?(?:元|港元|美元))/du;
const CODE = /(?:股票|证券|股份)?代[码号](?:为|：|:)?[“"]?(?<v>[A-Z]{2,6}|\d{4,6})(?![\d.])/du;

/** "…同意以下企业科创板首次公开发行股票注册：A公司、B公司、C公司。" */
const REGISTERED_LIST =
  /同意(?:以下|下列)?(?:\d+家)?企业[^：:。]{0,12}?(?<step>首次公开发行股票注册)[：:](?<list>[^。；]+)/du;
const APPROVED = /(?<step>核准)(?<party>[^，。；：:]{4,40}?公司)首次公开发行股票/du;
const REGISTERED =
  /同意(?<party>[^，。；：:]{4,40}?公司)(?<step>首次公开发行股票(?:并在[^，。；]{2,6}上市)?注册)/du;
const ACCEPTED =
  /(?:证监会|[深上北港]交所|联交所)(?:已|正式|依法)?(?<step>受理)(?:了)?(?<party>[^，。；：:]{4,40}?公司)(?:的)?(?:首发|IPO|首次公开发行|上市)/du;
const PASSED_BEFORE = /(?:今天|今日|昨日|昨天)?(?<step>过会)的(?<party>[^，。；：:]{4,40}?公司)/du;
/**
 * What news writes between a company and its step: its short name or code in brackets (以下简称…；股票代码…),
 * and the day (于今日, 于8月31日晚间, 于2021年2月5日(美国时间)).
 */
const ALIAS = '(?:[（(][^（()）]{1,40}[）)])?';
const WHEN =
  '(?:(?:于|在)?(?:今日|今天|近日|日前|(?:\\d{4}年)?\\d{1,2}月\\d{1,2}日)(?:[（(][^（()）]{1,8}[）)])?(?:晚间|上午|下午|早间|晚)?)?';
const SUBJECT_STEP = new RegExp(
  `${SUBJECT_START}(?<party>${SUBJECT_NAME})${ALIAS}${WHEN}(?:正式|成功|终于|顺利)*${VENUE}${STEP}`,
  'dgu',
);

/**
 * 公司上市: a company took a step towards or onto a market (filed, accepted, passed review, registered,
 * priced, listed), as news and filings state it, unless dated years before `documentYear`. Each company named is its own record; the step, the day,
 * the price, the money raised and the code go with it when the same sentence gives them.
 */
export function listingRecords(sentences: readonly RuleSentence[], documentYear?: number): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (!LISTING_WORD.test(s.compact)) continue;
    const figures = figuresOf(s);
    const read = (party: RuleArgument, step: RuleArgument, at: number, end: number) => {
      // The words just before the company and up to its step; a plan elsewhere in the sentence is another matter.
      if (NOT_A_FACT.test(s.compact.slice(Math.max(0, at - 6), end + 2))) return;
      // A listing the document dates years before it was written is the company's history (上市于2018年…).
      if (recalledHistory(s.compact, at, documentYear)) return;
      out.push(makeRecord('公司上市', s.span(at, end), [party, step, ...figures], 0.75));
    };
    const list = REGISTERED_LIST.exec(s.compact);
    if (list?.groups && list.indices?.groups) {
      const [stepStart, stepEnd] = list.indices.groups.step ?? [0, 0];
      const [listStart] = list.indices.groups.list ?? [0];
      let at = listStart;
      for (const part of (list.groups.list ?? '').split('、')) {
        if (/公司$/.test(part)) {
          read(
            argumentAt(s, '上市公司', at, at + part.length),
            argumentAt(s, '环节', stepStart, stepEnd),
            at,
            at + part.length,
          );
        }
        at += part.length + 1;
      }
      continue;
    }
    for (const pattern of [APPROVED, REGISTERED, ACCEPTED, PASSED_BEFORE]) {
      const m = pattern.exec(s.compact);
      const g = m?.indices?.groups;
      if (!m || !g?.party || !g.step) continue;
      read(
        argumentAt(s, '上市公司', ...g.party),
        argumentAt(s, '环节', ...g.step),
        m.index,
        m.index + m[0].length,
      );
    }
    for (const m of s.compact.matchAll(SUBJECT_STEP)) {
      const g = m.indices?.groups;
      if (!g?.party || !g.step || !m.groups?.party || !m.groups.step) continue;
      if (PRODUCT_STEP.test(m.groups.step) && !STOCK_MARKET.test(s.compact)) continue;
      if (SHARED_STEP.test(m.groups.step) && !OFFERING.test(s.compact)) continue;
      const party = trimSubject(m.groups.party, NOT_A_LISTED_COMPANY);
      if (!party) continue;
      const partyStart = g.party[0] + m.groups.party.indexOf(party);
      const partyEnd = partyStart + party.length;
      read(
        argumentAt(s, '上市公司', partyStart, partyEnd),
        argumentAt(s, '环节', ...g.step),
        partyStart,
        g.step[1],
      );
    }
  }
  return out;
}

/** The day, issue price, money raised and code a sentence gives. */
function figuresOf(s: RuleSentence): RuleArgument[] {
  const out: RuleArgument[] = [];
  const day = DAY_OF_MONTH.exec(s.compact);
  if (day) out.push(argumentAt(s, '事件时间', day.index, day.index + day[0].length));
  for (const [pattern, role] of [
    [PRICE, '发行价格'],
    [RAISED, '募资金额'],
    [CODE, '证券代码'],
  ] as const) {
    const m = pattern.exec(s.compact);
    const at = m?.indices?.groups?.v;
    if (at) out.push(argumentAt(s, role, at[0], at[1]));
  }
  return out;
}
