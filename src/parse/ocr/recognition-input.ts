import { type Point, type RgbaImage, sample } from './raster.js';

/** PP-OCRv4 recognisers read lines 48 pixels high. */
export const LINE_HEIGHT = 48;
const RGBA_CHANNEL = [2, 1, 0] as const;

/** A line's crop, already resized to LINE_HEIGHT and normalised to [-1, 1], as one CHW plane triple. */
export interface LineCrop {
  data: Float32Array;
  width: number;
}

/**
 * Samples the quadrilateral `corners` (top-left, top-right, bottom-right, bottom-left) of `image` straight
 * into a LINE_HEIGHT-high strip: rotation, crop and resize in one bilinear pass. `widthScale` below 1
 * squeezes the line horizontally: the recogniser's time grows with the strip's width.
 */
export function cropLine(
  image: RgbaImage,
  corners: readonly [Point, Point, Point, Point],
  maxWidth: number,
  widthScale = 1,
): LineCrop {
  const [tl, tr, , bl] = corners;
  const boxWidth = Math.hypot(tr.x - tl.x, tr.y - tl.y);
  const boxHeight = Math.hypot(bl.x - tl.x, bl.y - tl.y) || 1;
  const width = Math.max(
    LINE_HEIGHT / 4,
    Math.min(maxWidth, Math.ceil((widthScale * LINE_HEIGHT * boxWidth) / boxHeight)),
  );
  const plane = width * LINE_HEIGHT;
  const data = new Float32Array(3 * plane);
  const ux = (tr.x - tl.x) / width;
  const uy = (tr.y - tl.y) / width;
  const vx = (bl.x - tl.x) / LINE_HEIGHT;
  const vy = (bl.y - tl.y) / LINE_HEIGHT;
  for (let j = 0; j < LINE_HEIGHT; j++) {
    for (let i = 0; i < width; i++) {
      const x = tl.x + (i + 0.5) * ux + (j + 0.5) * vx - 0.5;
      const y = tl.y + (i + 0.5) * uy + (j + 0.5) * vy - 0.5;
      for (let c = 0; c < 3; c++) {
        data[c * plane + j * width + i] = sample(image, x, y, RGBA_CHANNEL[c] ?? 0) / 127.5 - 1;
      }
    }
  }
  return { data, width };
}
