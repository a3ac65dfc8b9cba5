/** The OCR stage: pages of a PDF rendered and read into text lines, within the OCR limits. */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { joinContinuedTables, type TablePart } from '../continued-tables.js';
import { OcrLimitError } from '../errors/ocr-limit-error.js';
import { openPdf } from '../pdf-text.js';
import { type ExtractedTable, tablePlaceholder } from '../table-rows.js';
import type { OcrLimits, OcrLine, PageBox, PageOcr } from '../types.js';
import { loadOcrModels, type OcrModelFiles, type OcrModels } from './ocr-models.js';
import { type OcrTables, ocrTables } from './ocr-tables.js';
import { rulingsFromImage } from './page-rules.js';
import { type QuarterTurns, readingScore, turnImage, turnsToTry, unturnBox } from './page-turn.js';
import type { Point, RgbaImage } from './raster.js';
import { type Box, type ImageLine, readLines } from './read-lines.js';
import { readingOrder } from './reading-order.js';
import { renderPage } from './render-page.js';
import { drawJpeg, jpegPixelSize, scannerJpegs } from './scanner-jpeg.js';
import { deskewImage, reskewBox } from './skew.js';
import { type OcrStageTimes, timed } from './stage-times.js';

export const DEFAULT_OCR_LIMITS: OcrLimits = { maxPages: 50, timeoutMs: 120_000 };

/** OCR as the settings say (OCR_ENABLED, OCR_MAX_PAGES, OCR_TIMEOUT_SECONDS): off, or its limits. */
export function ocrLimitsOf(settings: {
  ocrEnabled: boolean;
  ocrMaxPages: number;
  ocrTimeoutSeconds: number;
}): OcrLimits | false {
  if (!settings.ocrEnabled) return false;
  return { maxPages: settings.ocrMaxPages, timeoutMs: settings.ocrTimeoutSeconds * 1000 };
}

/** How pages are rendered and read; the defaults are measured by bench/ocr.ts. */
export interface OcrTuning {
  /** Render scale (1 = 72 dpi). */
  renderScale: number;
  /** Longer side of the detector's input, in pixels. */
  detectionMaxSide: number;
  /** Horizontal squeeze of line crops before recognition. */
  lineWidthScale: number;
  /** Model files to read with instead of ocrModelFiles() (the benchmark's baselines: the package's, older copies). */
  modelFiles?: OcrModelFiles;
  /** Run the detector over the whole page image, blank margins included (the benchmark's baseline). */
  detectWholePage?: boolean;
  /** Render pages that are one JPEG with pdf.js too, not natively (scanner-jpeg.ts; the benchmark's baseline). */
  pdfJsOnly?: boolean;
  /**
   * Read a page that is one JPEG at the JPEG's own resolution where it is finer than `renderScale` (a 200 dpi
   * scan at 200 dpi, not 144); the recogniser's strips are as wide either way. Off by default: it brings back
   * digits a noisy scan's small print loses at 144 dpi, but ruled tables then come apart differently and read
   * worse (bench/README.md).
   */
  scanResolution?: boolean;
  /** false: a figure in doubt is not read again at a finer scale (the benchmark's comparison); on by default. */
  rereadFigures?: boolean;
  /** Digit probability under which a figure is doubted (figures.ts DOUBTFUL_DIGIT by default). */
  doubtfulDigit?: number;
  /** Digit probability under which a figure is read again (`doubtfulDigit` by default). */
  rereadDigit?: number;
}

/** PP-OCR's own settings at 144 dpi, kept for comparison in the benchmark. */
export const PP_OCR_TUNING: OcrTuning = { renderScale: 2, detectionMaxSide: 960, lineWidthScale: 1 };

/**
 * Lines squeezed to 0.9 of their width: the recogniser's time is linear in the strip's width. At 0.8 the
 * hand-transcribed pages read as well and 8 % faster, but a table cell's 12,680,000 came out 12,680,00: a figure
 * must not lose a digit. A smaller detector input or render scale lost characters on small print.
 */
export const DEFAULT_OCR_TUNING: OcrTuning = {
  renderScale: 2,
  detectionMaxSide: 960,
  lineWidthScale: 0.9,
};

/** Oversized pages (drawings, posters) are rendered smaller, so that one page image stays under ~64 MB. */
const MAX_RENDER_SIDE = 4000;
/** PP-OCR's drop score: lines read with less confidence are mostly noise. */
const MIN_CONFIDENCE = 0.5;

export interface OcrPage extends PageOcr {
  number: number;
  text: string;
  /** Regions skipped as red seals or stamps. */
  stamps: number;
  /** Clockwise quarter turns the scan was read at (0 when it lay upright). */
  turns: QuarterTurns;
  /** Ruled tables; `text` holds table i's placeholder line (table-rows.ts) where it stands. */
  tables: ExtractedTable[];
}

