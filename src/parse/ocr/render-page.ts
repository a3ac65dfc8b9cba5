import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RgbaImage } from './raster.js';

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** Renders a page to pixels at `scale` (1 = 72 dpi) on a white background, as printed. */
export async function renderPage(page: PDFPageProxy, scale: number): Promise<RgbaImage> {
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: context as unknown as RenderParameters['canvasContext'],
    viewport,
  }).promise;
  const pixels = context.getImageData(0, 0, width, height);
  return { width, height, data: pixels.data };
}
