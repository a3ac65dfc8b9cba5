/**
 * The parties of a funding round (企业融资), as the guideline names them: 领投方 = the lead investor(s),
 * 投资方 = every other named investor (a lead is not repeated as 投资方), 被投资方 = the company raising. News
 * wording says who is who in fixed phrases (由甲领投，乙、丙跟投; 丁担任独家财务顾问); the model reads the names
 * but not always their part, and reads the company raising or its adviser as one more investor.
 */
import { cleanCompanyName } from '../link/company-name.js';
import type { EventArgumentRow, EventTypeInfo } from '../link/index.js';

const INVESTOR = '投资方';
const LEAD = '领投方';
const INVESTEE = '被投资方';
const ROUND = '融资轮次';

/** The rest of the clause after a name: where its part in the round is said (领投 / 跟投 / 财务顾问). */
const CLAUSE_END = /[，。；,;！？]/;
/** The name leads the round, alone or with the names coordinated after it (甲领投; 甲、乙联合领投). */
const LEADS = /^(?:[（(][^）)]{0,40}[）)])?(?:[、和及与][^、和及与]{1,20}?)*(?:联合|共同)?领投/;
/** The name only follows the lead (乙、丙跟投; 老股东乙继续跟投). */
const FOLLOWS = /跟投|继续加投/;
/** An adviser to the round invests nothing (丁担任独家财务顾问, 丁为本轮融资的财务顾问). */
const ADVISES = /^(?:担任|为|作为|任)[^，。；]{0,12}财务顾问/;
/** A reading that spans two names and their parts (甲领投，乙; 甲领投、乙): no one party. */
const SPANS_PARTS = /领投|跟投|[、，,；;]/;

/** The sentence text of an argument, and where the argument ends in it. */
export type SentenceOf = (a: EventArgumentRow) => { text: string; start: number } | undefined;

function clauseAfter(a: EventArgumentRow, sentenceOf: SentenceOf): string {
  const sentence = sentenceOf(a);
  if (!sentence) return '';
  const tail = sentence.text.slice(a.end - sentence.start);
  const end = tail.search(CLAUSE_END);
  return end < 0 ? tail : tail.slice(0, end);
}

/** Whether the argument's sentence says anyone leads (领投): a lead read where nobody is said to lead is an investor. */
function leadSaid(a: EventArgumentRow, sentenceOf: SentenceOf): boolean {
  return /领投/.test(sentenceOf(a)?.text ?? '');
}

function sameOrPart(a: string, b: string): boolean {
  return a.length >= 2 && b.length >= 2 && (a === b || a.includes(b) || b.includes(a));
}

/**
 * Gives each investor of a 企业融资 record its part, in place: a name the clause says leads becomes 领投方 and
 * one it says follows becomes 投资方; a lead is not repeated as investor; the company raising, an adviser and a
 * reading spanning two names are no investor. Of two rounds where one ends the other (D轮 of Pre-D轮), the
 * longer, as written, stays.
 */
export function tidyFinancingParties(
  args: EventArgumentRow[],
  sentenceOf: SentenceOf,
  info: EventTypeInfo | undefined,
): void {
  const relabel = (a: EventArgumentRow, documentRole: string): void => {
    const modelRole = [...(info?.roles ?? [])].find(([, r]) => r.documentRole === documentRole);
    a.documentRole = documentRole;
    a.role = modelRole?.[0] ?? documentRole;
    a.roleKey = modelRole?.[1].key ?? documentRole;
  };
  const party = (a: EventArgumentRow) => a.documentRole === INVESTOR || a.documentRole === LEAD;
  for (const a of args) {
    if (!party(a) || a.inferred) continue;
    const clause = clauseAfter(a, sentenceOf);
    if (a.documentRole === INVESTOR && LEADS.test(clause)) relabel(a, LEAD);
    else if (
      a.documentRole === LEAD &&
      !LEADS.test(clause) &&
      (FOLLOWS.test(clause) || !leadSaid(a, sentenceOf))
    )
      relabel(a, INVESTOR);
  }
  const names = (role: string) =>
    args.filter((a) => a.documentRole === role).map((a) => cleanCompanyName(a.text));
  const investees = names(INVESTEE);
  const leads = names(LEAD);
  const investors = names(INVESTOR);
  const rounds = args.filter((a) => a.documentRole === ROUND).map((a) => a.text.trim());
  const drop = (a: EventArgumentRow): boolean => {
    const name = cleanCompanyName(a.text);
    if (a.documentRole === INVESTEE)
      return (
        investees.length > 1 && investors.includes(name) && investees.some((n) => !investors.includes(n))
      );
    if (a.documentRole === ROUND) {
      const text = a.text.trim();
      return rounds.some((r) => r.length > text.length && r.endsWith(text));
    }
    if (!party(a)) return false;
    if (SPANS_PARTS.test(a.text)) return true;
    if (a.inferred) return false;
    if (ADVISES.test(clauseAfter(a, sentenceOf))) return true;
    // The company raising is no investor of its own; where the model gives several companies raising, the
    // investor may be the right reading and the extra 被投资方 the wrong one.
    if (investees.length > 0 && investees.every((n) => sameOrPart(n, name))) return true;
    return a.documentRole === INVESTOR && leads.includes(name);
  };
  // A name relabelled above may now be read twice in its role.
  const seen = new Set<string>();
  const kept = args.filter((a) => {
    const key = `${a.documentRole}|${cleanCompanyName(a.text)}`;
    if (drop(a) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  args.splice(0, args.length, ...kept);
}

/** The currency news write after a round's amount (完成数千万元人民币B轮融资): part of the amount as written. */
const CURRENCY_AFTER = /^人民币/;

/**
 * A 企业融资 amount with the currency word the sentence writes right after it (数亿元人民币), in place: a
 * vague amount (数千万元) has no value to compare, so only the whole wording says which amount it is.
 */
export function withCurrencyWord(args: EventArgumentRow[], sentenceOf: SentenceOf): void {
  for (const a of args) {
    if (a.documentRole !== '融资金额' || a.inferred || !/[元亿万]$/.test(a.text)) continue;
    const sentence = sentenceOf(a);
    if (!sentence) continue;
    const after = sentence.text.slice(a.end - sentence.start);
    const currency = CURRENCY_AFTER.exec(after)?.[0];
    if (!currency) continue;
    a.text += currency;
    a.end += currency.length;
  }
}