const round = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Characters weigh in by count, so a page's confidence is that of its text, not of its average line. */
function pageConfidence(lines: readonly OcrLine[]): number {
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (chars === 0) return 0;
  return lines.reduce((sum, l) => sum + l.confidence * l.text.length, 0) / chars;
}

/** One page as read from its image, before tables continued over pages are joined. */
interface PageRead {
  number: number;
  /** The page's size in page units. */
  size: [number, number];
  /** Clockwise quarter turns that made the scan upright; lines, tables and `upright` are in that frame. */
  turns: QuarterTurns;
  /** The upright page's size in page units. */
  upright: [number, number];
  /** The angle the scan's lines lean by (skew.ts); lines and tables are on the page turned back by it about `centre`. */
  skew: number;
  centre: Point;
  /** Lines in page units. */
  lines: ImageLine[];
  found: OcrTables;
  stamps: number;
}

/** The page at `scale`: its JPEG drawn natively when the page is one, else rendered by pdf.js. */
async function renderScan(
  page: PDFPageProxy,
  scale: number,
  jpeg: Uint8Array | undefined,
): Promise<RgbaImage> {
  if (jpeg) {
    const { width, height } = page.getViewport({ scale });
    // A JPEG the native decoder refuses may still be one pdf.js can draw.
    const drawn = await drawJpeg(jpeg, Math.ceil(width), Math.ceil(height)).catch(() => undefined);
    if (drawn) return drawn;
  }
  return renderPage(page, scale);
}

/** A scan finer than this many times the reading scale is worth reading a doubted figure from again. */
const FINER_GAIN = 1.15;

/**
 * The scale a doubted figure is read again at: a scanned JPEG's own resolution where it is finer than `scale`;
 * undefined otherwise (the figure is then read again from the page image as it is, unsqueezed). Pages pdf.js
 * renders are images too on a scan, and rendering them finer would only enlarge their pixels.
 */
export function finerScale(
  width: number,
  height: number,
  scale: number,
  jpeg: Uint8Array | undefined,
): number | undefined {
  const pixels = jpeg ? jpegPixelSize(jpeg) : undefined;
  if (!pixels) return undefined;
  const fine = Math.min(pixels.width / width, MAX_RENDER_SIDE / Math.max(width, height));
  return fine >= scale * FINER_GAIN ? fine : undefined;
}

async function readPage(
  page: PDFPageProxy,
  jpeg: Uint8Array | undefined,
  number: number,
  models: OcrModels,
  tuning: OcrTuning,
  times: OcrStageTimes | undefined,
): Promise<PageRead> {
  const { width, height } = page.getViewport({ scale: 1 });
  const pixels = jpeg && tuning.scanResolution ? jpegPixelSize(jpeg) : undefined;
  const wanted = Math.max(tuning.renderScale, pixels ? pixels.width / width : 0);
  const scale = Math.min(wanted, MAX_RENDER_SIDE / Math.max(width, height));
  const rendered = await timed(times, 'render', () => renderScan(page, scale, jpeg));
  const fineScale = finerScale(width, height, scale, jpeg);
  let fine: Promise<RgbaImage> | undefined;
  const finer = (turn: QuarterTurns) =>
    tuning.rereadFigures === false
      ? {}
      : {
          finer: async () => {
            if (fineScale === undefined) return undefined;
            // Timed with the second look that asks for it (read-lines.ts).
            fine ??= renderScan(page, fineScale, jpeg);
            const image = await fine;
            return turn === 0 ? image : turnImage(image, turn);
          },
        };
  const options = {
    detectionMaxSide: tuning.detectionMaxSide,
    minConfidence: MIN_CONFIDENCE,
    lineWidthScale: tuning.lineWidthScale,
    ...(tuning.detectWholePage ? { detectWholePage: true } : {}),
    ...(tuning.doubtfulDigit !== undefined ? { doubtfulDigit: tuning.doubtfulDigit } : {}),
    ...(tuning.rereadDigit !== undefined ? { rereadDigit: tuning.rereadDigit } : {}),
    ...(times ? { times } : {}),
  };
  let image = rendered;
  let read = await readLines(rendered, models, { ...options, ...finer(0) });
  let turns: QuarterTurns = 0;
  // A page scanned sideways or upside down reads little as it is: the turn that reads most is kept.
  for (const turn of turnsToTry(read)) {
    const turned = turnImage(rendered, turn);
    const again = await readLines(turned, models, { ...options, ...finer(turn) });
    if (readingScore(again) > readingScore(read)) {
      image = turned;
      read = again;
      turns = turn;
    }
  }
  const toPage = (b: Box): Box => ({
    left: b.left / scale,
    top: b.top / scale,
    right: b.right / scale,
    bottom: b.bottom / scale,
  });
  const lines = read.lines.map((l) => ({
    ...l,
    box: toPage(l.box),
    chars: l.chars.map((c) => ({ ...c, box: toPage(c.box) })),
  }));
  const { skew } = read;
  // Rules are found as straight runs of ink: on a leaning scan, on the image turned back.
  const found = await timed(times, 'tables', () =>
    ocrTables(lines, rulingsFromImage(skew === 0 ? image : deskewImage(image, skew), scale)),
  );
  const upright: [number, number] = turns % 2 === 1 ? [height, width] : [width, height];
  const centre = { x: image.width / 2 / scale, y: image.height / 2 / scale };
  return { number, size: [width, height], turns, upright, skew, centre, lines, found, stamps: read.stamps };
}

