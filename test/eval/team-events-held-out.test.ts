/**
 * The product (committed model + read path) on the held-out part of the team's event annotations: argument F1
 * must be within 2 points of the figure recorded for this model (`finkg eval --dataset team-events --record`,
 * models/finkg-small/document-scores.json). Skipped, with the reason, only when the corpus the annotations
 * point into is absent; a missing model or record fails.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { runRealDocs, TEAM_EVENTS_DIR } from '../../src/eval/realdocs-run.js';
import { readRecordedScores } from '../../src/eval/recorded-scores.js';
import { EventExtractor } from '../../src/extract/event-extractor.js';
import { MODEL_DIR, missingModel } from '../extract/committed-model.js';

const datasets = defaultDatasetsDir();
const skip = existsSync(join(datasets, 'corpus'))
  ? false
  : `corpus not found under ${datasets} (set DATASETS_DIR): the team annotations point into it`;

describe('committed model on the held-out team annotations', { skip }, () => {
  it('scores argument F1 no more than 2 points below the recorded figure', { timeout: 900_000 }, async () => {
    const missing = missingModel('model.encoder.int8.onnx');
    assert.equal(missing, false, missing || '');
    const extractor = await EventExtractor.load({ modelDir: MODEL_DIR, precision: 'int8' });
    const recorded = readRecordedScores(MODEL_DIR)['team-events held-out'];
    assert.ok(recorded, `no team-events held-out score recorded in ${MODEL_DIR}`);
    assert.equal(
      recorded.modelVersion,
      extractor.modelVersion,
      'the recorded score is of another model: measure again with --record',
    );
    const run = await runRealDocs(extractor, datasets, TEAM_EVENTS_DIR, (doc) => doc.split === 'held-out');
    assert.deepEqual(run.skipped, [], 'every held-out text is read');
    assert.equal(run.documents, recorded.documents, 'the held-out part changed: measure again with --record');
    const f1 = 100 * run.score.arguments.f1;
    console.log(`team-events held-out: ${run.documents} documents, argument F1 ${f1.toFixed(2)}`);
    assert.ok(
      f1 >= recorded.f1 - 2,
      `argument F1 ${f1.toFixed(2)} is more than 2 points below ${recorded.f1} (${recorded.measuredOn})`,
    );
  });
});
