import { createRequire } from 'node:module';
import path from 'node:path';
import {
  getDocument,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import { joinContinuedTables } from './continued-tables.js';
import { CorruptPdfError } from './errors/corrupt-pdf-error.js';
import { EncryptedPdfError } from './errors/encrypted-pdf-error.js';
import { TooManyPagesError } from './errors/too-many-pages-error.js';
import { type PdfTextItem, pageTextFromItems } from './pdf-page-text.js';
import { rulingsFromOperators } from './pdf-rulings.js';
import { findPageTables, type PdfPageTable } from './pdf-tables.js';
import { type ExtractedTable, tablePlaceholder } from './table-rows.js';

export interface PdfText {
  pageCount: number;
  /**
   * Raw text per page, lines separated by "\n", cells on one line separated by "\t". With table detection on,
   * each table is one placeholder line (see table-rows.ts) on the page it starts on.
   */
  pages: Array<{
    number: number;
    text: string;
    /** Every run of the page's text layer, tables' cells and a continued table's rows included. */
    layer: string;
  }>;
  /** Ruled tables; tables[i] belongs to placeholder i. A table continued over pages is one table. */
  tables: ExtractedTable[];
  warnings: string[];
}

export interface PdfTextOptions {
  maxPages: number;
  /** Table detection walks every drawing operator; it can be switched off for speed. Default true. */
  tables?: boolean;
}

/** Directory URLs of pdfjs assets. Without the CMaps, CJK fonts using predefined CMaps yield empty text. */
function pdfjsAssetUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  // pdfjs in Node reads these with fs; a trailing separator is required.
  const toDir = (sub: string) => `${path.join(root, sub)}${path.sep}`;
  return { cMapUrl: toDir('cmaps'), standardFontDataUrl: toDir('standard_fonts') };
}

let assetUrls: { cMapUrl: string; standardFontDataUrl: string } | undefined;

function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  assetUrls ??= pdfjsAssetUrls();
  return assetUrls;
}

/**
 * Opens a PDF with pdfjs as every reader here does (CMaps and fonts, no eval). pdfjs may transfer
 * (detach) the buffer it is given, so it gets a copy, never the caller's bytes.
 */
export function openPdf(bytes: Uint8Array): PDFDocumentLoadingTask {
  return getDocument({
    data: new Uint8Array(bytes),
    ...pdfjsAssets(),
    cMapPacked: true,
    verbosity: 0,
    isEvalSupported: false,
  });
}

function translatePdfError(error: unknown): unknown {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new EncryptedPdfError(error);
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new CorruptPdfError(message || name, error);
  }
  if (/password/i.test(message)) return new EncryptedPdfError(error);
  if (/invalid pdf|bad xref|xref|unexpected end|corrupt|trailer|startxref/i.test(message)) {
    return new CorruptPdfError(message, error);
  }
  return error;
}

function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(-1024)
    .toString('latin1');
  return tail.includes('%%EOF');
}

interface PageRead {
  items: PdfTextItem[];
  tables: PdfPageTable[];
}

async function readPage(page: PDFPageProxy, findTables: boolean): Promise<PageRead> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [x = 0, y = 0] = viewport.convertToViewportPoint(item.transform[4], item.transform[5]);
    items.push({ str: item.str, x, y, width: item.width, height: item.height, hasEOL: item.hasEOL });
  }
  // Rotated pages would need rotated geometry; their tables stay text.
  if (!findTables || viewport.rotation !== 0) return { items, tables: [] };
  const operators = await page.getOperatorList();
  return { items, tables: findPageTables(items, rulingsFromOperators(operators, viewport.transform)) };
}

/**
 * Tables of the whole document (continued-tables.ts) and, per page, item → placeholder ('' for runs of a
 * continuation, which are written with the table they continue).
 */
function collectTables(pages: PageRead[]): {
  tables: ExtractedTable[];
  replaced: Array<Map<number, string>>;
} {
  const { tables, parts } = joinContinuedTables(pages.map((read, p) => ({ number: p + 1, ...read })));
  const replaced = pages.map((read, p) => {
    const map = new Map<number, string>();
    read.tables.forEach((table, t) => {
      const part = parts[p]?.[t];
      if (!part) return;
      for (const i of table.items) map.set(i, part.continuation ? '' : tablePlaceholder(part.table));
    });
    return map;
  });
  return { tables, replaced };
}

/** Extracts text per page (and ruled tables) with pdfjs, enforcing the page limit before reading text. */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions): Promise<PdfText> {
  const warnings: string[] = [];
  if (!hasEofMarker(bytes))
    warnings.push('no %%EOF marker at the end: the PDF may be truncated; text may be incomplete');
  const task = openPdf(bytes);
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await task.promise;
    const pageCount = doc.numPages;
    if (pageCount > options.maxPages) throw new TooManyPagesError(pageCount, options.maxPages);
    const findTables = options.tables !== false;
    const reads: PageRead[] = [];
    for (let n = 1; n <= pageCount; n++) {
      const page = await doc.getPage(n);
      try {
        reads.push(await readPage(page, findTables));
      } catch (error) {
        if (!findTables) throw error;
        warnings.push(
          `table detection failed on page ${n}: ${error instanceof Error ? error.message : String(error)}`,
        );
        reads.push(await readPage(page, false));
      } finally {
        page.cleanup();
      }
    }
    const { tables, replaced } = collectTables(reads);
    const pages = reads.map((read, i) => ({
      number: i + 1,
      text: pageTextFromItems(read.items, replaced[i]),
      layer: read.items.map((item) => item.str).join('\n'),
    }));
    return { pageCount, pages, tables, warnings };
  } catch (error) {
    throw translatePdfError(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
