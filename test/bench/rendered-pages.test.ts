/**
 * The bench's rendered set: a text-layer page made into a scan-like image-only PDF, scored against its own text
 * layer. On a generated page here; the listed real pages are checked to exist when ../shared is present.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  imageOnlyPdf,
  pageTextLayer,
  renderedPageSpecs,
  scanLikeJpeg,
  withTablesExpanded,
} from '../../bench/rendered-pages.js';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { characterErrorRate } from '../../src/eval/character-error-rate.js';
import { DEFAULT_OCR_TUNING, ocrPdfPages } from '../../src/parse/ocr/ocr-pages.js';
import { scannerJpegs } from '../../src/parse/ocr/scanner-jpeg.js';
import { openPdf } from '../../src/parse/pdf-text.js';
import { tablePlaceholder } from '../../src/parse/table-rows.js';
import { textPdf } from '../support/pdf-fixtures.js';

const LINES = ['Notice of board meeting', 'Revenue for the year 2,926,635,394.34', 'By order of the Board'];

async function pageSize(pdf: Uint8Array): Promise<[number, number]> {
  const task = openPdf(pdf);
  try {
    const { width, height } = (await (await task.promise).getPage(1)).getViewport({ scale: 1 });
    return [width, height];
  } finally {
    await task.destroy();
  }
}

describe('rendered pages of the OCR benchmark', () => {
  it("makes a page into a one-JPEG scan of the page's size, read as scans are, scored against its text layer", async () => {
    const source = await textPdf([['Cover page'], LINES]);
    const reference = await pageTextLayer(source, 2);
    for (const line of LINES) assert.ok(reference.includes(line), `${line} in the text layer`);

    const { jpeg, size } = await scanLikeJpeg(source, 2, -0.35, 3);
    assert.deepEqual(size, await pageSize(source));
    const scan = await imageOnlyPdf(jpeg, size);
    assert.deepEqual(await pageSize(scan), size);
    // The page is one JPEG filling it: OCR takes the scanner path, as for the real scanned filing.
    assert.ok((await scannerJpegs(scan))(1), 'one JPEG over the whole page');
    // Same seed, same image: every run scores the same pages.
    assert.deepEqual((await scanLikeJpeg(source, 2, -0.35, 3)).jpeg, jpeg);

    // Read at the scan's 200 dpi, the figure keeps its digits (at the default 144 dpi this noisy 11 pt print
    // lost some: bench/README.md).
    const [read] = await ocrPdfPages(scan, [1], { maxPages: 1, timeoutMs: 120_000 }, 1, {
      ...DEFAULT_OCR_TUNING,
      scanResolution: true,
    });
    assert.ok(read, 'the scan is read');
    assert.ok(characterErrorRate(reference, read.text) <= 0.05, read.text);
  });

  it("expands each table's placeholder line into its rows, header first, cells tab-separated", () => {
    const table = { page: 1, header: ['项目', '本报告期'], rows: [['营业总收入', '2,926,635,394.34']] };
    assert.equal(
      withTablesExpanded(`单位：元\n${tablePlaceholder(0)}\n注：`, [table]),
      '单位：元\n项目\t本报告期\n营业总收入\t2,926,635,394.34\n注：',
    );
  });

  const root = join(defaultDatasetsDir(), 'real-pdfs');
  const skip = existsSync(root) ? false : `no real PDFs under ${root} (set DATASETS_DIR)`;
  it('lists about ten real pages of several kinds, each in the real PDFs', { skip }, () => {
    const specs = renderedPageSpecs();
    assert.ok(specs.length >= 10);
    assert.ok(specs.some((s) => /Traditional/.test(s.kind)) && specs.some((s) => /table/.test(s.kind)));
    for (const spec of specs) assert.ok(existsSync(join(root, spec.file)), spec.file);
  });
});
