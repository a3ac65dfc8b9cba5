/**
 * OCR speed and accuracy: pages per second on one core (onnxruntime intra-op threads = 1) and character
 * error rate against hand transcriptions, page by page, side by side. CPU seconds are printed next to wall
 * seconds: on a shared machine, pages per CPU-second is the closer figure for an idle core.
 *
 *   OCR_GOLD_DIR=/path/to/gold npm run bench:ocr
 *
 * Two sets of pages, `--sets scan,rendered` (both by default):
 * - "scan": OCR_GOLD_DIR holds one UTF-8 transcription per page, named `<PDF file name without .pdf>.p<page>.txt`
 *   (see data/ocr/GUIDELINE.md). Each PDF is looked for in OCR_GOLD_DIR itself, then in DATASETS_DIR's
 *   real-pdfs folders. Skipped with a message without OCR_GOLD_DIR.
 * - "rendered": the text-layer pages listed in ocr-rendered-pages.json made into 200 dpi scans (slight turn,
 *   blur, noise, JPEG; rendered-pages.ts), scored against their own text layer read at run time.
 * Beside the CER, "unordered" counts the errors a reading has with order set aside (ocr-errors.ts): the rest
 * is reading order (columns, tables). `--errors` prints each page's edits (expected→read), most frequent first.
 * After the CPU time by stage, each line's first reading is set against its strip's width (a fixed cost a run
 * plus a cost per pixel of width, fitted over the runs): what padding, batching or narrower strips could win.
 *
 * Each page is read four times, page by page in turn, so that all columns see the same load: with
 * PP-OCR's own settings ("pp-ocr"), with the parser's defaults on the package's model files ("package"),
 * as the parser reads but with every page rendered by pdf.js ("pdf.js": pages that are one JPEG are
 * otherwise decoded natively, see src/parse/ocr/scanner-jpeg.ts), and as the parser reads ("default": the
 * fused model copies when setup built them, see models/ocr/fuse_models.py). `OCR_BASELINE_MODELS=<folder>` adds
 * a "baseline" reading with the fused copies in that folder (an earlier build of them) and the detector over
 * the whole page, as OCR read before 2026-12-07. `--only default,baseline` runs some of them (for one's peak RSS, which is per process, run one).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { characterErrors } from '../src/eval/character-error-rate.js';
import { DEFAULT_OCR_LIMITS } from '../src/parse/index.js';
import { fusedModelFiles, loadOcrModels, packageModelFiles } from '../src/parse/ocr/ocr-models.js';
import {
  DEFAULT_OCR_TUNING,
  type OcrPage,
  type OcrTuning,
  ocrPdfPages,
  PP_OCR_TUNING,
} from '../src/parse/ocr/ocr-pages.js';
import { emptyStageTimes, OCR_STAGES, stripCost } from '../src/parse/ocr/stage-times.js';
import {
  doubtedRuns,
  errorDiff,
  type FigureScore,
  figureDiff,
  figureScore,
  unorderedErrors,
} from './ocr-errors.js';
import { renderedPages, withTablesExpanded } from './rendered-pages.js';

const GOLD_NAME = /^(.+)\.p(\d+)\.txt$/;

const flagValue = (flag: string): string | undefined => {
  const at = process.argv.indexOf(flag);
  return at < 0 ? undefined : process.argv[at + 1];
};
const showErrors = process.argv.includes('--errors');

/** The page as read, each table's placeholder replaced by its cells row by row, as a transcriber reads a table. */
const readText = (page: OcrPage): string => withTablesExpanded(page.text, page.tables);

/** One page to read: its PDF, the page's number in it and the reference text it is scored against. */
interface BenchPage {
  /** "scan": hand-transcribed scanned pages; "rendered": text-layer pages printed to scans (rendered-pages.ts). */
  set: 'scan' | 'rendered';
  name: string;
  pdf: Uint8Array;
  page: number;
  text: string;
}

