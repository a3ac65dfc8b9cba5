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
import { DATE, MONEY, NUM, yuan } from './rule-values.js';
import { COMPANY_PROFILE } from './type-wording.js';

/** Profit warnings and earnings pre-announcements; whether they announce a loss is read from the body. */
export const LOSS_TITLE = /业绩预告|预亏|盈利预警|业绩预警|亏损|首亏|续亏/;

const PERIOD = `(?:(?:19|20)\\d{2}年(?:度|半年度|前三季度|第[一二三四]季度|一季度|1-\\d{1,2}月)?|截至${DATE}止(?:年度|六个月|九个月|三个月)|(?:(?:19|20)\\d{2}年)?(?:Q[1-4]|第[一二三四]季度|[一二三四]季度|前三季度|上半年|中期|1-\\d{1,2}月)|本财政年度|本报告期|报告期)`;
const AMOUNT = `(?:约|介乎约|介乎)?(?<minus>-)?(?<first>${MONEY})(?:(?:至|到|~|～|—|–|-)(?:约|亏损)?-?(?<second>${MONEY}))?`;
const LOSSES = [
  // 预计2021年度归属于上市公司股东的净利润为-3,377万元 / 净利润亏损2.8亿元至3.8亿元
  `(?<period>${PERIOD})?(?:实现)?(?:归属于(?:上市公司|母公司)(?:股东|所有者)的)?净利润(?:为|约为|：|:)?(?<loss>亏损[：:]?)?${AMOUNT}`,
  // 预计2021年亏损2.8亿元-3.8亿元 / 本集团本财政年度将录得亏损介乎约60百万港元至70百万港元 /
  // 预计2021年度归属于上市公司股东的净亏损2亿元-2.5亿元
  `(?<period>${PERIOD})?(?:归属于(?:上市公司|母公司)?(?:股东|所有者)的)?(?:将)?(?:录得|出现|实现)?(?:净)?(?<loss>亏损)(?:：|:|为|约为)?${AMOUNT}`,
].map((source) => new RegExp(source, 'du'));
/** 亏损变化 as written, normalised. */
const CHANGE: ReadonlyArray<readonly [RegExp, string]> = [
  [/由盈转亏|扭盈为亏|转盈为亏|盈转亏|转亏|首亏/, '由盈转亏'],
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

/**
 * The period of a results statement as broker notes and data-feed news write it: 20H1, 21Q3, 3Q21, 1Q22, 单Q3,
 * 2022年Q1, 2021年前三季度, 上半年, 2023一季报, 2020年 (not a day's year: 2021年8月25日).
 */
const RESULTS_PERIOD =
  /单?(?:(?:(?:19|20)?\d{2}(?:H[12]|Q[1-4])|[1-4]Q(?:19|20)?\d{2})|(?:今年|(?:19|20)\d{2}年?)?(?:Q[1-4]|第?[一二三四]季度|前三季度|上半年|下半年)|(?:19|20)\d{2}(?:一季报|半年报|三季报)|(?:19|20)\d{2}年(?!\d{1,2}月)(?:度|全年)?)/gu;
/** Money as notes write it, the 元 often left out: 0.47亿, -1.2亿, 4.37亿元, -1480.49万元. */
const NOTE_MONEY = `${NUM}(?:亿|万)(?:元|美元|港元)?(?![加欧日英韩澳新美港元])`;
/** A figure or a range of two (13亿元-18亿元, 67.5亿至72.5亿): the text keeps the range; the value is the larger loss. */
const NOTE_RANGE = `${NOTE_MONEY}(?:(?:至|到|~|～|—|-)(?:亏损)?-?${NOTE_MONEY})?`;
/** Who the figure belongs to: 归母, 归属于上市公司股东的. */
const OWNERS = '(?:归母|归属(?:于)?(?:母公司|上市公司)?(?:股东)?(?:的)?)?';
/** The period's net loss: 归母净利润-12.6亿元, 归属净利润为-97亿元, 归母净利亏损4.48亿元, 归母净亏损0.47亿, 亏损72亿元. */
const RESULTS_LOSS = new RegExp(
  `${OWNERS}净利(?:润)?(?:为|：|:)?(?:(?:净)?亏损(?:约)?(?<net>${NOTE_RANGE})|(?<minus>-${NOTE_RANGE}))|${OWNERS}净亏损(?:约)?(?<netLoss>${NOTE_RANGE})|(?<![净损非后])(?:亏损|预亏)(?:约)?(?<bare>${NOTE_RANGE})`,
  'gdu',
);
/** A change word in the statement: 亏损大幅收窄, 亏幅同比收窄, 同比增亏 → the bare word (收窄, 增亏). */
const RESULTS_CHANGE =
  /(?:亏损|亏幅)(?:幅度)?(?:同比|环比)?(?:大幅|明显|有所|进一步)?(?<word>收窄|扩大)|(?<turn>增亏|减亏|转亏|续亏|首亏)/du;
/**
 * The change word a sentence states a loss with, bare as the guideline takes it: 亏损同比扩大 → 扩大, 亏幅收窄 →
 * 收窄, and the turn words whole (由盈转亏, 同比盈转亏 → 盈转亏, 首亏, 续亏, 增亏, 减亏).
 */
const CHANGE_WORD = '收窄|扩大|增加|减少';
const TURN_WORD = '由盈转亏|转盈为亏|扭盈为亏|盈转亏|增亏|减亏|转亏|续亏|首亏';
const STATED_CHANGE = new RegExp(
  `(?:亏损|亏幅)(?:幅度)?(?:同比|环比)?(?:大幅|明显|有所|进一步)?(?<word>${CHANGE_WORD})|(?<![扭])(?<turn>${TURN_WORD})`,
  'du',
);
const BARE_CHANGE = new RegExp(`^(?:${CHANGE_WORD}|${TURN_WORD})$`, 'u');

/** Whether a 亏损变化 reading is the bare change word the guideline takes (扩大, not 亏损同比扩大). */
export function isBareLossChange(text: string): boolean {
  return BARE_CHANGE.test(text.trim());
}

/** The span of the loss-change word `text` states, if any. */
export function lossChangeIn(text: string): { text: string; start: number; end: number } | undefined {
  const m = STATED_CHANGE.exec(text);
  const at = m?.indices?.groups?.word ?? m?.indices?.groups?.turn;
  return at ? { text: text.slice(at[0], at[1]), start: at[0], end: at[1] } : undefined;
}

/** Not the period's own result: someone's forecast (the company's own is OWN_LEAD's), a target, a supposition. */
const NOT_THE_RESULT = /预计|预测|预期|有望|或将|将|目标|假设/;
/** In the figure's own clause: an adjusted (扣非) or cumulative figure, or a comparison period's. */
const NOT_THE_FIGURE = /扣非|扣除|累计|同期|相较|相比|较上/;
/** Whose result: another company's (云印公司, a subsidiary), a segment's or a deal target's is not the company's own. */
const OTHER_COMPANY = /(?<![本该母子年度季期报的])(?<=[\u4e00-\u9fa5])公司/;
const NOT_ITS_OWN = /子公司|业务|板块|分部|标的|项目/;
/**
 * What may open the clause before the period: nothing, an item number, 公司, the company announcing its results
 * or its own forecast (公司预计2021年净亏损…; a broker's 我们预计 / 预计公司… is none).
 */
const OWN_LEAD =
  /^(?:\d[）)]|其中|事件)?(?:(?:公司|本公司|该公司)(?:公告|公布|发布|披露)?(?:称)?(?:预计)?|(?:公告|公布|发布|披露)?)了?$/;
