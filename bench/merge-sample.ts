/**
 * The merges a real-documents run made, as decisions to judge by hand: a mention linked to a node under
 * another spelling, counted once per node, spelling, reason and document (the same 公司 → issuer in fifty
 * sentences of one filing is one decision), and each person named by more than one document (one name
 * at one company joined across documents). The sample is drawn per reason, seeded, so a rare reason is
 * judged as well as a frequent one and the same run draws the same merges.
 */

/** One mention linked under another spelling, as the graph holds it. */
export interface MergeRow {
  label: string;
  key: string;
  name: string;
  text: string;
  resolution: string;
  file: string;
  sentence: number;
  start: number;
}

/** A decision to judge: the first mention of it stands for the others (`mentions` counts them). */
export interface MergeDecision extends MergeRow {
  mentions: number;
}

/** Mentions grouped into decisions: one per node, spelling, reason and document, in the rows' order. */
export function mergeDecisions(rows: readonly MergeRow[]): MergeDecision[] {
  const byId = new Map<string, MergeDecision>();
  for (const row of rows) {
    const id = JSON.stringify([row.key, row.text, row.resolution, row.file]);
    const kept = byId.get(id);
    if (kept) kept.mentions++;
    else byId.set(id, { ...row, mentions: 1 });
  }
  return [...byId.values()];
}

/** Deterministic shuffle (mulberry32), so the same seed draws the same items. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * `n` items drawn per stratum: every stratum gets up to `floor` first (all of a smaller one), the rest
 * of `n` goes to the strata in proportion to what they have left, largest remainders first. Each
 * stratum is shuffled with the seed, so the draw is the same for the same items.
 */
export function stratifiedSample<T>(
  items: readonly T[],
  stratum: (item: T) => string,
  n: number,
  seed: number,
  floor: number,
): T[] {
  const strata = new Map<string, T[]>();
  for (const item of items) {
    const s = stratum(item);
    const list = strata.get(s) ?? [];
    list.push(item);
    strata.set(s, list);
  }
  const names = [...strata.keys()].sort();
  const shuffled = new Map(names.map((s) => [s, seededShuffle(strata.get(s) ?? [], seed)]));
  const take = new Map(names.map((s) => [s, Math.min(floor, strata.get(s)?.length ?? 0)]));
  let left = n - [...take.values()].reduce((a, b) => a + b, 0);
  const spare = (s: string) => (strata.get(s)?.length ?? 0) - (take.get(s) ?? 0);
  const spareTotal = names.reduce((a, s) => a + spare(s), 0);
  if (left > 0 && spareTotal > 0) {
    const share = names.map((s) => ({ s, exact: Math.min(spare(s), (left * spare(s)) / spareTotal) }));
    for (const { s, exact } of share) take.set(s, (take.get(s) ?? 0) + Math.floor(exact));
    left = n - [...take.values()].reduce((a, b) => a + b, 0);
    const byRemainder = [...share].sort(
      (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)),
    );
    for (const { s } of byRemainder) {
      if (left <= 0) break;
      if (spare(s) > 0) {
        take.set(s, (take.get(s) ?? 0) + 1);
        left--;
      }
    }
  }
  return names.flatMap((s) => (shuffled.get(s) ?? []).slice(0, take.get(s)));
}
