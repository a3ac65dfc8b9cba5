import type { RgbaImage } from './raster.js';

/** Seals and stamps are red; text is black or blue. */
const INK_LUMINANCE = 200;
const RED_MARGIN = 50;
/** A line whose ink is at least this red is a stamp, not text. */
const RED_SHARE = 0.5;

/** True when most of the ink inside the axis-aligned box is red: a seal or stamp, not text. */
export function isMostlyRed(
  image: RgbaImage,
  box: { left: number; top: number; right: number; bottom: number },
): boolean {
  const x0 = Math.max(0, Math.floor(box.left));
  const y0 = Math.max(0, Math.floor(box.top));
  const x1 = Math.min(image.width, Math.ceil(box.right));
  const y1 = Math.min(image.height, Math.ceil(box.bottom));
  let ink = 0;
  let red = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const r = image.data[i] ?? 255;
      const g = image.data[i + 1] ?? 255;
      const b = image.data[i + 2] ?? 255;
      if (0.299 * r + 0.587 * g + 0.114 * b > INK_LUMINANCE && r - Math.max(g, b) < RED_MARGIN) continue;
      ink++;
      if (r - g > RED_MARGIN && r - b > RED_MARGIN) red++;
    }
  }
  return ink > 0 && red / ink >= RED_SHARE;
}
