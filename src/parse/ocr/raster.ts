/** A page image as canvases give it: RGBA, 8 bits a channel, rows top to bottom. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Bilinear sample of channel `c` at (x, y); coordinates outside the image read the nearest edge pixel,
 * so crops that reach past the page border do not bring in black.
 */
export function sample(image: RgbaImage, x: number, y: number, c: number): number {
  const { width, height, data } = image;
  const cx = Math.min(Math.max(x, 0), width - 1);
  const cy = Math.min(Math.max(y, 0), height - 1);
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(x0 + 1, width - 1);
  const y1 = Math.min(y0 + 1, height - 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const top = (data[(y0 * width + x0) * 4 + c] ?? 0) * (1 - fx) + (data[(y0 * width + x1) * 4 + c] ?? 0) * fx;
  const bottom =
    (data[(y1 * width + x0) * 4 + c] ?? 0) * (1 - fx) + (data[(y1 * width + x1) * 4 + c] ?? 0) * fx;
  return top * (1 - fy) + bottom * fy;
}
