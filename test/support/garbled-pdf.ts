/**
 * PDFs whose text layer is there but unusable, as broken producers write them: the page shows printed
 * Chinese (a picture here), and the invisible text layer under it reads as junk.
 */
import {
  PDFDict,
  PDFDocument,
  PDFName,
  StandardFonts,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { scannedPng } from './scanned-pdf.js';

/**
 * - `private-use`: every glyph's ToUnicode entry points into the Private Use Area (U+E000…).
 * - `mojibake`: no ToUnicode, so the font's Latin encoding shows, as UTF-8 read as Latin-1 looks.
 */
export type Garbling = 'private-use' | 'mojibake';

/** A ToUnicode CMap sending the printable ASCII codes to U+E021…U+E07E. */
function privateUseCMap(): string {
  const entries: string[] = [];
  for (let code = 0x21; code <= 0x7e; code++) {
    const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
    entries.push(`<${hex(code, 2)}> <${hex(0xe000 + code, 4)}>`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CMapName /Garbled def',
    '/CMapType 2 def',
    '1 begincodespacerange <00> <FF> endcodespacerange',
    `${entries.length} beginbfchar`,
    ...entries,
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** One page per entry: the lines printed on a page image, and `layer` as the page's invisible text. */
export async function garbledPdf(
  pages: ReadonlyArray<{ lines: readonly string[]; layer: readonly string[] }>,
  garbling: Garbling,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const { lines, layer } of pages) {
    const page = doc.addPage([595.28, 841.89]);
    const image = await doc.embedPng(scannedPng(lines));
    page.drawImage(image, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
    page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    layer.forEach((text, i) => {
      page.drawText(text, { x: 72, y: 760 - i * 24, size: 12, font });
    });
  }
  if (garbling === 'private-use') {
    await font.embed();
    const dict = doc.context.lookup(font.ref, PDFDict);
    dict.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(privateUseCMap())));
  }
  return doc.save();
}
