/**
 * The quick recogniser (models/ocr/fuse_models.py: PP-OCRv6 tiny reads each line first) against PP-OCRv4 alone,
 * on text-layer pages of real-pdfs outside both sets of bench/ocr.ts, printed to scans as its rendered set is
 * (rendered-pages.ts) and scored against their own text layer: pages the reader's hand-over rule was not tuned on.
 *
 *   DATASETS_DIR=… node dist/bench/ocr-quick-check.js
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { characterErrors } from '../src/eval/character-error-rate.js';
import { DEFAULT_OCR_LIMITS } from '../src/parse/index.js';
import { fusedModelFiles } from '../src/parse/ocr/ocr-models.js';
import { DEFAULT_OCR_TUNING, type OcrTuning, ocrPdfPages } from '../src/parse/ocr/ocr-pages.js';
import { doubtedRuns, type FigureScore, figureScore, unorderedErrors } from './ocr-errors.js';
import { imageOnlyPdf, pageTextLayer, scanLikeJpeg, withTablesExpanded } from './rendered-pages.js';

/** Files under real-pdfs/announcements and 1-based pages: notices, tables of figures, annual-report pages. */
const PAGES: ReadonlyArray<readonly [string, number]> = [
  ['000001_平安银行_董事会决议公告_2025-001.pdf', 1],
  ['002020_京新药业_关于全资子公司收购股权暨关联交易的公告.pdf', 1],
  ['002020_京新药业_关于全资子公司收购股权暨关联交易的公告.pdf', 2],
  ['002020_京新药业_关于计提商誉减值准备的公告.pdf', 1],
  ['002020_京新药业_关于计提商誉减值准备的公告.pdf', 2],
  ['002020_京新药业_2017年年度报告摘要.pdf', 2],
  ['002099_海翔药业_2019年年度报告.pdf', 8],
  ['merge0_顺丰控股（集团）有限公司与鼎泰新材.pdf', 1],
  ['300107_建新股份_2019年年度报告.pdf', 20],
];

async function main(): Promise<void> {
  const fused = fusedModelFiles();
  if (!fused?.quick) {
    console.log('ocr-quick-check: the quick recogniser is not built (scripts/setup.sh); nothing to compare');
    return;
  }
  const { quick: _, ...fullOnly } = fused;
  const columns: Array<[string, OcrTuning]> = [
    ['quick', DEFAULT_OCR_TUNING],
    ['PP-OCRv4', { ...DEFAULT_OCR_TUNING, modelFiles: fullOnly }],
  ];
  const totals = columns.map(() => ({
    errors: 0,
    unordered: 0,
    length: 0,
    cpu: 0,
    figures: [] as FigureScore[],
  }));
  const dir = join(loadConfig().datasetsDir, 'real-pdfs', 'announcements');
  for (const [i, [file, pageNumber]] of PAGES.entries()) {
    const source = new Uint8Array(await readFile(join(dir, file)));
    const { jpeg, size } = await scanLikeJpeg(source, pageNumber, (i % 2 === 0 ? 1 : -1) * 0.35, 100 + i);
    const pdf = await imageOnlyPdf(jpeg, size);
    const reference = await pageTextLayer(source, pageNumber);
    let row = `${file} p${pageNumber} (${reference.length} characters)`;
    for (const [c, [name, tuning]] of columns.entries()) {
      const start = process.cpuUsage();
      const [read] = await ocrPdfPages(pdf, [1], DEFAULT_OCR_LIMITS, 1, tuning);
      const used = process.cpuUsage(start);
      const text = read ? withTablesExpanded(read.text, read.tables) : '';
      const { errors, length } = characterErrors(reference, text);
      const unordered = unorderedErrors(reference, text);
      const figures = figureScore(reference, text, doubtedRuns(read));
      const t = totals[c];
      if (!t) continue;
      t.errors += errors;
      t.unordered += unordered;
      t.length += length;
      t.cpu += (used.user + used.system) / 1e6;
      t.figures.push(figures);
      row += ` | ${name}: ${errors} errors (${unordered} order aside), figures ${figures.exact}/${figures.reference}, wrong ${figures.wrong} (${figures.wrongDoubted} doubted)`;
    }
    console.log(row);
  }
  for (const [c, [name]] of columns.entries()) {
    const t = totals[c];
    if (!t) continue;
    const sum = (key: keyof FigureScore) => t.figures.reduce((n, f) => n + f[key], 0);
    console.log(
      `${name}: ${PAGES.length} pages, CER ${((100 * t.errors) / Math.max(1, t.length)).toFixed(2)} % ` +
        `(${((100 * t.unordered) / Math.max(1, t.length)).toFixed(2)} % order aside), figures read exactly ` +
        `${sum('exact')}/${sum('reference')}, ${sum('wrong')} read wrong of which ${sum('wrongDoubted')} doubted, ` +
        `${(PAGES.length / Math.max(1e-9, t.cpu)).toFixed(2)} pages per CPU-second`,
    );
  }
}

await main();
