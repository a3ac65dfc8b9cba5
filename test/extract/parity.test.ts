/**
 * onnxruntime-node (this code) against the Python golden logits in parity.json, fp32: inputs must be built
 * identically (tokenizer, word features, knowledge marks from the training names) and every logit must agree within the file's tolerance (≤ 1e-3).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDatasetsDir, eventSchemaFile } from '../../src/config/index.js';
import { fewfcSplitPath } from '../../src/eval/fewfc-dataset.js';
import { readTrainingKnownNames } from '../../src/eval/training-gazetteer.js';
import { loadModelConfig } from '../../src/extract/model-config.js';
import { loadModelRunner, partFileNames } from '../../src/extract/model-runner.js';
import { loadOnnxSession } from '../../src/extract/onnx-session.js';
import { sigmoid } from '../../src/extract/span-decoder.js';
import { Tokenizer } from '../../src/extract/tokenizer.js';
import { wordFeatures } from '../../src/extract/word-features.js';
import { MODEL_DIR, missingModel } from './committed-model.js';

interface ParityCase {
  text: string;
  input_ids: number[];
  attention_mask: number[];
  seg_ids: number[];
  pos_ids: number[];
  /** Models with the knowledge input only. */
  kb_ids?: number[];
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

  const datasets = defaultDatasetsDir();
  it('marks the same known names as training did', {
    skip: existsSync(fewfcSplitPath(datasets, 'train')) ? false : `no training data under ${datasets}`,
  }, async (t) => {
    const { cases } = golden();
    if (!cases.some((c) => c.kb_ids)) return t.skip('the model has no knowledge input');
    const names = await readTrainingKnownNames(datasets);
    for (const c of cases) assert.deepEqual(names.mark(c.text), c.kb_ids, `kb of ${c.text}`);
    assert.ok(
      cases.some((c) => c.kb_ids?.some((id) => id > 1)),
      'no parity sentence has a known name',
    );
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
          ...(c.kb_ids ? { kb_ids: feed(c.kb_ids) } : {}),
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

  it('runs int8 in parts (heads for detected types only) as faithfully to fp32 as the whole int8 file', {
    skip: missingModel(partFileNames('int8').encoder, partFileNames('int8').pairHeads),
  }, async () => {
    const config = await loadModelConfig(join(MODEL_DIR, 'config.json'), eventSchemaFile());
    const session = { intraOpNumThreads: 1 };
    const whole8 = await loadModelRunner(MODEL_DIR, config, { precision: 'int8', session, parts: false });
    const parts8 = await loadModelRunner(MODEL_DIR, config, { precision: 'int8', session });
    const fp32 = await loadModelRunner(MODEL_DIR, config, { precision: 'fp32', session });
    assert.equal(parts8.files.length, 2);
    const maxDelta = (x: Float32Array, y: Float32Array) => {
      assert.equal(x.length, y.length);
      let m = 0;
      for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs((x[i] as number) - (y[i] as number)));
      return m;
    };
    let pairs = 0;
    let encoderDelta = 0;
    let wholeHeads = 0; // int8 whole file vs fp32, heads of the detected types
    let partHeads = 0; // int8 parts vs fp32, the same heads
    for (const c of golden().cases) {
      const feed = (values: number[]) => ({
        data: BigInt64Array.from(values, (v) => BigInt(v)),
        dims: [1, c.input_ids.length] as const,
      });
      const feeds = {
        input_ids: feed(c.input_ids),
        attention_mask: feed(c.attention_mask),
        seg_ids: feed(c.seg_ids),
        pos_ids: feed(c.pos_ids),
        ...(c.kb_ids ? { kb_ids: feed(c.kb_ids) } : {}),
      };
      const [ref, whole, parts] = [await fp32.run(feeds), await whole8.run(feeds), await parts8.run(feeds)];
      // The encoder part is the whole file's graph up to the heads: same int8 arithmetic.
      encoderDelta = Math.max(
        encoderDelta,
        maxDelta(whole.typeLogits.data, parts.typeLogits.data),
        maxDelta(whole.entityLogits.data, parts.entityLogits.data),
      );
      const n = c.input_ids.length;
      const trig = n * 2;
      const arg = n * config.roles.length * 2;
      for (let t = 0; t < config.eventTypes.length; t++) {
        const slice = (x: Float32Array, size: number) => x.subarray(t * size, (t + 1) * size);
        if (sigmoid(parts.typeLogits.data[t] as number) < config.typeThreshold) {
          assert.ok(
            slice(parts.triggerLogits.data, trig).every((v) => v <= -1e3),
            'undetected type asked',
          );
          continue;
        }
        pairs++;
        for (const [key, size] of [
          ['triggerLogits', trig],
          ['argumentLogits', arg],
        ] as const) {
          wholeHeads = Math.max(
            wholeHeads,
            maxDelta(slice(whole[key].data, size), slice(ref[key].data, size)),
          );
          partHeads = Math.max(partHeads, maxDelta(slice(parts[key].data, size), slice(ref[key].data, size)));
        }
      }
    }
    console.log(
      `parts: ${pairs} (sentence, type) pairs; |Δ| vs fp32 of the heads: parts ${partHeads.toFixed(4)}, whole int8 ${wholeHeads.toFixed(4)}; encoder outputs vs whole int8 ${encoderDelta.toExponential(1)}`,
    );
    assert.ok(pairs > 0, 'no event type detected in the parity sentences');
    assert.ok(encoderDelta <= 1e-4, `encoder outputs differ from the whole int8 file by ${encoderDelta}`);
    // The heads quantise their activations over the pairs asked for, not over all ten types: int8 noise
    // of its own, which must stay of the whole file's size.
    assert.ok(partHeads <= 2 * wholeHeads + 0.01, `parts ${partHeads} vs whole int8 ${wholeHeads}`);
  });
});
