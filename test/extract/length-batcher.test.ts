import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchByLength } from '../../src/extract/length-batcher.js';

describe('batchByLength', () => {
  it('groups by length, shortest first, each index once', () => {
    const lengths = [50, 3, 48, 4, 100, 5];
    const batches = batchByLength(lengths, { maxBatchSize: 2, maxTokensPerBatch: 1000 });
    assert.deepEqual(batches, [
      [1, 3],
      [5, 2],
      [0, 4],
    ]);
  });

  it('keeps rows × longest row within the token budget', () => {
    const lengths = Array.from({ length: 40 }, (_, i) => 10 + ((i * 37) % 90));
    const budget = 300;
    const batches = batchByLength(lengths, { maxBatchSize: 64, maxTokensPerBatch: budget });
    for (const batch of batches) {
      const longest = Math.max(...batch.map((i) => lengths[i] as number));
      assert.ok(batch.length === 1 || batch.length * longest <= budget, `batch ${batch} over budget`);
    }
    assert.deepEqual(
      batches.flat().sort((a, b) => a - b),
      lengths.map((_, i) => i),
    );
  });

  it('gives an over-long sequence a batch of its own', () => {
    assert.deepEqual(batchByLength([500, 2], { maxTokensPerBatch: 100 }), [[1], [0]]);
  });

  it('returns nothing for no input', () => {
    assert.deepEqual(batchByLength([]), []);
  });
});
