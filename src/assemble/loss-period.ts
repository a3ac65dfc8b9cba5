/**
 * A 亏损 record is the result of one period, so it keeps one 财报周期. A story names other periods beside it
 * (the prior year, the quarter inside the half, a write-down's year), and its headline restates the period in
 * short (2021年 for the body's 2021年度); the body's reading wins (GUIDELINE §2), and of the body's readings the
 * one in the sentence that states the kept loss figure, else the surest (the first: readings come surest first).
 */
export function keepOneLossPeriod<T extends { documentRole?: string; sentence: number }>(
  args: T[],
  headlineSentence: number | undefined,
): T[] {
  const periods = args.filter((a) => a.documentRole === '财报周期');
  if (periods.length < 2) return args;
  const body = periods.filter((a) => a.sentence !== headlineSentence);
  const candidates = body.length > 0 ? body : periods;
  const figure = args.find((a) => a.documentRole === '净亏损');
  const kept = candidates.find((a) => a.sentence === figure?.sentence) ?? candidates[0];
  return args.filter((a) => a.documentRole !== '财报周期' || a === kept);
}
