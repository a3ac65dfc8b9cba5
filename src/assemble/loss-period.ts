import { isBareLossChange } from './rule-losses.js';

/**
 * A 亏损 record is the result of one period, so it keeps one 财报周期 and one 亏损变化. A story names other
 * periods beside it (the prior year, the quarter inside the half, a write-down's year), and its headline restates
 * the period in short (2021年 for the body's 2021年度); the body's reading wins (GUIDELINE §2), and of the body's
 * readings the one in the sentence that states the kept loss figure, else the surest (the first: readings come
 * surest first). A change word is the bare word where one was read (扩大 over 亏损同比扩大).
 */
const PREFERRED: Readonly<Record<string, (text: string) => boolean>> = {
  财报周期: () => true,
  亏损变化: isBareLossChange,
};

export function keepOneLossPeriod<T extends { documentRole?: string; sentence: number; text: string }>(
  args: T[],
  headlineSentence: number | undefined,
): T[] {
  const figure = args.find((a) => a.documentRole === '净亏损');
  const kept = new Map<string, T>();
  for (const [role, preferred] of Object.entries(PREFERRED)) {
    const readings = args.filter((a) => a.documentRole === role);
    if (readings.length < 2) continue;
    const worded = readings.filter((a) => preferred(a.text));
    const body = (worded.length > 0 ? worded : readings).filter((a) => a.sentence !== headlineSentence);
    const candidates = body.length > 0 ? body : worded.length > 0 ? worded : readings;
    kept.set(role, candidates.find((a) => a.sentence === figure?.sentence) ?? (candidates[0] as T));
  }
  if (kept.size === 0) return args;
  return args.filter((a) => !a.documentRole || !kept.has(a.documentRole) || kept.get(a.documentRole) === a);
}
