import { findShares } from '../normalize/shares.js';

/**
 * Whose figure is it? A sentence that tells an event often ends with totals (累计质押…股, 本次质押后
 * 持有…) that are not this event's own. These rules read the clause in front of a figure.
 */

/** Words that make the figure after them a running total or a holding after the event. */
const CUMULATIVE =
  /累计|累积|合计|共计|总计|总数|剩余|尚余|余下|(本次|此次|变动|质押|解除|减持|增持|转让|回购)[^，,；;。]{0,12}后|目前|仍持有|现持有|尚未解除|处于质押状态/;
/** Words that make a ratio a share of the holder's own stake rather than of the company's capital. */
const OF_HOLDING = /所持|其持有|持股(总数|数量)?的?比例|占其(所持|持股|持有)|其所/;
/** Words that make a ratio a share of the company's capital. */
const OF_CAPITAL = /总股本|股本总额|总股份|已发行股份/;

/** What a running total's words reach: back to the last semicolon or full stop (累计质押…股，占其所持…%). */
function statementBefore(sentence: string, at: number): string {
  const head = sentence.slice(0, Math.max(0, at));
  const cut = Math.max(head.lastIndexOf('；'), head.lastIndexOf(';'), head.lastIndexOf('。'));
  return head.slice(cut + 1);
}

/** The clause of `sentence` that ends at `at`: back to the last comma, semicolon or full stop. */
function clauseBefore(sentence: string, at: number): string {
  const head = sentence.slice(0, Math.max(0, at));
  const cut = Math.max(
    head.lastIndexOf('，'),
    head.lastIndexOf(','),
    head.lastIndexOf('；'),
    head.lastIndexOf(';'),
    head.lastIndexOf('。'),
  );
  return head.slice(cut + 1);
}

/** The clause that holds the figure at [start, end), both sides, for words that follow the figure (占其所持股份的…). */
function clauseAround(sentence: string, start: number, end: number): string {
  const tail = sentence.slice(end);
  const stop = tail.search(/[，,；;。]/);
  return clauseBefore(sentence, start) + sentence.slice(start, end) + (stop < 0 ? tail : tail.slice(0, stop));
}

/** Words that sum figures: a running total's, or the tranches of this one event's. */
const SUM_WORDS = /合计|共计|总计/g;
/**
 * A sum of this event's own tranches: the sum word right before the act, which names its counterparty or calls
 * itself this event (向某银行合计质押610万股, 本次共计减持…, 在此次减持计划期间内，某某共计减持…), unlike
 * 与其一致行动人被质押股份合计….
 */
const OWN_SUM = /(?:向|本次|此次)[^；;。]*(?:合计|共计|总计)(?:质押|解除质押|减持|增持|回购|转让)/;

/** True when the figure starting at `start` of `sentence` is a total or an after-event holding, not the event's own. */
export function isCumulativeFigure(sentence: string, start: number): boolean {
  const statement = statementBefore(sentence, start);
  if (!CUMULATIVE.test(statement)) return false;
  return !(OWN_SUM.test(statement) && !CUMULATIVE.test(statement.replace(SUM_WORDS, '')));
}

/** Words that make a profit figure after them an adjusted measure, not the period's net result. */
const ADJUSTED = /扣非|扣除非经常性损益/;

/**
 * True when the figure starting at `start` of `sentence` is an adjusted profit (扣非后净利润亏损326.51万元): the
 * guideline's net loss is the plain one, the adjusted figure only where no other is stated.
 */
export function isAdjustedFigure(sentence: string, start: number): boolean {
  return ADJUSTED.test(clauseBefore(sentence, start));
}

/** Which base a ratio at [start, end) of `sentence` is stated against, when the wording says so. */
export function ratioBase(sentence: string, start: number, end: number): 'holding' | 'capital' | undefined {
  const clause = clauseAround(sentence, start, end);
  if (OF_HOLDING.test(clause)) return 'holding';
  if (OF_CAPITAL.test(clause)) return 'capital';
  return undefined;
}

/** Words a figure's span may open with before its number (不少于1735万股). */
const BOUND_WORDS = /^(?:约|逾|近|超过|不少于|不低于|不超过|不高于)?$/;

/** The smallest step a share count as written can tell apart (3858万股: 1万; 3,858.4万股: 1,000). */
function statedStep(text: string): number {
  const unit = text.includes('亿') ? 1e8 : text.includes('万') ? 1e4 : 1;
  const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
  return unit / 10 ** decimals;
}

/**
 * True when the share count at `at` of a headline rounds a running total that the body states, and the body
 * never states that count as an event's own (七大股东质押3858万股 over the body's 累计质押…3858.4万股): the
 * headline repeats the total and tells no event of its own.
 */
export function restatesBodyTotal(headline: string, at: number, body: readonly string[]): boolean {
  const tail = headline.slice(at);
  const figure = findShares(tail).find((m) => BOUND_WORDS.test(tail.slice(0, m.start)));
  if (!figure) return false;
  const step = statedStep(figure.text);
  let total = false;
  for (const sentence of body) {
    // A sum (三名股东拟合计增持…) is the headline's event summed, not a running total.
    const unsummed = sentence.replace(SUM_WORDS, (w) => '　'.repeat(w.length));
    for (const m of findShares(sentence)) {
      if (Math.abs(m.shares - figure.shares) >= step) continue;
      if (!isCumulativeFigure(unsummed, m.start)) return false;
      total = true;
    }
  }
  return total;
}
