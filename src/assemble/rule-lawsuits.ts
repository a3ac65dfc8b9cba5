import type { ParsedDocument } from '../parse/index.js';
import { ORGANIZATION } from './rule-parties.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { MONEY, yuan } from './rule-values.js';

/** Wording without which no lawsuit is read. */
export const LAWSUIT_WORD = /原告|起诉|诉至|诉讼|[^上申投告]诉[^求讼]/;

/** A party the wording names in full, with its short name in brackets after it: X有限公司（X）. */
const FULL = ORGANIZATION;
/** Where a clause starts: a name there is not the tail of a longer phrase. */
const CLAUSE = '(?:^|(?<=[，,。；;：:】\\]]))';
const NOTE = '(?:[（(][^）)]{1,20}[）)])?';
/** A short name bounded by the wording around it (被雾芯科技起诉): no legal-form ending needed. */
const SHORT = '[\\u4e00-\\u9fa5A-Za-z]{2,12}?';

/**
 * The fixed wordings of a suit, each with the plaintiff and the defendant:
 * - 原告X…被告Y (the parties' list of a filing, or 原告X将被告Y诉至法院);
 * - X诉Y…纠纷 / X诉公司…案 (a case's name; 公司 is the issuer);
 * - Y…被X起诉 (the defendant opens the clause);
 * - X等N名原告…对Y等N名被告提起诉讼 (a class action: each side led by its first name).
 */
const PATTERNS: readonly RegExp[] = [
  new RegExp(`原告[:：]?(?<plaintiff>${FULL})${NOTE}[^。；]{0,80}?被告[:：]?(?<defendant>${FULL})`, 'du'),
  new RegExp(
    `${CLAUSE}(?<plaintiff>${FULL})${NOTE}诉(?<defendant>${FULL}|本公司|公司)${NOTE}[^，。；]{0,20}?(?:纠纷|一案|案)`,
    'du',
  ),
  new RegExp(
    `${CLAUSE}(?<defendant>${FULL})${NOTE}(?:及其[^，,。；]{0,20})?[，,]?[^，,。；]{0,20}?[，,]?被(?<plaintiff>${FULL}|${SHORT})${NOTE}(?:起诉|诉至|告上法庭)`,
    'du',
  ),
  new RegExp(
    `${CLAUSE}(?<plaintiff>${FULL}(?:（有限合伙）|\\(有限合伙\\))?|${SHORT})等[^，,。；]{0,8}?原告[^，,。；]{0,30}?对(?<defendant>${FULL}|${SHORT})${NOTE}等[^，,。；]{0,8}?被告`,
    'du',
  ),
];

/**
 * X收到…起诉状 / 应诉通知书: the party served with the complaint is a defendant of the suit its sentence
 * tells, though the wording of the suit may name only the first of many (…等二十一名被告).
 */
const SERVED = /(?<served>[\u4e00-\u9fa5A-Za-z]{2,16})收到[^，,。；]{0,24}?(?:起诉状|应诉通知书)/du;
/** Words before a served party that tie it to the issuer (公司控股子公司X): no part of its name. */
const SERVED_LEAD = /^.*(?:子公司|公司)/u;

/** Words that make a suit not (yet) a fact: a threat, a plan, a denial. */
const NOT_A_FACT = /拟|将会?起诉|可能|如果|若|一旦|否认|保留.{0,6}权利/;

function party(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence,
  role: string,
  m: RegExpExecArray,
  group: string,
): RuleArgument | undefined {
  const text = m.groups?.[group];
  const at = m.indices?.groups?.[group];
  if (!text || !at) return undefined;
  if (text === '公司' || text === '本公司') return issuerArgument(doc, ctx, role);
  return argumentAt(s, role, at[0], at[1]);
}

/** The party a sentence says was served with the complaint, as a 被告 (the issuer where it says 公司). */
function servedDefendant(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence | undefined,
): RuleArgument | undefined {
  if (!s) return undefined;
  const m = SERVED.exec(s.compact);
  const text = m?.groups?.served;
  const at = m?.indices?.groups?.served;
  if (!text || !at) return undefined;
  const name = text.replace(SERVED_LEAD, '');
  if (/^本?公司$/.test(text)) return issuerArgument(doc, ctx, '被告');
  if (name.length < 2) return undefined;
  return argumentAt(s, '被告', at[1] - name.length, at[1]);
}

