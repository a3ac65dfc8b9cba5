/**
 * Pages that are one JPEG filling the page, as scanners write them: their image is decoded natively
 * (libjpeg-turbo in @napi-rs/canvas) and drawn to the OCR scale, some five times cheaper than pdf.js, which
 * decodes JPEG in JavaScript. Anything else on the page, or an image pdf.js would draw differently (a mask,
 * a decode array, another colour space, a turned or offset page), goes through pdf.js as before.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFPage,
  PDFRawStream,
} from 'pdf-lib';
import type { RgbaImage } from './raster.js';

type Matrix = [number, number, number, number, number, number];

/** `m` applied after `n` (PDF's row-vector order: the `cm` operator sets CTM to m × CTM). */
function times(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/**
 * The name of the one XObject the content stream paints, with the transform it is painted under, when the
 * stream does nothing else (only q, Q, cm and one Do; comments aside).
 */
export function onlyPaintedXObject(content: string): { name: string; matrix: Matrix } | undefined {
  const tokens = content
    .replace(/%[^\r\n]*/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  const operands: string[] = [];
  let painted: { name: string; matrix: Matrix } | undefined;
  for (const token of tokens) {
    if (token === 'q' && operands.length === 0) saved.push(ctm);
    else if (token === 'Q' && operands.length === 0) ctm = saved.pop() ?? ctm;
    else if (token === 'cm' && operands.length === 6) {
      const m = operands.map(Number);
      if (m.some((v) => !Number.isFinite(v))) return undefined;
      ctm = times(m as Matrix, ctm);
    } else if (token === 'Do' && operands.length === 1 && !painted && operands[0]?.startsWith('/')) {
      painted = { name: operands[0].slice(1), matrix: ctm };
    } else if (/^[-+.\d]/.test(token) || token.startsWith('/')) {
      operands.push(token);
      continue;
    } else return undefined;
    operands.length = 0;
  }
  return operands.length === 0 ? painted : undefined;
}

function contentOf(page: PDFPage): string | undefined {
  const contents = page.node.Contents();
  const parts = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  let text = '';
  for (const part of parts) {
    const stream = page.doc.context.lookup(part);
    if (!(stream instanceof PDFRawStream)) return undefined;
    text += `${Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1')}\n`;
  }
  return text;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 0.5;

/** The JPEG bytes of a page that is only a JPEG drawn upright over the whole page, else undefined. */
function pageJpeg(page: PDFPage): Uint8Array | undefined {
  const media = page.getMediaBox();
  const crop = page.getCropBox();
  if (page.getRotation().angle % 360 !== 0 || media.x !== 0 || media.y !== 0) return undefined;
  if (crop.x !== media.x || crop.y !== media.y || crop.width !== media.width || crop.height !== media.height)
    return undefined;
  const content = contentOf(page);
  const painted = content === undefined ? undefined : onlyPaintedXObject(content);
  if (!painted) return undefined;
  const [a, b, c, d, e, f] = painted.matrix;
  if (
    !near(a, media.width) ||
    !near(d, media.height) ||
    !near(b, 0) ||
    !near(c, 0) ||
    !near(e, 0) ||
    !near(f, 0)
  )
    return undefined;
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const image = xobjects?.lookup(PDFName.of(painted.name));
  if (!(image instanceof PDFRawStream)) return undefined;
  const dict = image.dict;
  const name = (key: string) => dict.lookup(PDFName.of(key))?.toString();
  const filter = dict.lookup(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray().map(String) : [String(filter)];
  if (name('Subtype') !== '/Image' || filters.length !== 1 || filters[0] !== '/DCTDecode') return undefined;
  if (!['/DeviceRGB', '/DeviceGray'].includes(name('ColorSpace') ?? '') || name('BitsPerComponent') !== '8')
    return undefined;
  if (['SMask', 'Mask', 'Decode', 'ImageMask'].some((key) => dict.has(PDFName.of(key)))) return undefined;
  return image.contents;
}

/**
 * For each page number (1-based), the JPEG that is the whole page, where it is one; a PDF pdf-lib cannot
 * read (encrypted, damaged) has none, and pdf.js renders it.
 */
export async function scannerJpegs(bytes: Uint8Array): Promise<(page: number) => Uint8Array | undefined> {
  let pages: PDFPage[];
  try {
    pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPages();
  } catch {
    return () => undefined;
  }
  return (number) => {
    const page = pages[number - 1];
    try {
      return page ? pageJpeg(page) : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Start-of-frame markers (baseline, progressive, …); C4, C8 and CC are other segments. */
const START_OF_FRAME = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);

/** The JPEG's size in pixels, read from its frame header without decoding it; undefined when it has none. */
export function jpegPixelSize(jpeg: Uint8Array): { width: number; height: number } | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) return undefined;
    const marker = jpeg[at + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = ((jpeg[at + 2] ?? 0) << 8) | (jpeg[at + 3] ?? 0);
    if (START_OF_FRAME.has(marker)) {
      const height = ((jpeg[at + 5] ?? 0) << 8) | (jpeg[at + 6] ?? 0);
      const width = ((jpeg[at + 7] ?? 0) << 8) | (jpeg[at + 8] ?? 0);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    at += 2 + length;
  }
  return undefined;
}

/** The JPEG decoded and drawn to `width` × `height` pixels, as pdf.js would draw the page. */
export async function drawJpeg(jpeg: Uint8Array, width: number, height: number): Promise<RgbaImage> {
  const image = await loadImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  return { width, height, data: pixels.data };
}
