/**
 * onnxruntime-node (this code) against the Python golden logits in parity.json, fp32: inputs must be built
 * identically (tokenizer + word features) and every logit must agree within the file's tolerance (≤ 1e-3).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadOnnxSession } from '../../src/extract/onnx-session.js';
import { Tokenizer } from '../../src/extract/tokenizer.js';
import { wordFeatures } from '../../src/extract/word-features.js';
import { MODEL_DIR, missingModel } from './committed-model.js';

interface ParityCase {
  text: string;
  input_ids: number[];
  attention_mask: number[];
  seg_ids: number[];
  pos_ids: number[];
  [output: string]: unknown;
}

interface ParityFile {
  model: string;
  tolerance: number;
  cases: ParityCase[];
}

const OUTPUTS = ['type_logits', 'trigger_logits', 'argument_logits', 'entity_logits'];

/** Flatten nested number lists in row-major order. */
function flatten(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (typeof value === 'number') out.push(value);
  else throw new Error(`unexpected ${typeof value} in golden logits`);
  return out;
}

describe('parity with the Python golden logits', () => {
  it('has the committed model and its golden file', () => {
    const missing = missingModel('model.onnx', 'parity.json');
    assert.equal(missing, false, missing || '');
  });

  const golden = (): ParityFile =>
    JSON.parse(readFileSync(join(MODEL_DIR, 'parity.json'), 'utf8')) as ParityFile;

  it('builds the same inputs as training did', async () => {
    const tokenizer = await Tokenizer.fromVocabFile(join(MODEL_DIR, 'vocab.txt'));
    const { cases } = golden();
    assert.ok(cases.length > 0, 'parity.json has no cases');
    for (const c of cases) {
      assert.deepEqual(tokenizer.encode(c.text).ids, c.input_ids, `ids of ${c.text}`);
      const { seg, pos } = wordFeatures(c.text);
      assert.deepEqual(seg, c.seg_ids, `seg of ${c.text}`);
      assert.deepEqual(pos, c.pos_ids, `pos of ${c.text}`);
    }
  });

  it('gives fp32 logits within the tolerance of onnxruntime in Python', async () => {
    const { model, tolerance, cases } = golden();
    assert.ok(tolerance <= 1e-3, 'the contract allows at most 1e-3');
    const path = join(MODEL_DIR, model);
    assert.ok(existsSync(path), `${path} is missing`);
    const session = await loadOnnxSession(path, { intraOpNumThreads: 1 });
    let maxDelta = 0;
    for (const c of cases) {
      const n = c.input_ids.length;
      const feed = (values: number[]) => ({
        data: BigInt64Array.from(values, (v) => BigInt(v)),
        dims: [1, n] as const,
      });
      const out = await session.run(
        {
          input_ids: feed(c.input_ids),
          attention_mask: feed(c.attention_mask),
          seg_ids: feed(c.seg_ids),
          pos_ids: feed(c.pos_ids),
        },
        OUTPUTS,
      );
      for (const name of OUTPUTS) {
        const expected = flatten(c[name]);
        const got = out[name]?.data;
        assert.ok(got, `no ${name}`);
        assert.equal(got.length, expected.length, `${name} size for ${c.text}`);
        for (let i = 0; i < expected.length; i++) {
          maxDelta = Math.max(maxDelta, Math.abs((got[i] as number) - (expected[i] as number)));
        }
      }
    }
    console.log(`parity: max |Δlogit| = ${maxDelta.toExponential(2)} over ${cases.length} sentences`);
    assert.ok(maxDelta <= tolerance, `max |Δlogit| ${maxDelta} > ${tolerance}`);
  });
});