/** After the issuer's name: it announced its results or forecast them (示例科技公告, 示例科技预计). */
const ANNOUNCED_LEAD = /^(?:(?:公告|公布|发布|披露)(?:称)?(?:预计)?|预计)了?$/;
/** A data-feed item: "示例化学2023一季报显示，公司主营收入…；归母净利润-1480.49万元". */
const FEED_NAME = /^[\u4e00-\u9fa5A-Za-z*]{2,10}$/;

/** The larger loss of a figure or range, in yuan (CNY only): 亿 and 万 alone are yuan in a note. */
function noteMoneyValue(text: string): number | undefined {
  const values = [...text.matchAll(new RegExp(NOTE_MONEY, 'gu'))].map((m) =>
    yuan(/元$/.test(m[0]) ? m[0] : `${m[0]}元`),
  );
  if (values.some((v) => v === undefined) || values.length === 0) return undefined;
  return Math.max(...(values as number[]));
}

/**
 * 亏损 told as a period's results outside a filing: a broker note's or data-feed item's sentence that names the
 * period and then its net loss ("20Q3实现营收12.41亿元…；归母净利亏损4.48亿元", "X2023一季报显示…归母净利润-47.41万元").
 * One record per period; the first statement of a period is its figure.
 */
export function reportedLossRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: readonly RuleSentence[],
): RuleRecord[] {
  const out: RuleRecord[] = [];
  const periods = new Set<string>();
  for (const s of sentences) {
    const text = s.compact;
    if (!/亏损|-\d/.test(text) || !/净|亏损/.test(text)) continue;
    const found = [...text.matchAll(RESULTS_PERIOD)].filter(
      // A comparison period (2019年同期, 上年同期) is no period of this statement.
      (p) => !/^(?:同期|末|底|初|以来)/.test(text.slice((p.index ?? 0) + p[0].length)),
    );
    for (const m of text.matchAll(RESULTS_LOSS)) {
      const g = m.groups;
      const at = m.indices?.groups;
      const figure = at?.net ?? at?.minus ?? at?.netLoss ?? at?.bare;
      const figureText = g?.net ?? g?.minus ?? g?.netLoss ?? g?.bare;
      if (!g || !figure || !figureText) continue;
      const period = found.filter((p) => (p.index ?? 0) < m.index).at(-1);
      if (!period) continue;
      const from = period.index ?? 0;
      const between = text.slice(from, m.index);
      // A bare 亏损 figure counts in a results listing (营收…，亏损4.5亿) or right after its period (21Q3亏损72亿元).
      if (g.bare !== undefined && between.length > period[0].length + 2 && !/营收|收入/.test(between))
        continue;
      // The statement is one clause run: a period stated further back belongs to another sentence of the note.
      if (between.length > 80) continue;
      // As written, spaces kept: a note's heading ends before 公司 with a space ("…收窄 公司1Q22年实现…").
      const sentence = s.span(text.lastIndexOf('。', m.index) + 1, m.index).text;
      if (NOT_ITS_OWN.test(sentence) || OTHER_COMPANY.test(sentence)) continue;
      // Balance-sheet figures beside it (某某的总资产…；…净亏损…，净资产…): a company's profile, as deal news describe a target.
      const stop = text.indexOf('。', m.index);
      if (COMPANY_PROFILE.test(text.slice(text.lastIndexOf('。', m.index) + 1, stop < 0 ? undefined : stop)))
        continue;
      // The words opening the period's clause; a note's heading runs into its body with only a space between.
      const lead = (
        s
          .span(0, from)
          .text.split(/[，,。；;：:！？!?\s]/)
          .at(-1) ?? ''
      ).replace(/\s/g, '');
      if (NOT_THE_RESULT.test(text.slice(from, figure[1]))) continue;
      const clause =
        text
          .slice(0, figure[1])
          .split(/[，,；;。]/)
          .at(-1) ?? '';
      if (NOT_THE_FIGURE.test(clause)) continue;
      // A figure inside brackets is a comparison (（20Q2亏损9.67亿）); one of a list (1.75亿元、0.34亿元) is not its period's alone.
      const before = text.slice(0, m.index);
      if (
        before.lastIndexOf('（') > before.lastIndexOf('）') ||
        before.lastIndexOf('(') > before.lastIndexOf(')')
      )
        continue;
      if (text[figure[1]] === '、') continue;
      const feed =
        /报$/.test(period[0]) && text.startsWith('显示', from + period[0].length) && FEED_NAME.test(lead);
      const announced = [ctx.issuer?.name, ctx.issuer?.shortName].some(
        (name) => !!name && lead.startsWith(name) && ANNOUNCED_LEAD.test(lead.slice(name.length)),
      );
      if (!feed && !announced && !OWN_LEAD.test(lead)) continue;
      if (periods.has(period[0])) continue;
      periods.add(period[0]);
      const after = text.slice(figure[1], figure[1] + 40).split(/[；;。]/)[0] ?? '';
      const change = RESULTS_CHANGE.exec(after);
      const word = change?.indices?.groups?.word ?? change?.indices?.groups?.turn;
      const args: Array<RuleArgument | undefined> = [
        feed ? argumentAt(s, '公司名称', from - lead.length, from) : issuerArgument(doc, ctx, '公司名称'),
        argumentAt(s, '净亏损', figure[0], figure[1], noteMoneyValue(figureText)),
        argumentAt(s, '财报周期', from, from + period[0].length),
        word ? argumentAt(s, '亏损变化', figure[1] + word[0], figure[1] + word[1]) : undefined,
      ];
      out.push(makeRecord('亏损', s.span(m.index, figure[1]), args, 0.75));
    }
  }
  return out;
}
