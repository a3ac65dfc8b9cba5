/** Groups sequences of similar length into batches, so padding (wasted compute) stays small. */

export interface LengthBatcherOptions {
  /**
   * Most sequences in one batch. One by default: the int8 model quantises a run's activations with one
   * scale for the whole batch, so batched sentences change each other's readings; one per run reads a
   * sentence the same in every document (and on 2 cores it was no slower: `npm run bench:model -- --batch`).
   * @defaultValue 1
   */
  maxBatchSize?: number;
  /**
   * Most padded tokens in one batch (rows × longest row); bounds the memory of one run.
   * @defaultValue 8192
   */
  maxTokensPerBatch?: number;
}

/**
 * Batches of indices into `lengths`, shortest first. Each batch holds at most `maxBatchSize` sequences and
 * at most `maxTokensPerBatch` padded tokens; a sequence longer than the token budget gets a batch of its own.
 */
export function batchByLength(lengths: readonly number[], options: LengthBatcherOptions = {}): number[][] {
  const maxBatchSize = Math.max(1, options.maxBatchSize ?? 1);
  const maxTokens = Math.max(1, options.maxTokensPerBatch ?? 8192);
  const order = lengths
    .map((_, i) => i)
    .sort((a, b) => (lengths[a] as number) - (lengths[b] as number) || a - b);
  const batches: number[][] = [];
  let current: number[] = [];
  let longest = 0;
  for (const index of order) {
    const len = Math.max(1, lengths[index] as number);
    const grown = Math.max(longest, len);
    if (current.length > 0 && (current.length >= maxBatchSize || (current.length + 1) * grown > maxTokens)) {
      batches.push(current);
      current = [];
      longest = 0;
    }
    current.push(index);
    longest = Math.max(longest, len);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