/** 起诉: who sues whom, where the document says it in one of the fixed wordings above. */
export function lawsuitRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
): RuleRecord[] {
  const out: RuleRecord[] = [];
  const seen = new Set<string>();
  for (const [i, s] of sentences.entries()) {
    if (!LAWSUIT_WORD.test(s.compact) || NOT_A_FACT.test(s.compact)) continue;
    for (const pattern of PATTERNS) {
      const m = pattern.exec(s.compact);
      if (!m) continue;
      const plaintiff = party(doc, ctx, s, '原告', m, 'plaintiff');
      const defendant = party(doc, ctx, s, '被告', m, 'defendant');
      if (!plaintiff || !defendant || plaintiff.text === defendant.text) continue;
      const key = `${plaintiff.text}|${defendant.text}`;
      if (seen.has(key)) break;
      seen.add(key);
      // The complaint is served in the suit's sentence or in the one that leads to it.
      const served = servedDefendant(doc, ctx, s) ?? servedDefendant(doc, ctx, sentences[i - 1]);
      const also = served && ![plaintiff.text, defendant.text].includes(served.text) ? served : undefined;
      out.push(makeRecord('起诉', s.span(m.index, m.index + m[0].length), [plaintiff, defendant, also], 0.9));
      break;
    }
  }
  return out;
}

/**
 * A court's ruling on a suit: "X法院经审理，一审判决Y赔偿…" (the court opens the clause, then its judgment). A
 * judgment asked for (要求判令), awaited or appealed against has no court before it in that wording.
 */
const JUDGMENT = new RegExp(
  `${CLAUSE}(?<court>[\\u4e00-\\u9fa5]{2,20}?(?:法院|仲裁委员会))(?:经审理后?|审理后|依法)?[，,]?(?:一审|二审|终审|依法)?(?:判决|判令|裁决)(?!书|结果|生效)`,
  'du',
);
/** Words that make a court's clause no ruling made: a claim, a plan, an appeal. */
const NOT_RULED = /请求|要求|申请|诉至|起诉|上诉|将|拟|若|如|尚未|等待/;
/** What a ruling orders paid: the amounts after the verb, in the judgment's own sentence. */
const AWARD_VERB = /赔偿|支付|返还|赔付|偿还/g;
const AWARD = new RegExp(MONEY, 'gu');
/** A total of the award the document states (共计205万元, 获赔205万元). */
const AWARD_TOTAL = new RegExp(`(?:共计|合计|总计|获赔|判赔)(?<total>${MONEY})`, 'gdu');

/** The amounts a judgment sentence orders paid, from its first payment verb on. */
function awardedAmounts(s: RuleSentence, from: number): Array<{ text: string; at: number }> {
  AWARD_VERB.lastIndex = from;
  const verb = AWARD_VERB.exec(s.compact);
  if (!verb) return [];
  AWARD.lastIndex = verb.index;
  return [...s.compact.matchAll(AWARD)]
    .filter((m) => m.index >= verb.index)
    .map((m) => ({ text: m[0], at: m.index }));
}

/**
 * The judgment amount: the one amount ordered paid, or the total of several where the document states it (the
 * sentence's 共计, a headline's 获赔); several amounts with no total stated give none.
 */
function judgmentAmount(s: RuleSentence, from: number, sentences: readonly RuleSentence[]) {
  const amounts = awardedAmounts(s, from);
  const only = amounts.length === 1 ? amounts[0] : undefined;
  if (only) return argumentAt(s, '判决金额', only.at, only.at + only.text.length, yuan(only.text));
  const values = amounts.map((a) => yuan(a.text));
  if (values.length < 2 || values.some((v) => v === undefined)) return undefined;
  const sum = values.reduce((a: number, b) => a + (b ?? 0), 0);
  for (const other of [s, ...sentences]) {
    for (const m of other.compact.matchAll(AWARD_TOTAL)) {
      const at = m.indices?.groups?.total;
      const total = m.groups?.total;
      if (!at || !total || yuan(total) !== sum) continue;
      return argumentAt(other, '判决金额', at[0], at[1], sum);
    }
  }
  return undefined;
}

/**
 * 判决: a court's ruling on a suit the document tells in fixed wording (`suits`, from lawsuitRecords): the suit's
 * parties, the court and the amount ordered paid. A ruling with no suit read before it is left to the model.
 */
export function judgmentRecords(sentences: RuleSentence[], suits: readonly RuleRecord[]): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const suit of suits) {
    const parties = suit.arguments.filter((a) => a.role === '原告' || a.role === '被告');
    for (const s of sentences) {
      const start = s.span(0, s.compact.length).start;
      if (start < suit.trigger.start) continue;
      const m = JUDGMENT.exec(s.compact);
      const court = m?.indices?.groups?.court;
      if (!m || !court || NOT_RULED.test(s.compact.slice(0, m.index + m[0].length))) continue;
      out.push(
        makeRecord(
          '判决',
          s.span(m.index, m.index + m[0].length),
          [
            ...parties,
            argumentAt(s, '法院', court[0], court[1]),
            judgmentAmount(s, m.index + m[0].length, sentences),
          ],
          0.9,
        ),
      );
      break;
    }
  }
  return out;
}
