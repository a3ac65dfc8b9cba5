/** Broker rating vocabularies differ; map them to one 5-level scale (5 = most positive). */
export type NormalizedRating = 'buy' | 'outperform' | 'neutral' | 'underperform' | 'sell';
export type RatingChange = 'maintain' | 'upgrade' | 'downgrade' | 'initiate';

const RATING_SCALE: ReadonlyArray<readonly [string, NormalizedRating]> = [
  ['强烈推荐', 'buy'],
  ['谨慎推荐', 'outperform'],
  ['审慎推荐', 'outperform'],
  ['审慎增持', 'outperform'],
  ['优于大市', 'outperform'],
  ['强于大市', 'outperform'],
  ['领先大市', 'outperform'],
  ['谨慎增持', 'outperform'],
  // 国联证券's industry scale: 优异 / 中性 / 落后 (落后 alone is too common a word to read).
  ['优异', 'outperform'],
  ['跑赢大市', 'outperform'],
  ['跑赢行业', 'outperform'],
  ['同步大市', 'neutral'],
  ['跟随大市', 'neutral'],
  ['同步行业', 'neutral'],
  ['弱于大市', 'underperform'],
  ['跑输大市', 'underperform'],
  ['落后大市', 'underperform'],
  ['跑输行业', 'underperform'],
  ['强推', 'buy'],
  ['买入', 'buy'],
  ['推荐', 'outperform'],
  // Industry ratings: 超配/标配/低配 (国信), 看好/看淡 (东方, 浙商, 开源).
  ['超配', 'outperform'],
  ['看好', 'outperform'],
  ['增持', 'outperform'],
  ['中性', 'neutral'],
  ['持有', 'neutral'],
  ['标配', 'neutral'],
  ['减持', 'underperform'],
  ['回避', 'underperform'],
  ['低配', 'underperform'],
  ['看淡', 'underperform'],
  ['卖出', 'sell'],
];

export const RATING_WORDS = RATING_SCALE.map(([w]) => w).join('|');

const SCORE: Readonly<Record<NormalizedRating, number>> = {
  buy: 5,
  outperform: 4,
  neutral: 3,
  underperform: 2,
  sell: 1,
};

export function normalizeRating(raw: string): { normalized: NormalizedRating; score: number } | null {
  const found = RATING_SCALE.find(([w]) => w === raw);
  return found ? { normalized: found[1], score: SCORE[found[1]] } : null;
}

export function normalizeRatingChange(raw: string): RatingChange | null {
  if (/^维持/.test(raw)) return 'maintain';
  if (/^(上调|调高|提升|上修)/.test(raw)) return 'upgrade';
  if (/^(下调|调低|下修)/.test(raw)) return 'downgrade';
  if (/^首次/.test(raw)) return 'initiate';
  return null;
}
