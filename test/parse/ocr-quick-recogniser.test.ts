import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DecodedLine } from '../../src/parse/ocr/ctc.js';
import { fusedModelFiles, loadOcrModels } from '../../src/parse/ocr/ocr-models.js';
import { needsFullReading, readLines } from '../../src/parse/ocr/read-lines.js';
import { renderPage } from '../../src/parse/ocr/render-page.js';
import { openPdf } from '../../src/parse/pdf-text.js';
import { scannedPdf } from '../support/scanned-pdf.js';

const decoded = (text: string, confidence = 0.95): DecodedLine => ({
  text,
  confidence,
  chars: [...text].map((t, i) => ({ text: t, confidence, start: i, end: i + 1 })),
  steps: text.length,
});

describe('quick recogniser: which lines the full one reads again', () => {
  it('reads again lines with figures, a dropped decimal point included', () => {
    for (const text of [
      '营业总收入2,926,635,394.34元',
      '同比增长127%',
      '证券代码：002020',
      '股份 736 124 472 股',
    ])
      assert.ok(needsFullReading(decoded(text), 0.5), text);
  });

  it('keeps the quick reading of wording, dates and short numbers', () => {
    for (const text of [
      '关于使用闲置募集资金暂时补充流动资金的公告',
      '2018年12月31日',
      '截至2018年12月',
      '第3条',
      '12月31日',
    ])
      assert.ok(!needsFullReading(decoded(text), 0.5), text);
  });

  it('counts full-width, superscript and subscript digits as digits', () => {
    for (const text of ['增长１２.７％', '面积1²³平方米', '第①②③项'])
      assert.ok(needsFullReading(decoded(text), 0.5), text);
  });

  it('counts the digits outside dates: a figure beside a date is read again', () => {
    assert.ok(needsFullReading(decoded('2018年12月31日净利润404,738,566.82元'), 0.5));
  });

  it('reads again a line the quick one was too unsure of to keep', () => {
    assert.ok(needsFullReading(decoded('关于公告', 0.4), 0.5));
  });

  it('reads again a line with one character the quick one barely chose', () => {
    const line = decoded('獨立非執行董事辭任');
    const unsure = line.chars[0];
    if (unsure) unsure.confidence = 0.3;
    assert.ok(needsFullReading(line, 0.5));
  });
});

const fused = fusedModelFiles();
const skip = fused?.quick
  ? false
  : 'not built: scripts/setup.sh installs models/ocr/requirements.txt and fuses';

describe('quick recogniser (PP-OCRv6 tiny, models/ocr/fuse_models.py)', () => {
  it('gives step outputs, and is loaded beside the full recogniser', { skip }, async () => {
    const models = await loadOcrModels(1, fused);
    assert.ok(models.quick);
    assert.ok(models.quick.recogniser.outputNames.includes('step_class'));
    assert.ok(models.quick.charset.length > 6000);
  });

  it('reads wording itself and leaves a line with a figure to the full recogniser', { skip }, async () => {
    const pdf = await scannedPdf([
      ['关于使用闲置募集资金暂时补充流动资金的公告', '本次补充流动资金金额为12,680,000.00元'],
    ]);
    const task = openPdf(pdf);
    try {
      const image = await renderPage(await (await task.promise).getPage(1), 2);
      const options = { detectionMaxSide: 960, minConfidence: 0.5, lineWidthScale: 0.9 };
      const withQuick = await loadOcrModels(1, fused);
      const { quick: _, ...fullOnly } = fused ?? { detection: '', recognition: '', dictionary: '' };
      const both = await readLines(image, withQuick, options);
      const full = await readLines(image, await loadOcrModels(1, fullOnly), options);
      assert.deepEqual(
        both.lines.map((l) => l.text),
        ['关于使用闲置募集资金暂时补充流动资金的公告', '本次补充流动资金金额为12,680,000.00元'],
      );
      // The figure's line is the full recogniser's reading, confidences and all.
      const [, figureLine] = both.lines;
      const [, fullLine] = full.lines;
      assert.ok(figureLine && fullLine);
      assert.equal(figureLine.confidence, fullLine.confidence);
    } finally {
      await task.destroy();
    }
  });
});
