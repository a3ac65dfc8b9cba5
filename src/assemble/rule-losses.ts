import type { ParsedDocument } from '../parse/index.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, MONEY, yuan } from './rule-values.js';

/** Profit warnings and earnings pre-announcements; whether they announce a loss is read from the body. */
export const LOSS_TITLE = /业绩预告|预亏|盈利预警|业绩预警|亏损|首亏|续亏/;

const PERIOD = `(?:(?:19|20)\\d{2}年(?:度|半年度|前三季度|第[一二三四]季度|一季度|1-\\d{1,2}月)?|截至${DATE}止(?:年度|六个月|九个月|三个月)|(?:(?:19|20)\\d{2}年)?(?:Q[1-4]|第[一二三四]季度|[一二三四]季度|前三季度|上半年|中期|1-\\d{1,2}月)|本财政年度|本报告期|报告期)`;
const AMOUNT = `(?:约|介乎约|介乎)?(?<minus>-)?(?<first>${MONEY})(?:(?:至|到|~|～|—|–|-)(?:约|亏损)?-?(?<second>${MONEY}))?`;
const LOSSES = [
  // 预计2021年度归属于上市公司股东的净利润为-3,377万元 / 净利润亏损2.8亿元至3.8亿元
  `(?<period>${PERIOD})?(?:实现)?(?:归属于(?:上市公司|母公司)(?:股东|所有者)的)?净利润(?:为|约为|：|:)?(?<loss>亏损[：:]?)?${AMOUNT}`,
  // 预计2021年亏损2.8亿元-3.8亿元 / 本集团本财政年度将录得亏损介乎约60百万港元至70百万港元
  `(?<period>${PERIOD})?(?:将)?(?:录得|出现|实现)?(?:净)?(?<loss>亏损)(?:：|:|为|约为)?${AMOUNT}`,
].map((source) => new RegExp(source, 'du'));
/** 亏损变化 as written, normalised. */
const CHANGE: ReadonlyArray<readonly [RegExp, string]> = [
  [/由盈转亏|扭盈为亏|首亏/, '由盈转亏'],
  [/续亏|持续亏损/, '继续亏损'],
  [/亏损(?:同比)?(?:扩大|增加)|增亏/, '亏损扩大'],
  [/亏损(?:同比)?(?:收窄|减少)|减亏/, '亏损收窄'],
];
/** Only the part before 上年同期 is about this period. */
const PRIOR_YEAR = /上年同期|去年同期|上年度|截至(?:19|20)\d{2}年.{0,8}止年度则|而截至/;

/** HKEX filings name the period once and then say 本财政年度: "截至…止年度（「本财政年度」）". */
function definedPeriod(text: string, alias: string | undefined): [number, number] | undefined {
  if (!alias || !/^(?:本财政年度|本报告期|报告期)$/.test(alias)) return undefined;
  const m = new RegExp(`(?<period>截至${DATE}止(?:年度|六个月|九个月|三个月))[（(][「“"]?${alias}`, 'd').exec(
    text,
  );
  return m?.indices?.groups?.period;
}

function lossIn(s: RuleSentence): RuleArgument[] | undefined {
  const text = s.compact;
  const cut = PRIOR_YEAR.exec(text)?.index ?? text.length;
  const head = text.slice(0, cut);
  const m = LOSSES.map((re) => re.exec(head)).find((found) => found !== null);
  const g = m?.groups;
  const at = m?.indices?.groups;
  if (!m || !g || !at) return undefined;
  // A loss is stated by the word 亏损 or by a minus sign; "净利润为3,000万元" is a profit.
  if (!g.loss && !g.minus) return undefined;
  // A bare minus figure (净利润为-40万元) is a loss only in a forecast; elsewhere it is often some subsidiary's history.
  if (!g.loss && !/预计|预期/.test(head)) return undefined;
  // 扣非 figures and cumulative losses (累计亏损, of a project or a subsidiary) are not the period's net loss.
  if (/扣除非经常性损益|扣非|累计/.test(text.slice(Math.max(0, m.index - 12), m.index + 4))) return undefined;
  const first = at.first;
  if (!first || !g.first) return undefined;
  const last = at.second ?? first;
  const upper = g.second ?? g.first;
  const a = yuan(g.first);
  const b = yuan(upper);
  // The larger loss of a range, as for the other rules' upper bounds.
  const value = a !== undefined && b !== undefined ? Math.max(a, b) : undefined;
  const args: RuleArgument[] = [argumentAt(s, '净亏损', (at.minus ?? first)[0], last[1], value)];
  const period = definedPeriod(text, g.period) ?? at.period;
  if (period) args.push(argumentAt(s, '财报周期', period[0], period[1]));
  return args;
}

/** 亏损: a profit warning or pre-announcement that states a loss for the period. */
export function lossRecords(doc: ParsedDocument, ctx: RuleContext, sentences: RuleSentence[]): RuleRecord[] {
  for (const s of sentences) {
    if (/扭亏|不存在|不会|未出现|无亏损/.test(s.compact)) continue;
    const args = lossIn(s);
    const amount = args?.[0];
    if (!args || !amount) continue;
    const changes: RuleArgument[] = [];
    for (const other of sentences) {
      for (const [re, label] of CHANGE) {
        const m = re.exec(other.compact);
        if (m && changes.length === 0)
          changes.push(argumentAt(other, '亏损变化', m.index, m.index + m[0].length, label));
      }
    }
    const trigger = { text: amount.text, start: amount.start, end: amount.end };
    return [makeRecord('亏损', trigger, [issuerArgument(doc, ctx, '公司名称'), ...args, ...changes], 0.8)];
  }
  return [];
}
