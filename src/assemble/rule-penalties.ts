import type { ParsedDocument } from '../parse/index.js';
import { PARTY, partyArgument } from './rule-parties.js';
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

export const PENALTY_TITLE = /行政处罚/;
/** A 事先告知书 only announces an intended penalty. */
const NOT_DECIDED_TITLE = /事先告知/;

const AUTHORITY =
  /中国证券监督管理委员会(?:[\u4e00-\u9fa5]{2,4}监管局)?|中国证监会|[\u4e00-\u9fa5]{2,3}证监局|(?:上海|深圳|北京)证券交易所|[\u4e00-\u9fa5]{2,10}(?:市场监督管理局|税务局|生态环境局|应急管理局|人民银行[\u4e00-\u9fa5]{0,6}(?:分行|中心支行))/;
/** 对某某公司责令改正，给予警告，并处以60万元罚款 — one clause per party (clauses end at ；/。). */
const CLAUSE = new RegExp(
  `对(?<party>${PARTY}|公司|本公司)(?<content>(?:[^；。]{0,8}?(?:责令改正|给予警告|予以警告|警告|没收违法所得${MONEY}?|采取[^；。]{0,6}市场禁入措施|市场禁入|罚款|处以${MONEY}(?:的)?罚款|并处${MONEY}?(?:的)?罚款)[，,、]?)+)`,
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
      const partyArg =
        g.party === '公司' || g.party === '本公司'
          ? issuerArgument(doc, ctx, '处罚对象')
          : partyArgument(s, '处罚对象', g.party, at.party[0]);
      if (!partyArg) continue;
      out.push(
        makeRecord(
          '行政处罚',
          s.span(at.content[0], contentEnd),
          [
            partyArg,
            by,
            argumentAt(s, '处罚内容', at.content[0], contentEnd, words.join('、')),
            fineArg,
            date,
          ],
          0.85,
        ),
      );
    }
  }
  return out;
}