async function goldPages(goldDir: string, pdfDirs: string[]): Promise<BenchPage[]> {
  const pages: BenchPage[] = [];
  for (const name of (await readdir(goldDir)).sort()) {
    const match = GOLD_NAME.exec(name);
    if (!match) continue;
    const [, stem = '', page = '0'] = match;
    const pdf = pdfDirs.map((dir) => join(dir, `${stem}.pdf`)).find((path) => existsSync(path));
    if (!pdf) {
      console.warn(`skipped ${name}: no ${stem}.pdf in ${pdfDirs.join(', ')}`);
      continue;
    }
    pages.push({
      set: 'scan',
      name: `${stem}.pdf p${page}`,
      pdf: new Uint8Array(await readFile(pdf)),
      page: Number(page),
      text: await readFile(join(goldDir, name), 'utf8'),
    });
  }
  return pages;
}

async function main(): Promise<void> {
  const realPdfs = join(loadConfig().datasetsDir, 'real-pdfs');
  const sets = flagValue('--sets')?.split(',') ?? ['scan', 'rendered'];
  const goldDir = process.env.OCR_GOLD_DIR;
  const pages: BenchPage[] = [];
  if (sets.includes('scan')) {
    if (goldDir && existsSync(goldDir)) {
      const gold = await goldPages(goldDir, [
        goldDir,
        join(realPdfs, 'announcements'),
        join(realPdfs, 'reports'),
      ]);
      if (gold.length === 0) console.log(`bench:ocr: no <file>.p<page>.txt transcriptions in ${goldDir}`);
      pages.push(...gold);
    } else {
      console.log(
        'bench:ocr: OCR_GOLD_DIR (hand transcriptions, data/ocr/GUIDELINE.md) unset: the scanned set is skipped',
      );
    }
  }
  if (sets.includes('rendered')) {
    if (existsSync(realPdfs)) {
      for (const r of await renderedPages(realPdfs)) {
        // The scan is a PDF of that one page.
        pages.push({
          set: 'rendered',
          name: `${r.file.split('/').pop()} p${r.page}`,
          pdf: r.pdf,
          page: 1,
          text: r.text,
        });
      }
    } else console.log(`bench:ocr: no ${realPdfs}: the rendered set is skipped`);
  }
  if (pages.length === 0) {
    console.log('bench:ocr: no pages to read; skipped');
    return;
  }
  const only = flagValue('--only');
  const baselineDir = process.env.OCR_BASELINE_MODELS;
  const baseline = baselineDir ? fusedModelFiles(baselineDir) : undefined;
  if (baselineDir && !baseline) throw new Error(`OCR_BASELINE_MODELS: no fused models in ${baselineDir}`);
  const all: Array<[string, OcrTuning]> = [
    ['pp-ocr', { ...PP_OCR_TUNING, modelFiles: packageModelFiles() }],
    ['package', { ...DEFAULT_OCR_TUNING, modelFiles: packageModelFiles() }],
    ['pdf.js', { ...DEFAULT_OCR_TUNING, pdfJsOnly: true }],
    ...(baseline
      ? [
          ['baseline', { ...DEFAULT_OCR_TUNING, modelFiles: baseline, detectWholePage: true }] as [
            string,
            OcrTuning,
          ],
        ]
      : []),
    ['default', DEFAULT_OCR_TUNING],
    // OCR_TUNING='{"detectionMaxSide":800}' reads once more with those settings over the defaults.
    ...(process.env.OCR_TUNING
      ? [['tuned', { ...DEFAULT_OCR_TUNING, ...JSON.parse(process.env.OCR_TUNING) }] as [string, OcrTuning]]
      : []),
  ];
  const runs = all.filter(([name]) => only === undefined || only.split(',').includes(name));
  if (runs.length === 0)
    throw new Error(
      '--only takes some of default, tuned, baseline, pdf.js, package, pp-ocr (comma-separated)',
    );
  const fused = fusedModelFiles();
  console.log(
    fused
      ? `default reads with the fused models ${fused.detection} and ${fused.recognition}`
      : 'default reads with the package models: the fused copies are not built (.venv/bin/python models/ocr/fuse_models.py)',
  );
  if (baseline) console.log(`baseline reads with ${baseline.detection} and ${baseline.recognition}`);

  const loadStart = performance.now();
  for (const [, tuning] of runs) await loadOcrModels(1, tuning.modelFiles);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const emptyFigures = (): FigureScore => ({
    reference: 0,
    exact: 0,
    wrong: 0,
    wrongDoubted: 0,
    rightDoubted: 0,
  });
  const emptyTotals = () => ({
    pages: 0,
    errors: 0,
    unordered: 0,
    length: 0,
    seconds: 0,
    cpuSeconds: 0,
    figures: emptyFigures(),
    stages: emptyStageTimes(),
  });
  const totals = runs.map(emptyTotals);
  const bySet = new Map<string, Array<ReturnType<typeof emptyTotals>>>();
  console.log(
    `page                                                  chars  ${runs.map(([name]) => `${name.padStart(7)}: errors    CER  unordered  figures  wrong  seconds  cpu s  confidence`).join('  ')}`,
  );
  for (const bench of pages) {
    let row = '';
    let length = 0;
    const setTotals = bySet.get(bench.set) ?? runs.map(emptyTotals);
    bySet.set(bench.set, setTotals);
    for (const [i, [name, tuning]] of runs.entries()) {
      const total = totals[i] as (typeof totals)[number];
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const stages = emptyStageTimes();
      const [read] = await ocrPdfPages(bench.pdf, [bench.page], DEFAULT_OCR_LIMITS, 1, tuning, stages);
      const took = (performance.now() - start) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const cpuTook = (cpu.user + cpu.system) / 1e6;
      const text = read ? readText(read) : '';
      const counted = characterErrors(bench.text, text);
      const unordered = unorderedErrors(bench.text, text);
      const figures = figureScore(bench.text, text, doubtedRuns(read));
      length = counted.length;
      for (const t of [total, setTotals[i] as ReturnType<typeof emptyTotals>]) {
        t.pages++;
        t.errors += counted.errors;
        t.unordered += unordered;
        t.length += counted.length;
        t.seconds += took;
        t.cpuSeconds += cpuTook;
        for (const key of Object.keys(figures) as Array<keyof FigureScore>) t.figures[key] += figures[key];
        for (const stage of OCR_STAGES) t.stages[stage] += stages[stage];
        t.stages.strips?.push(...(stages.strips ?? []));
      }
      row += `         ${String(counted.errors).padStart(7)} ${((100 * counted.errors) / Math.max(1, counted.length)).toFixed(2).padStart(5)}% ${String(unordered).padStart(10)} ${`${figures.exact}/${figures.reference}`.padStart(8)} ${`${figures.wrong - figures.wrongDoubted}`.padStart(6)} ${took.toFixed(2).padStart(8)} ${cpuTook.toFixed(2).padStart(6)} ${(read?.confidence ?? 0).toFixed(3).padStart(11)}`;
      if (showErrors) {
        const diff = errorDiff(bench.text, text);
        if (diff) console.log(`  ${name} ${bench.name}: ${diff}`);
        const figureEdits = figureDiff(bench.text, text, doubtedRuns(read));
        if (figureEdits) console.log(`  ${name} ${bench.name} figures: ${figureEdits}`);
      }
    }
    console.log(`${`${bench.set.padEnd(9)} ${bench.name}`.padEnd(52)} ${String(length).padStart(6)}${row}`);
  }
  const rss = process.resourceUsage().maxRSS / 1024;
  const summary = (t: ReturnType<typeof emptyTotals>) =>
    `${t.pages} pages, ${t.length} characters, CER ${((100 * t.errors) / Math.max(1, t.length)).toFixed(2)} % ` +
    `(${((100 * t.unordered) / Math.max(1, t.length)).toFixed(2)} % order aside), ${t.seconds.toFixed(1)} s, ` +
    `${(t.pages / t.seconds).toFixed(2)} pages/s with one thread, ${(t.pages / t.cpuSeconds).toFixed(2)} pages per CPU-second; ` +
    `figures read exactly ${t.figures.exact}/${t.figures.reference} (${((100 * t.figures.exact) / Math.max(1, t.figures.reference)).toFixed(1)} %), ` +
    `${t.figures.wrong} read wrong of which ${t.figures.wrongDoubted} doubted, ${t.figures.rightDoubted} right but doubted`;
  console.log(
    `\n${pages.length} pages (render, detect, recognise; model load ${loadSeconds.toFixed(1)} s apart):`,
  );
  for (const [i, [name, tuning]] of runs.entries()) {
    console.log(
      `${name.padStart(8)} ${JSON.stringify({ ...tuning, modelFiles: tuning.modelFiles?.recognition })}:`,
    );
    for (const [set, setTotals] of bySet)
      console.log(`  ${set.padEnd(9)} ${summary(setTotals[i] as ReturnType<typeof emptyTotals>)}`);
    console.log(`  ${'all'.padEnd(9)} ${summary(totals[i] as ReturnType<typeof emptyTotals>)}`);
  }
  // Per set, then over all pages; the rest of a page's CPU time (opening the PDF, layout) is "other".
  const columns = [
    ...[...bySet].flatMap(([set, setTotals]) =>
      runs.map(([name], i) => ({
        head: `${name} ${set}`,
        t: setTotals[i] as ReturnType<typeof emptyTotals>,
      })),
    ),
    ...runs.map(([name], i) => ({ head: `${name} all`, t: totals[i] as ReturnType<typeof emptyTotals> })),
  ];
  console.log("\nCPU seconds per page by stage (share of the pages' CPU time):");
  console.log(`${'stage'.padEnd(16)}${columns.map((c) => c.head.padStart(22)).join('')}`);
  const cell = (t: ReturnType<typeof emptyTotals>, cpu: number) =>
    `${(cpu / Math.max(1, t.pages)).toFixed(3).padStart(9)} s ${((100 * cpu) / Math.max(1e-9, t.cpuSeconds)).toFixed(0).padStart(5)} %`;
  for (const stage of OCR_STAGES)
    console.log(
      `${stage.padEnd(16)}${columns.map(({ t }) => cell(t, t.stages[stage]).padStart(22)).join('')}`,
    );
  const staged = (t: ReturnType<typeof emptyTotals>) =>
    OCR_STAGES.reduce((n, stage) => n + t.stages[stage], 0);
  console.log(
    `${'other'.padEnd(16)}${columns.map(({ t }) => cell(t, t.cpuSeconds - staged(t)).padStart(22)).join('')}`,
  );
  console.log(`${'page'.padEnd(16)}${columns.map(({ t }) => cell(t, t.cpuSeconds).padStart(22)).join('')}`);
  // The first readings of lines against their strips' widths: what padding or more, narrower strips would cost.
  console.log(
    '\nRecognition runs (first readings), per page and fitted as fixed + per pixel of strip width:',
  );
  for (const { head, t } of columns) {
    const strips = t.stages.strips ?? [];
    const pages = Math.max(1, t.pages);
    const width = strips.reduce((sum, r) => sum + r.width, 0);
    const seconds = strips.reduce((sum, r) => sum + r.seconds, 0);
    // Strips whose reading was dropped (empty, or under the drop score): rules, borders, specks read as text.
    const dropped = strips.reduce((sum, r) => sum + (r.kept ? 0 : r.width), 0);
    const fit = stripCost(strips);
    console.log(
      `  ${head.padEnd(20)} ${(strips.length / pages).toFixed(1)} strips, ${(width / pages).toFixed(0)} px wide in all, ` +
        `${((1000 * seconds) / pages).toFixed(0)} ms` +
        (fit
          ? `; ${(1000 * fit.fixed).toFixed(2)} ms a run + ${(1e6 * fit.perPixel).toFixed(1)} ms per 1,000 px ` +
            `(runs' fixed part ${((100 * fit.fixed * strips.length) / Math.max(1e-9, seconds)).toFixed(0)} %)`
          : '') +
        `; ${((100 * dropped) / Math.max(1, width)).toFixed(1)} % of the width read nothing kept`,
    );
  }
  console.log(`peak RSS ${rss.toFixed(0)} MiB (the process, over ${runs.map(([n]) => n).join(' and ')})`);
}

await main();
