/**
 * The part of a page image that holds ink: the detector need not look at blank margins, which are a third
 * or more of a typical A4 filing page (and most of a signature page).
 */
import type { RgbaImage } from './raster.js';
import type { Box } from './read-lines.js';

/** Darker than this (0–255 luminance) is ink; a scanner's grey edge shading is lighter. */
const INK = 160;
/** Rows and columns read: every STEP-th. */
const STEP = 2;
/** A band of inked rows (or columns) this thin, with blank space around it, is a speck or a scan line, not text. */
const MAX_SPECK_STEPS = 2;
const SPECK_GAP_STEPS = 12;

/** [first, last] index of each run of non-zero counts. */
function bands(counts: Uint32Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i <= counts.length; i++) {
    const inked = i < counts.length && (counts[i] ?? 0) > 0;
    if (inked && start < 0) start = i;
    if (!inked && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}

/** First and last inked index (in steps), leaving out thin bands that stand apart from thicker ones (specks, scan lines). */
function inkedSpan(counts: Uint32Array): [number, number] | undefined {
  const all = bands(counts);
  const thick = all.filter(([from, to]) => to - from + 1 > MAX_SPECK_STEPS);
  const kept = all.filter(
    ([from, to]) =>
      to - from + 1 > MAX_SPECK_STEPS ||
      thick.some(([tFrom, tTo]) => from - tTo <= SPECK_GAP_STEPS && tFrom - to <= SPECK_GAP_STEPS),
  );
  const first = kept[0];
  const last = kept[kept.length - 1];
  return first && last ? [first[0], last[1]] : undefined;
}

/**
 * The box (image pixels, right and bottom exclusive) around the page's ink, grown by `margin` pixels and
 * kept inside the image; undefined for a page with no ink. Columns are found over all rows, then rows
 * over those columns, so that ink in a side margin (a scan line along the edge) does not hold the rows open.
 */
export function inkRegion(image: RgbaImage, margin: number): Box | undefined {
  const { width, height, data } = image;
  // Every other row and column: strokes and rules at the scale OCR renders are wider than that.
  const columns = new Uint32Array(Math.ceil(width / STEP));
  const rows = new Uint32Array(Math.ceil(height / STEP));
  const isInk = (x: number, y: number): boolean => {
    const i = (y * width + x) * 4;
    return 0.299 * (data[i] ?? 255) + 0.587 * (data[i + 1] ?? 255) + 0.114 * (data[i + 2] ?? 255) < INK;
  };
  for (let y = 0; y < height; y += STEP) {
    for (let x = 0; x < width; x += STEP) if (isInk(x, y)) columns[x / STEP] = (columns[x / STEP] ?? 0) + 1;
  }
  const across = inkedSpan(columns);
  if (!across) return undefined;
  for (let y = 0; y < height; y += STEP) {
    let n = 0;
    for (let x = across[0] * STEP; x <= across[1] * STEP; x += STEP) if (isInk(x, y)) n++;
    rows[y / STEP] = n;
  }
  const down = inkedSpan(rows);
  if (!down) return undefined;
  return {
    left: Math.max(0, across[0] * STEP - margin),
    top: Math.max(0, down[0] * STEP - margin),
    right: Math.min(width, (across[1] + 1) * STEP + margin),
    bottom: Math.min(height, (down[1] + 1) * STEP + margin),
  };
}
