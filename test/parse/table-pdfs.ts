/** Small PDFs with ruled tables, drawn with pdfkit the way word processors draw them (a box per cell). */
import PDFDocument from 'pdfkit';
import { findCjkFont } from '../../scripts/samples/render-pdf.js';

export type TableSpec = { x: number; widths: number[]; rows: string[][] };

/** The CJK font pdfkit needs, or null on machines without one (tests then skip). */
export function cjkFont(): { path: string; family: string | undefined } | null {
  try {
    return findCjkFont();
  } catch {
    return null;
  }
}

const FONT_SIZE = 10;
const PAD = 3;

/** Draws rows of cells at (x, y); a cell's text wraps inside its width. Returns the y below the table. */
export function drawTable(doc: PDFKit.PDFDocument, table: TableSpec, y: number): number {
  doc.fontSize(FONT_SIZE);
  let top = y;
  for (const row of table.rows) {
    const height =
      Math.max(
        ...row.map((cell, i) => doc.heightOfString(cell, { width: (table.widths[i] ?? 60) - 2 * PAD })),
      ) +
      2 * PAD;
    let x = table.x;
    row.forEach((cell, i) => {
      const w = table.widths[i] ?? 60;
      doc.lineWidth(0.5).rect(x, top, w, height).stroke();
      doc.text(cell, x + PAD, top + PAD, { width: w - 2 * PAD });
      x += w;
    });
    top += height;
  }
  return top;
}

export type PageContent = (doc: PDFKit.PDFDocument) => void;

/** A PDF with one page per callback, in the CJK font. */
export function pdfWith(
  font: { path: string; family: string | undefined },
  pages: PageContent[],
): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date('2025-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  pages.forEach((draw, i) => {
    if (i > 0) doc.addPage();
    draw(doc);
  });
  doc.end();
  return done;
}
