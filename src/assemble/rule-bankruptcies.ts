import { SUBJECT_NAME, SUBJECT_START, trimSubject } from './rule-subjects.js';
import type { RuleSentence } from './rule-text.js';
import { argumentAt, makeRecord, type RuleArgument, type RuleRecord } from './rule-types.js';
import { DAY_OF_MONTH } from './rule-values.js';

/** Every bankruptcy report says 破产 or 重整; nothing else is read without one. */
export const BANKRUPTCY_WORD = /破产|重整/;

/** The proceeding as a court or a company names it. */
const PROCEEDING = '破产(?:清算|重整|保护|和解)?|(?:司法|债务)?重整';
/** "示例能源公司已向某州破产法院申请破产保护", "示例建筑公司已进入破产清算程序", "示例证券破产重整案…". */
const SUBJECT_FILED = new RegExp(
  `${SUBJECT_START}(?<party>${SUBJECT_NAME})(?:[（(][^）)]{1,30}[）)])?(?<day>\\d{1,2}日)?(?:已|正式|依法|宣布[，,]?|再次|被|由)*(?:向(?<court>[^，。；]{2,24}?法院))?(?:债权人)?(?:申请|进入|启动|宣告|提交|新增)(?:了)?(?<proceeding>${PROCEEDING})(?:程序|申请|案件)?`,
  'dgu',
);
/** "法院裁定受理示例公司破产清算申请", "宣告示例公司破产". */
const COURT_ACCEPTED = new RegExp(
  `(?<court>[^，。；]{0,20}?法院)?(?:于[^，。；]{2,12}?)?(?:裁定)?(?:受理|宣告)(?:了)?(?<party>[^，。；：:]{2,40}?(?:公司|集团|银行|证券))(?:的)?(?<proceeding>${PROCEEDING})`,
  'dgu',
);
/** "示例证券破产重整案": a case named after its debtor. */
const CASE_OF = new RegExp(
  `${SUBJECT_START}(?<party>${SUBJECT_NAME})(?<proceeding>${PROCEEDING})(?:一)?案`,
  'dgu',
);
/** Words that make the proceeding not (yet) a fact: fears, denials, conditions, plans, other firms' rescues. */
const NOT_A_FACT = /可能|或将|如果|若|一旦|避免|防止|不会|否认|谣言|拟|计划|担心|风险|濒临|边缘|以来/;
/** Subjects a bankruptcy sentence catches that are no debtor. */
const NOT_A_DEBTOR = /法院|管理人|债权人|投资人|重整计划|该案|一案|第.{1,3}章|^(?:破产|重整)/;

/**
 * 企业破产: a company filed for, entered or was put into bankruptcy or court reorganisation. The debtor is the
 * 破产公司; the court, when the sentence names it, the 受理法院; the sentence's day the 破产时间.
 */
export function bankruptcyRecords(sentences: readonly RuleSentence[]): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    if (!BANKRUPTCY_WORD.test(s.compact)) continue;
    const day = DAY_OF_MONTH.exec(s.compact);
    const dated = day ? argumentAt(s, '破产时间', day.index, day.index + day[0].length) : undefined;
    const seen = new Set<string>();
    for (const pattern of [COURT_ACCEPTED, SUBJECT_FILED, CASE_OF]) {
      for (const m of s.compact.matchAll(pattern)) {
        const g = m.indices?.groups;
        const caught = m.groups?.party;
        if (!g?.party || !caught) continue;
        const party = pattern === COURT_ACCEPTED ? caught : trimSubject(caught, NOT_A_DEBTOR);
        if (!party || NOT_A_DEBTOR.test(party) || seen.has(party)) continue;
        const start = m.index ?? 0;
        const end = start + m[0].length;
        if (NOT_A_FACT.test(s.compact.slice(Math.max(0, start - 6), end + 2))) continue;
        seen.add(party);
        const partyStart = g.party[0] + caught.indexOf(party);
        const args: Array<RuleArgument | undefined> = [
          argumentAt(s, '破产公司', partyStart, partyStart + party.length),
          g.court ? argumentAt(s, '受理法院', ...g.court) : undefined,
          // News name the day alone right after the company ("示例能源公司28日宣布，已…申请破产保护").
          dated ?? (g.day ? argumentAt(s, '破产时间', ...g.day) : undefined),
        ];
        out.push(makeRecord('企业破产', s.span(start, end), args, 0.75));
      }
    }
  }
  return out;
}
