import { createRequire } from 'node:module';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { CorruptPdfError } from './errors/corrupt-pdf-error.js';
import { EncryptedPdfError } from './errors/encrypted-pdf-error.js';
import { TooManyPagesError } from './errors/too-many-pages-error.js';
import type { ParsedTable } from './types.js';

export interface PdfText {
  pageCount: number;
  /** Raw text per page, lines separated by "\n", cells on one line separated by "\t". */
  pages: Array<{ number: number; text: string }>;
  /** Ruled tables found from the PDF's vector lines (pdf-parse getTable); empty when none. */
  tables: ParsedTable[];
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

export function pdfjsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  assetUrls ??= pdfjsAssetUrls();
  return assetUrls;
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

/** Extracts text per page (and ruled tables) with pdf-parse v2, enforcing the page limit before reading text. */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions): Promise<PdfText> {
  const { cMapUrl, standardFontDataUrl } = pdfjsAssets();
  // pdfjs may transfer (detach) the buffer it is given; never hand it the caller's bytes.
  const parser = new PDFParse({
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    verbosity: 0,
    isEvalSupported: false,
  });
  const warnings: string[] = [];
  if (!hasEofMarker(bytes))
    warnings.push('no %%EOF marker at the end: the PDF may be truncated; text may be incomplete');
  try {
    const info = await parser.getInfo();
    const pageCount = info.total;
    if (pageCount > options.maxPages) throw new TooManyPagesError(pageCount, options.maxPages);
    const result = await parser.getText({ pageJoiner: '', lineEnforce: true });
    const pages = result.pages.map((p) => ({ number: p.num, text: p.text }));
    let tables: ParsedTable[] = [];
    if (options.tables !== false) {
      try {
        const found = await parser.getTable();
        tables = found.pages.flatMap((p) => p.tables.map((rows) => ({ page: p.num, rows })));
      } catch (error) {
        warnings.push(`table detection failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { pageCount, pages, tables, warnings };
  } catch (error) {
    throw translatePdfError(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
