/**
 * Scans fed in sideways or upside down: the page image turned by quarter turns (clockwise) so that its
 * lines read left to right, boxes found on the turned image taken back to the page, and when a reading
 * suggests the page is not upright.
 */
import type { RgbaImage } from './raster.js';
import type { Box, ReadLines } from './read-lines.js';

/** Clockwise quarter turns. */
export type QuarterTurns = 0 | 1 | 2 | 3;

/** `image` turned clockwise by `turns` quarter turns (a new image; the input is left as it is). */
export function turnImage(image: RgbaImage, turns: QuarterTurns): RgbaImage {
  if (turns === 0) return image;
  const { width: w, height: h, data } = image;
  const width = turns === 2 ? w : h;
  const height = turns === 2 ? h : w;
  const out = new Uint8ClampedArray(data.length);
  const source = new Uint32Array(data.buffer, data.byteOffset, w * h);
  const target = new Uint32Array(out.buffer);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Where pixel (x, y) lands once the image is turned.
      const [u, v] = turns === 1 ? [h - 1 - y, x] : turns === 2 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      target[v * width + u] = source[y * w + x] as number;
    }
  }
  return { width, height, data: out };
}

/**
 * A box found on the image turned by `turns`, in the frame of the page before turning, whose sides were
 * `width` × `height` (in the box's units).
 */
export function unturnBox(box: Box, turns: QuarterTurns, width: number, height: number): Box {
  // Each corner of the turned frame maps back to the page: (u, v) → (x, y).
  const back = (u: number, v: number): [number, number] =>
    turns === 1
      ? [v, height - u]
      : turns === 2
        ? [width - u, height - v]
        : turns === 3
          ? [width - v, u]
          : [u, v];
  const [x0, y0] = back(box.left, box.top);
  const [x1, y1] = back(box.right, box.bottom);
  return { left: Math.min(x0, x1), top: Math.min(y0, y1), right: Math.max(x0, x1), bottom: Math.max(y0, y1) };
}

/** Most text regions standing upright: the page was scanned sideways. */
const SIDEWAYS_SHARE = 0.5;
/** Fewer lines read than this share of the text regions: the page may be upside down. */
const MIN_READ_SHARE = 0.5;
/** Too few regions to judge a page's orientation by. */
const MIN_REGIONS = 3;

/** The turns worth trying after reading the page as it is: none for a page that read as upright. */
export function turnsToTry(read: ReadLines): QuarterTurns[] {
  if (read.regions < MIN_REGIONS) return [];
  if (read.tall > read.regions * SIDEWAYS_SHARE) return [1, 3];
  if (read.lines.length < read.regions * MIN_READ_SHARE) return [2];
  return [];
}

/** How much a reading read: its characters weighed by their lines' confidence. */
export function readingScore(read: ReadLines): number {
  return read.lines.reduce((sum, l) => sum + l.confidence * l.text.length, 0);
}
