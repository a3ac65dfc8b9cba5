import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Int64Feed, loadOnnxSession, releaseOnnxSession } from '../../src/extract/onnx-session.js';
import { LOOKUP_MODEL_DIR } from './lookup-model.js';

const path = join(LOOKUP_MODEL_DIR, 'model.onnx');
const feed = (values: number[]): Int64Feed => ({
  data: BigInt64Array.from(values.map(BigInt)),
  dims: [1, values.length],
});

describe('loadOnnxSession', () => {
  it('shares one session between concurrent first callers', async () => {
    const [a, b] = await Promise.all([loadOnnxSession(path), loadOnnxSession(path)]);
    assert.equal(a, b);
    await releaseOnnxSession(path);
    const c = await loadOnnxSession(path);
    assert.notEqual(a, c);
  });

  it('names missing inputs and drops extra ones with a warning', async () => {
    await releaseOnnxSession(path);
    const warnings: string[] = [];
    const session = await loadOnnxSession(path, { intraOpNumThreads: 1, warn: (m) => warnings.push(m) });
    await assert.rejects(session.run({ input_ids: feed([3, 4]) }), /seg_ids.*pos_ids|pos_ids.*seg_ids/);
    const out = await session.run(
      {
        input_ids: feed([3, 4]),
        attention_mask: feed([1, 1]),
        seg_ids: feed([0, 0]),
        pos_ids: feed([0, 0]),
        token_type_ids: feed([0, 0]),
      },
      ['type_logits'],
    );
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /token_type_ids/);
    assert.deepEqual(out.type_logits?.dims, [1, 2]);
    assert.ok((out.type_logits?.data[0] ?? 0) > 0, '质 raises the 质押 type logit');
    await assert.rejects(
      session.run(
        { input_ids: feed([3]), attention_mask: feed([1]), seg_ids: feed([0]), pos_ids: feed([0]) },
        ['nope'],
      ),
      /nope/,
    );
    await releaseOnnxSession(path);
  });

  it('does not cache a failed load', async () => {
    await assert.rejects(loadOnnxSession('/nonexistent.onnx'));
    await assert.rejects(loadOnnxSession('/nonexistent.onnx'));
  });
});