/**
 * The page's text in reading order, each table begun on it standing as one placeholder line where it is;
 * `parts` says where each of the page's tables went (a continuation's lines are in the table it continues).
 */
async function pageOf(
  read: PageRead,
  tables: readonly ExtractedTable[],
  parts: readonly TablePart[],
  times: OcrStageTimes | undefined,
): Promise<OcrPage> {
  const { lines: placed, found, size, upright, turns, skew, centre } = read;
  const begun = found.tables.flatMap((t, i) => {
    const part = parts[i];
    const table = part && !part.continuation ? tables[part.table] : undefined;
    return table ? [{ at: t, table }] : [];
  });
  const marks = begun.map(({ at }, i) => ({
    text: tablePlaceholder(i),
    box: {
      left: at.columns[0] ?? 0,
      top: at.top,
      right: at.columns[at.columns.length - 1] ?? 0,
      bottom: at.bottom,
    },
    chars: [],
    confidence: 1,
    block: true,
  }));
  const ordered = await timed(times, 'order', () =>
    readingOrder([...placed.filter((_, i) => !found.lines.has(i)), ...marks], upright[0]),
  );
  const isMark = new Set<object>(marks);
  // Lines read into tables keep their boxes and confidences after the running text's lines.
  const ocrLines = [
    ...ordered.lines.filter((l) => !isMark.has(l)),
    ...placed.filter((_, i) => found.lines.has(i)),
  ];
  // Boxes go out on the page as it lies in the PDF, whichever way the scan was read.
  const rounded = (box: Box): PageBox => {
    const b = unturnBox(skew === 0 ? box : reskewBox(box, skew, centre), turns, size[0], size[1]);
    return [round(b.left), round(b.top), round(b.right), round(b.bottom)];
  };
  const lines: OcrLine[] = ocrLines.map((l) => ({
    text: l.text,
    confidence: round3(l.confidence),
    box: rounded(l.box),
    chars: l.chars.map((c) => ({
      text: c.text,
      confidence: round3(c.confidence),
      box: rounded(c.box),
      ...(c.doubted ? { doubted: c.doubted } : {}),
    })),
  }));
  return {
    number: read.number,
    text: ordered.text,
    size: [round(size[0]), round(size[1])],
    lines,
    confidence: round3(pageConfidence(lines)),
    stamps: read.stamps,
    turns,
    tables: begun.map(({ table }) => table),
  };
}

/**
 * Reads `pageNumbers` (1-based) of the PDF by OCR. Throws OcrLimitError when there are more pages than
 * `limits.maxPages` or when the time limit passes; the time is checked between pages. CPU time by stage
 * is added to `times` when given.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  pageNumbers: readonly number[],
  limits: OcrLimits,
  threads = 1,
  tuning: OcrTuning = DEFAULT_OCR_TUNING,
  times?: OcrStageTimes,
): Promise<OcrPage[]> {
  if (pageNumbers.length > limits.maxPages) {
    throw new OcrLimitError(
      `The PDF needs OCR on ${pageNumbers.length} pages, over the OCR limit of ${limits.maxPages} pages.`,
    );
  }
  const started = Date.now();
  const models = await loadOcrModels(threads, tuning.modelFiles);
  const task = openPdf(bytes);
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await task.promise;
    const jpegOf = await scannerJpegs(bytes);
    const reads: PageRead[] = [];
    for (const number of pageNumbers) {
      const elapsed = Date.now() - started;
      if (elapsed > limits.timeoutMs) {
        throw new OcrLimitError(
          `OCR passed its time limit of ${Math.round(limits.timeoutMs / 1000)} s after ${reads.length} of ${pageNumbers.length} pages.`,
        );
      }
      const page = await doc.getPage(number);
      try {
        reads.push(
          await readPage(page, tuning.pdfJsOnly ? undefined : jpegOf(number), number, models, tuning, times),
        );
      } finally {
        page.cleanup();
      }
    }
    // A ruled table that goes on over the page is one table, as in a text layer.
    const joined = joinContinuedTables(
      reads.map((r) => ({ number: r.number, items: r.found.runs, tables: r.found.tables })),
    );
    const pages: OcrPage[] = [];
    for (const [p, read] of reads.entries()) {
      pages.push(await pageOf(read, joined.tables, joined.parts[p] ?? [], times));
    }
    return pages;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
