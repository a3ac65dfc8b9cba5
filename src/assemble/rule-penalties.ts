import type { ParsedDocument } from '../parse/index.js';
import { partyArgument } from './rule-parties.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, isoDate, MONEY, yuan } from './rule-values.js';

export const PENALTY_TITLE = /行政处罚|处罚决定|被罚/;
/** A 事先告知书 only announces an intended penalty. */
const NOT_DECIDED_TITLE = /事先告知/;

const AUTHORITY =
  /中国证券监督管理委员会(?:[\u4e00-\u9fa5]{2,4}监管局)?|中国证监会|[\u4e00-\u9fa5]{2,3}证监局|证监会|(?:上海|深圳|北京)证券交易所|[\u4e00-\u9fa5]{2,10}(?:市场监督管理局|税务局|生态环境局|应急管理局|人民银行[\u4e00-\u9fa5]{0,6}(?:分行|中心支行))/;
/**
 * Whoever 对…给予警告/责令改正 names: in a decision the wording is fixed, so the party may be a short name
 * (某某科技, *ST某某) as well as a legal name or a person. Counts ("21个自然人") and descriptions are not parties.
 */
const PUNISHED = '[*＊A-Za-z\\u4e00-\\u9fa5（）()]{2,24}?';
const NOT_A_PARTY = /[0-9]|个|的|等|其他|相关|有关|上述|涉案/;
/**
 * 对某某公司责令改正，给予警告，并处以60万元罚款 — one clause per list of parties; the content starts with its
 * verb right after the party and runs to its last sanction word, never past ；/。 or the next 对.
 */
const CLAUSE = new RegExp(
  `对(?<party>${PUNISHED}(?:、${PUNISHED})*)(?:分别)?(?<content>(?:责令改正|给予|予以|处以|没收|采取)[^；。对]{0,60}(?:罚款|警告|市场禁入措施|违法所得))`,
  'du',
);
const FINE = new RegExp(`(?:处以|并处|罚款)(?<fine>${MONEY})|(?<fine2>${MONEY})(?:的)?罚款`, 'du');
const CONTENT_WORDS = ['警告', '罚款', '没收违法所得', '市场禁入', '责令改正'];
const DECIDED = new RegExp(`(?:于)?(?<date>${DATE})(?:作出|做出|下发|出具)`, 'du');

function authority(sentences: RuleSentence[]): RuleArgument | undefined {
  for (const s of sentences) {
    if (!/处罚/.test(s.compact)) continue;
    const m = AUTHORITY.exec(s.compact);
    if (m) return argumentAt(s, '处罚机构', m.index, m.index + m[0].length);
  }
  return undefined;
}

/** The authority named in the decision's own sentence, before the clause ("某某证监局决定对…"). */
function authorityBefore(s: RuleSentence, clauseStart: number): RuleArgument | undefined {
  const head = s.compact.slice(0, clauseStart);
  let last: RegExpExecArray | undefined;
  for (const m of head.matchAll(new RegExp(AUTHORITY.source, 'g'))) last = m;
  return last ? argumentAt(s, '处罚机构', last.index, last.index + last[0].length) : undefined;
}

/** The parties of "对甲、乙分别给予警告": each one a 处罚对象; 公司 is the issuer. Nothing when one is no party. */
function partiesIn(
  doc: ParsedDocument,
  ctx: RuleContext,
  s: RuleSentence,
  list: string,
  start: number,
): RuleArgument[] {
  const out: RuleArgument[] = [];
  let at = start;
  for (const name of list.split('、')) {
    if (NOT_A_PARTY.test(name)) return [];
    const arg =
      name === '公司' || name === '本公司'
        ? issuerArgument(doc, ctx, '处罚对象')
        : partyArgument(s, '处罚对象', name, at);
    if (arg) out.push(arg);
    at += name.length + 1;
  }
  return out;
}

/** 行政处罚: one record per party a decision punishes. */
export function penaltyRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
  title: string,
): RuleRecord[] {
  if (NOT_DECIDED_TITLE.test(title)) return [];
  const by = authority(sentences);
  let date: RuleArgument | undefined;
  for (const s of sentences) {
    const m = DECIDED.exec(s.compact);
    const at = m?.indices?.groups?.date;
    if (m?.groups?.date && at && /处罚/.test(s.compact)) {
      date = argumentAt(s, '处罚日期', at[0], at[1], isoDate(m.groups.date, ctx.publishedAt));
      break;
    }
  }
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (/拟|将被|可能|如果|若/.test(s.compact)) continue;
    for (const m of s.compact.matchAll(new RegExp(CLAUSE.source, 'dgu'))) {
      const g = m.groups ?? {};
      const at = m.indices?.groups ?? {};
      if (!g.party || !g.content || !at.party || !at.content) continue;
      const words = CONTENT_WORDS.filter((w) => g.content?.includes(w));
      if (words.length === 0) continue;
      const fine = FINE.exec(g.content);
      const fineText = fine?.groups?.fine ?? fine?.groups?.fine2;
      const fineArg =
        fine && fineText
          ? (() => {
              const start = at.content[0] + g.content.indexOf(fineText, fine.index);
              return argumentAt(s, '罚款金额', start, start + fineText.length, yuan(fineText));
            })()
          : undefined;
      const contentEnd = at.content[0] + g.content.replace(/[，,、]$/, '').length;
      for (const partyArg of partiesIn(doc, ctx, s, g.party, at.party[0])) {
        out.push(
          makeRecord(
            '行政处罚',
            s.span(at.content[0], contentEnd),
            [
              partyArg,
              authorityBefore(s, m.index) ?? by,
              argumentAt(s, '处罚内容', at.content[0], contentEnd, words.join('、')),
              fineArg,
              date,
            ],
            0.85,
          ),
        );
      }
    }
  }
  return distinct(out);
}

/** News retells a decision more than once; the same party, sanctions and fine make one record. */
function distinct(records: RuleRecord[]): RuleRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = ['处罚对象', '处罚内容', '罚款金额']
      .map((role) => {
        const a = r.arguments.find((x) => x.role === role);
        return a?.value ?? a?.text;
      })
      .join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
