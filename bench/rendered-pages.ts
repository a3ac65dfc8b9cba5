/**
 * Real text-layer filing pages as scans, for bench/ocr.ts: each listed page (ocr-rendered-pages.json) is printed
 * at a scanner's 200 dpi, turned a little, blurred, given sensor noise and saved as a JPEG inside an image-only
 * PDF, as the real scanned filing is. The page's own text layer, read at run time, is the reference: no text of
 * the filings is stored.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { projectRoot } from '../src/config/project-paths.js';
import { renderPage } from '../src/parse/ocr/render-page.js';
import { extractPdfText, openPdf } from '../src/parse/pdf-text.js';
import { type ExtractedTable, placeholderIndex } from '../src/parse/table-rows.js';

export interface RenderedPageSpec {
  /** Path under the real-pdfs folder. */
  file: string;
  page: number;
  kind: string;
}

export interface RenderedPage extends RenderedPageSpec {
  /** The scan-like image-only PDF of that one page. */
  pdf: Uint8Array;
  /** The page's text layer, lines as the parser reads them. */
  text: string;
}

/** The scan the hand-transcribed filing is: 200 dpi JPEG pages. */
const SCAN_DPI = 200;
/** How far a page is turned in the scanner, degrees; alternating in sign from page to page. */
const SKEW_DEGREES = 0.35;
/** Gaussian blur of the optics, pixels. */
const BLUR_PX = 0.6;
/** Sensor noise, standard deviation in 0–255 levels. */
const NOISE_SIGMA = 6;
/** Scanner paper is not pure white. */
const PAPER = 242;
const JPEG_QUALITY = 75;

export function renderedPageSpecs(): RenderedPageSpec[] {
  const listed = JSON.parse(readFileSync(join(projectRoot, 'bench', 'ocr-rendered-pages.json'), 'utf8'));
  return (listed as { pages: RenderedPageSpec[] }).pages;
}

/** Deterministic noise (mulberry32), so every run scores the same images. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Private-use code points are icon-font glyphs (checkboxes, bullets) that no reader can spell. */
const PRIVATE_USE = /[\u{e000}-\u{f8ff}]/gu;

/** The page printed and scanned: a JPEG of it, turned by `skewDegrees`, blurred, noisy, on grey paper. */
export async function scanLikeJpeg(
  bytes: Uint8Array,
  pageNumber: number,
  skewDegrees: number,
  seed: number,
): Promise<{ jpeg: Buffer; size: [number, number] }> {
  const task = openPdf(bytes);
  try {
    const doc = await task.promise;
    const page = await doc.getPage(pageNumber);
    const { width, height } = page.getViewport({ scale: 1 });
    const printed = await renderPage(page, SCAN_DPI / 72);
    const paper = createCanvas(printed.width, printed.height);
    paper
      .getContext('2d')
      .putImageData(new ImageData(new Uint8ClampedArray(printed.data), printed.width, printed.height), 0, 0);
    const scan = createCanvas(printed.width, printed.height);
    const ctx = scan.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, scan.width, scan.height);
    ctx.translate(scan.width / 2, scan.height / 2);
    ctx.rotate((skewDegrees * Math.PI) / 180);
    ctx.translate(-scan.width / 2, -scan.height / 2);
    ctx.filter = `blur(${BLUR_PX}px)`;
    ctx.drawImage(paper, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.filter = 'none';
    const pixels = ctx.getImageData(0, 0, scan.width, scan.height);
    const random = seededRandom(seed);
    const data = pixels.data;
    for (let i = 0; i < data.length; i += 4) {
      // Box–Muller: one normal draw a pixel, the same on its three channels (grey sensor noise).
      const noise = NOISE_SIGMA * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      for (let c = 0; c < 3; c++) data[i + c] = ((data[i + c] ?? 255) * PAPER) / 255 + noise;
    }
    ctx.putImageData(pixels, 0, 0);
    return { jpeg: scan.toBuffer('image/jpeg', JPEG_QUALITY), size: [width, height] };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Text with each table's placeholder line replaced by its rows, cells tab-separated, as a transcriber reads a table. */
export function withTablesExpanded(text: string, tables: readonly ExtractedTable[]): string {
  return text
    .split('\n')
    .map((line) => {
      const index = placeholderIndex(line);
      const table = index === null ? undefined : tables[index];
      if (!table) return line;
      return [table.header, ...table.rows].map((row) => row.join('\t')).join('\n');
    })
    .join('\n');
}

/** The page alone in a PDF of its own (text layer and drawings kept), so that the parser reads no other page. */
async function pageAlone(bytes: Uint8Array, pageNumber: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const alone = await PDFDocument.create();
  const [page] = await alone.copyPages(source, [pageNumber - 1]);
  if (!page) throw new Error(`no page ${pageNumber}`);
  alone.addPage(page);
  return alone.save();
}

/**
 * The page's text layer as the parser reads it, its ruled tables expanded as an OCR reading's are (a cell
 * spanning rows repeats in each: same conventions on both sides), icon glyphs left out.
 */
export async function pageTextLayer(bytes: Uint8Array, pageNumber: number): Promise<string> {
  const read = await extractPdfText(await pageAlone(bytes, pageNumber), { maxPages: 1 });
  return withTablesExpanded(read.pages[0]?.text ?? '', read.tables).replace(PRIVATE_USE, '');
}

/** A one-page image-only PDF: the JPEG filling a page of `size` points, as a scanner writes it. */
export async function imageOnlyPdf(jpeg: Buffer, [width, height]: [number, number]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedJpg(jpeg);
  doc.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  return doc.save();
}

/** The listed pages that exist under `realPdfs`, each made into its scan and read for its reference. */
export async function renderedPages(realPdfs: string): Promise<RenderedPage[]> {
  const pages: RenderedPage[] = [];
  for (const [i, spec] of renderedPageSpecs().entries()) {
    const bytes = await readFile(join(realPdfs, spec.file)).catch(() => undefined);
    if (!bytes) {
      console.warn(`skipped ${spec.file}: not in ${realPdfs}`);
      continue;
    }
    const source = new Uint8Array(bytes);
    const skew = (i % 2 === 0 ? 1 : -1) * SKEW_DEGREES;
    const { jpeg, size } = await scanLikeJpeg(source, spec.page, skew, i + 1);
    pages.push({
      ...spec,
      pdf: await imageOnlyPdf(jpeg, size),
      text: await pageTextLayer(source, spec.page),
    });
  }
  return pages;
}
