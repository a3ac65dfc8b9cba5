/** Scanned-looking PDFs for OCR tests: Chinese lines drawn with a CJK font onto a page image, no text layer. */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { findCjkFont } from '../../scripts/samples/render-pdf.js';
import { openPdf } from '../../src/parse/pdf-text.js';

/** A4 at 150 dpi, as an office scanner saves it. */
const PAGE_PIXELS = { width: 1240, height: 1754 };
const FAMILY = 'FinkgTestCjk';
let registered = false;

export interface ScanOptions {
  /** Glyph size in pixels (22 ≈ 10.5 pt at 150 dpi). */
  fontSize?: number;
  /** A red ring and red characters stamped over the last lines, as a company seal. */
  seal?: boolean;
  /** A table ruled on every side, drawn under the lines (cells' text from their top-left corner). */
  table?: { rows: ReadonlyArray<readonly string[]>; columnWidths: readonly number[] };
  /** Lines drawn under the table. */
  after?: readonly string[];
  /** The page fed into the scanner askew: everything drawn turned by this many degrees (clockwise). */
  skewDegrees?: number;
  /**
   * A landscape page (the lines drawn across its long side) scanned into a portrait image, turned this many
   * degrees clockwise: its lines run down (90) or up (270) the scan.
   */
  sideways?: 90 | 270;
  /** Saved as JPEG, as most scanners save pages (PNG otherwise). */
  jpeg?: boolean;
}

/** A page image with `lines` drawn from the top-left margin, one line each (PNG, or JPEG when asked). */
export function scannedPng(lines: readonly string[], options: ScanOptions = {}): Buffer {
  if (!registered) {
    GlobalFonts.registerFromPath(findCjkFont().path, FAMILY);
    registered = true;
  }
  const size = options.fontSize ?? 26;
  const canvas = options.sideways
    ? createCanvas(PAGE_PIXELS.height, PAGE_PIXELS.width)
    : createCanvas(PAGE_PIXELS.width, PAGE_PIXELS.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (options.skewDegrees) {
    ctx.translate(PAGE_PIXELS.width / 2, PAGE_PIXELS.height / 2);
    ctx.rotate((options.skewDegrees * Math.PI) / 180);
    ctx.translate(-PAGE_PIXELS.width / 2, -PAGE_PIXELS.height / 2);
  }
  ctx.fillStyle = '#1a1a1a';
  ctx.font = `${size}px ${FAMILY}`;
  ctx.textBaseline = 'top';
  lines.forEach((line, i) => {
    ctx.fillText(line, 150, 160 + i * size * 1.9);
  });
  if (options.table) {
    const { rows, columnWidths } = options.table;
    const top = 160 + lines.length * size * 1.9 + size;
    const rowHeight = Math.round(size * 2.2);
    const xs = [150];
    for (const w of columnWidths) xs.push((xs[xs.length - 1] ?? 0) + w);
    const bottom = top + rows.length * rowHeight;
    ctx.strokeStyle = '#1a1a1a';
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let r = 0; r <= rows.length; r++) {
      ctx.moveTo(150, top + r * rowHeight);
      ctx.lineTo(xs[xs.length - 1] ?? 150, top + r * rowHeight);
    }
    for (const x of xs) {
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
    }
    ctx.stroke();
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        ctx.fillText(cell, (xs[c] ?? 150) + 12, top + r * rowHeight + (rowHeight - size) / 2);
      });
    });
    (options.after ?? []).forEach((line, i) => {
      ctx.fillText(line, 150, bottom + size + i * size * 1.9);
    });
  }
  if (options.seal) {
    const x = 900;
    const y = 160 + lines.length * size * 1.9;
    ctx.strokeStyle = '#d42a2a';
    ctx.fillStyle = '#d42a2a';
    ctx.lineWidth = 6;
    ctx.beginPath();
    ctx.arc(x, y, 110, 0, Math.PI * 2);
    ctx.stroke();
    ctx.font = `${size + 6}px ${FAMILY}`;
    ctx.fillText('公司印章专用', x - 95, y - 18);
  }
  if (options.sideways) {
    const portrait = createCanvas(PAGE_PIXELS.width, PAGE_PIXELS.height);
    const turn = portrait.getContext('2d');
    turn.translate(PAGE_PIXELS.width / 2, PAGE_PIXELS.height / 2);
    turn.rotate((options.sideways * Math.PI) / 180);
    turn.drawImage(canvas, -PAGE_PIXELS.height / 2, -PAGE_PIXELS.width / 2);
    return options.jpeg ? portrait.toBuffer('image/jpeg', 85) : portrait.toBuffer('image/png');
  }
  return options.jpeg ? canvas.toBuffer('image/jpeg', 85) : canvas.toBuffer('image/png');
}

/** An image-only PDF, one scanned page per entry (an empty entry is a blank page). */
export function scannedPdf(
  pages: ReadonlyArray<readonly string[]>,
  options: ScanOptions = {},
): Promise<Uint8Array> {
  return imagePdf(pages.map((lines) => scannedPng(lines, options)));
}

/** An image-only PDF whose pages each have their own lines and options (a table going on over pages). */
export function scannedPdfPages(
  pages: ReadonlyArray<{ lines: readonly string[]; options?: ScanOptions }>,
): Promise<Uint8Array> {
  return imagePdf(pages.map((page) => scannedPng(page.lines, page.options)));
}

/** A PDF of one full-page picture per image, A4. */
function imagePdf(images: readonly Buffer[]): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    info: { CreationDate: new Date('2025-01-01T00:00:00Z') },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  for (const image of images) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(image, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}

/** The scanned twin of a PDF: each page printed to a 150 dpi picture, the text layer gone. */
export async function scannedTwin(pdf: Uint8Array): Promise<Uint8Array> {
  const task = openPdf(pdf);
  try {
    const doc = await task.promise;
    const images: Buffer[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 150 / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      type Render = Parameters<typeof page.render>[0];
      await page.render({
        canvas: canvas as unknown as Render['canvas'],
        canvasContext: context as unknown as Render['canvasContext'],
        viewport,
      }).promise;
      images.push(canvas.toBuffer('image/png'));
    }
    return await imagePdf(images);
  } finally {
    await task.destroy();
  }
}
