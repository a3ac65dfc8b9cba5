import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fusedModelFiles, loadOcrModels, packageModelFiles } from '../../src/parse/ocr/ocr-models.js';
import { readLines } from '../../src/parse/ocr/read-lines.js';
import { renderPage } from '../../src/parse/ocr/render-page.js';
import { openPdf } from '../../src/parse/pdf-text.js';
import { scannedPdf } from '../support/scanned-pdf.js';

// The fused PP-OCRv4 copies alone: the quick recogniser beside them reads otherwise (ocr-quick-recogniser.test.ts).
const fused = (() => {
  const files = fusedModelFiles();
  if (!files) return undefined;
  const { quick: _, ...copies } = files;
  return copies;
})();

describe('fused OCR models (models/ocr/fuse_models.py)', () => {
  it('read a scanned page into the same lines, boxes and confidences as the package’s models', {
    skip: fused ? false : 'not built: scripts/setup.sh runs .venv/bin/python models/ocr/fuse_models.py',
  }, async () => {
    const pdf = await scannedPdf([
      ['关于使用闲置募集资金暂时补充流动资金的公告', '证券代码：600000 证券简称：示例科技'],
    ]);
    const task = openPdf(pdf);
    try {
      const page = await (await task.promise).getPage(1);
      const image = await renderPage(page, 2);
      const options = { detectionMaxSide: 960, minConfidence: 0.5, lineWidthScale: 0.8 };
      const original = await readLines(image, await loadOcrModels(1, packageModelFiles()), options);
      const fusedModels = await loadOcrModels(1, fused);
      // The copy also gives each step's best class and probability, which the reader decodes instead.
      assert.ok(fusedModels.recogniser.outputNames.includes('step_class'));
      const copy = await readLines(image, fusedModels, options);
      assert.equal(original.lines.length, 2);
      assert.deepEqual(
        copy.lines.map((l) => l.text),
        original.lines.map((l) => l.text),
      );
      copy.lines.forEach((line, i) => {
        const before = original.lines[i];
        assert.ok(before && Math.abs(line.confidence - before.confidence) < 1e-4);
        assert.ok(
          Math.abs(line.box.left - before.box.left) < 1 && Math.abs(line.box.top - before.box.top) < 1,
        );
      });
    } finally {
      await task.destroy();
    }
  });

  it('give each step’s most probable class and its probability, the first class on a tie', {
    skip: fused ? false : 'not built: scripts/setup.sh runs .venv/bin/python models/ocr/fuse_models.py',
  }, async () => {
    const { recogniser } = await loadOcrModels(1, fused);
    const probsName = recogniser.outputNames[0] ?? '';
    // A strip with dark strokes on light paper, and a blank one: the blank class wins most steps by far.
    const width = 160;
    const strip = new Float32Array(3 * 48 * width).map((_, i) => ((i % width) % 17 < 3 ? -0.9 : 0.9));
    for (const data of [strip, new Float32Array(3 * 48 * width).fill(0.9)]) {
      const out = await recogniser.run(
        { [recogniser.inputNames[0] ?? 'x']: { data, dims: [1, 3, 48, width] } },
        [probsName, 'step_class', 'step_prob'],
      );
      const probs = out[probsName];
      const best = out.step_class;
      const top = out.step_prob;
      assert.ok(probs && best && top);
      const [, steps = 0, classes = 0] = probs.dims;
      assert.equal(steps, width / 8);
      for (let t = 0; t < steps; t++) {
        let arg = 0;
        for (let c = 1; c < classes; c++)
          if ((probs.data[t * classes + c] ?? 0) > (probs.data[t * classes + arg] ?? 0)) arg = c;
        assert.equal(best.data[t], arg, `step ${t}`);
        assert.equal(top.data[t], probs.data[t * classes + arg], `step ${t}`);
      }
    }
  });
});
