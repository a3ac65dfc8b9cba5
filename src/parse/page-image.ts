/** One page of a PDF as a PNG picture, for people to see where a fact was read. */
import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openPdf } from './pdf-text.js';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

export class PageNotFoundError extends Error {
  constructor(page: number, pageCount: number) {
    super(`the document has ${pageCount} page(s), not a page ${page}`);
    this.name = this.constructor.name;
  }
}

/** Renders page `number` (1-based) with its longer side `maxSide` pixels, on white, as a PNG. */
export async function pdfPagePng(bytes: Uint8Array, number: number, maxSide = 1600): Promise<Buffer> {
  const task = openPdf(bytes);
  try {
    const doc = await task.promise;
    if (!Number.isInteger(number) || number < 1 || number > doc.numPages)
      throw new PageNotFoundError(number, doc.numPages);
    const page = await doc.getPage(number);
    const { width, height } = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: maxSide / Math.max(width, height) });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as RenderParameters['canvas'],
      canvasContext: context as unknown as RenderParameters['canvasContext'],
      viewport,
    }).promise;
    page.cleanup();
    return canvas.toBuffer('image/png');
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
