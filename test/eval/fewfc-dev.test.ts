/**
 * The committed model on the full FewFC dev split, through the TypeScript pipeline: AC F1 must be within
 * 1 point of the figure recorded at training time (metrics.json for the int8 file, else config.json).
 * Skipped, with the reason, only when the datasets folder is absent; a missing model fails.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { fewfcSplitPath, readFewfcSplit } from '../../src/eval/fewfc-dataset.js';
import { evaluateFewfc } from '../../src/eval/fewfc-evaluation.js';
import { readTrainingKnownNames } from '../../src/eval/training-gazetteer.js';
import { EventExtractor } from '../../src/extract/event-extractor.js';
import { MODEL_DIR, missingModel } from '../extract/committed-model.js';

const datasets = defaultDatasetsDir();
const skip = existsSync(fewfcSplitPath(datasets, 'dev'))
  ? false
  : `FewFC dev not found under ${datasets} (set DATASETS_DIR)`;

/** AC F1 (%) recorded for the int8 model: metrics.json first, then config.json's training record. */
function recordedAcF1(fallback: number | undefined): { value: number; source: string } | undefined {
  const metricsPath = join(MODEL_DIR, 'metrics.json');
  if (existsSync(metricsPath)) {
    const metrics = JSON.parse(readFileSync(metricsPath, 'utf8')) as Record<
      string,
      { fewfc_dev?: { AC?: { f1?: number } } }
    >;
    const f1 = metrics['model.int8.onnx']?.fewfc_dev?.AC?.f1;
    if (typeof f1 === 'number') return { value: f1, source: 'metrics.json (model.int8.onnx)' };
  }
  return fallback === undefined ? undefined : { value: fallback, source: 'config.json training.devAtBest' };
}

describe('committed model on FewFC dev', { skip }, () => {
  it('scores AC F1 no more than 1 point below the recorded figure', async () => {
    const missing = missingModel('model.int8.onnx');
    assert.equal(missing, false, missing || '');
    const extractor = await EventExtractor.load({ modelDir: MODEL_DIR, precision: 'int8' });
    const records = await readFewfcSplit(datasets, 'dev');
    assert.equal(records.length, 899, 'the CasEE dev split has 899 sentences');
    // As `finkg eval`: a model with the knowledge input is told the training names.
    const knowledge = extractor.usesKnowledge ? { gazetteer: await readTrainingKnownNames(datasets) } : {};
    const scores = await evaluateFewfc(extractor, records, knowledge);
    const line = (['TI', 'TC', 'AI', 'AC'] as const)
      .map((m) => `${m} ${(100 * scores[m].f1).toFixed(2)}`)
      .join(' ');
    console.log(`FewFC dev (int8, TS pipeline): ${line}`);
    const recorded = recordedAcF1(extractor.config.recordedDevAcF1);
    assert.ok(recorded, `no AC F1 recorded for ${MODEL_DIR} (metrics.json or config.json)`);
    assert.ok(
      100 * scores.AC.f1 >= recorded.value - 1,
      `AC F1 ${(100 * scores.AC.f1).toFixed(2)} is more than 1 point below ${recorded.value} from ${recorded.source}`,
    );
  });
});
