import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadOcrModels } from '../../src/parse/ocr/ocr-models.js';
import { readLines } from '../../src/parse/ocr/read-lines.js';
import { renderPage } from '../../src/parse/ocr/render-page.js';
import { emptyStageTimes, stripCost } from '../../src/parse/ocr/stage-times.js';
import { openPdf } from '../../src/parse/pdf-text.js';
import { scannedPdf } from '../support/scanned-pdf.js';

describe('OCR stage times', () => {
  it('fit a run’s fixed cost and its cost per pixel of strip width', () => {
    const runs = [100, 400, 900, 1200].map((width) => ({ width, seconds: 0.002 + 0.00005 * width }));
    const fit = stripCost(runs);
    assert.ok(fit);
    assert.ok(Math.abs(fit.fixed - 0.002) < 1e-9);
    assert.ok(Math.abs(fit.perPixel - 0.00005) < 1e-12);
  });

  it('fit nothing from one run or from strips all of one width', () => {
    assert.equal(stripCost([{ width: 300, seconds: 0.02 }]), undefined);
    assert.equal(
      stripCost([
        { width: 300, seconds: 0.02 },
        { width: 300, seconds: 0.03 },
      ]),
      undefined,
    );
  });

  it('list each line’s first reading with its strip’s width, adding up to the recognition stage', async () => {
    const pdf = await scannedPdf([
      ['关于使用闲置募集资金暂时补充流动资金的公告', '证券代码：600000 证券简称：示例科技'],
    ]);
    const task = openPdf(pdf);
    try {
      const image = await renderPage(await (await task.promise).getPage(1), 2);
      const times = emptyStageTimes();
      const read = await readLines(image, await loadOcrModels(1), {
        detectionMaxSide: 960,
        minConfidence: 0.5,
        lineWidthScale: 0.9,
        times,
      });
      const strips = times.strips ?? [];
      assert.equal(strips.length, read.regions);
      assert.ok(strips.every((s) => s.width >= 12 && s.seconds >= 0));
      assert.ok(strips.length >= 2);
      const listed = strips.reduce((sum, s) => sum + s.seconds, 0);
      assert.ok(Math.abs(listed - times.recognition) < 1e-9);
    } finally {
      await task.destroy();
    }
  });
});
