/**
 * DB (differentiable binarisation) post-processing: the detector's probability map → text line boxes.
 * Threshold the map, take each connected region, fit its minimum-area rectangle, score it by the mean
 * probability of its pixels, and grow ("unclip") it, since DB is trained to predict shrunken text regions.
 */
import type { Point } from './raster.js';

export interface ProbabilityMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface DbOptions {
  /** A pixel belongs to text above this probability. */
  threshold: number;
  /** A region is kept when its mean probability reaches this. */
  boxThreshold: number;
  /** How far a region is grown: area × ratio / perimeter on every side. */
  unclipRatio: number;
  /** Regions whose shorter side (in map pixels) is below this are noise. */
  minSide: number;
}

export const DB_DEFAULTS: DbOptions = { threshold: 0.3, boxThreshold: 0.6, unclipRatio: 1.5, minSide: 3 };

/** A rotated rectangle: corners in order top-left, top-right, bottom-right, bottom-left. */
export interface TextBox {
  corners: [Point, Point, Point, Point];
  /** Mean probability of the region's pixels. */
  score: number;
}

/** Connected regions of `map > threshold` (8-connected), as lists of pixel indexes. */
export function textRegions(map: ProbabilityMap, threshold: number): number[][] {
  const { width, height, data } = map;
  const seen = new Uint8Array(width * height);
  const regions: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || (data[start] ?? 0) <= threshold) continue;
    const region: number[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop() as number;
      region.push(p);
      const px = p % width;
      const py = (p - px) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = py + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = px + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (!seen[q] && (data[q] ?? 0) > threshold) {
            seen[q] = 1;
            stack.push(q);
          }
        }
      }
    }
    regions.push(region);
  }
  return regions;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (Andrew's monotone chain), counter-clockwise in a y-down frame; the region's pixel squares count whole. */
export function convexHull(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const lower: Point[] = [];
  for (const p of sorted) {
    while (
      lower.length >= 2 &&
      cross(lower[lower.length - 2] as Point, lower[lower.length - 1] as Point, p) <= 0
    )
      lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Point;
    while (
      upper.length >= 2 &&
      cross(upper[upper.length - 2] as Point, upper[upper.length - 1] as Point, p) <= 0
    )
      upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

export interface RotatedRect {
  center: Point;
  /** Unit vector along the rectangle's width; the angle to the x axis is within ±45°. */
  axis: Point;
  width: number;
  height: number;
}

/** Minimum-area enclosing rectangle of a convex hull (rotating calipers over its edge directions). */
export function minAreaRect(hull: Point[]): RotatedRect {
  let best: { area: number; rect: RotatedRect } | undefined;
  const directions =
    hull.length < 2
      ? [{ x: 1, y: 0 }]
      : hull.map((p, i) => {
          const q = hull[(i + 1) % hull.length] as Point;
          const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
          return { x: (q.x - p.x) / length, y: (q.y - p.y) / length };
        });
  for (const d of directions) {
    // Fold the direction into ±45° of the x axis so that width runs along the text line.
    let u = d.x < 0 ? { x: -d.x, y: -d.y } : d;
    if (Math.abs(u.y) > Math.abs(u.x)) u = u.y > 0 ? { x: u.y, y: -u.x } : { x: -u.y, y: u.x };
    const v = { x: -u.y, y: u.x };
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const pu = p.x * u.x + p.y * u.y;
      const pv = p.x * v.x + p.y * v.y;
      minU = Math.min(minU, pu);
      maxU = Math.max(maxU, pu);
      minV = Math.min(minV, pv);
      maxV = Math.max(maxV, pv);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (!best || area < best.area) {
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        area,
        rect: {
          center: { x: cu * u.x + cv * v.x, y: cu * u.y + cv * v.y },
          axis: u,
          width: maxU - minU,
          height: maxV - minV,
        },
      };
    }
  }
  return (best as { rect: RotatedRect }).rect;
}

/** Grows a rectangle by `distance` on every side (what offsetting a polygon does, less the rounded corners). */
export function unclip(rect: RotatedRect, ratio: number): RotatedRect {
  const area = rect.width * rect.height;
  const perimeter = 2 * (rect.width + rect.height);
  const distance = perimeter === 0 ? 0 : (area * ratio) / perimeter;
  return { ...rect, width: rect.width + 2 * distance, height: rect.height + 2 * distance };
}

export function rectCorners(rect: RotatedRect): [Point, Point, Point, Point] {
  const { center: c, axis: u, width: w, height: h } = rect;
  const v = { x: -u.y, y: u.x };
  const at = (a: number, b: number) => ({ x: c.x + u.x * a + v.x * b, y: c.y + u.y * a + v.y * b });
  return [at(-w / 2, -h / 2), at(w / 2, -h / 2), at(w / 2, h / 2), at(-w / 2, h / 2)];
}

/** Text line boxes in map coordinates; scale them with the detection input's scaleX/scaleY. */
export function decodeBoxes(map: ProbabilityMap, options: DbOptions = DB_DEFAULTS): TextBox[] {
  const boxes: TextBox[] = [];
  for (const region of textRegions(map, options.threshold)) {
    if (region.length < options.minSide * options.minSide) continue;
    let sum = 0;
    // The hull needs only each row's outermost pixels; each pixel counts as its square.
    const rows = new Map<number, [number, number]>();
    for (const p of region) {
      sum += map.data[p] ?? 0;
      const x = p % map.width;
      const y = (p - x) / map.width;
      const row = rows.get(y);
      if (!row) rows.set(y, [x, x]);
      else {
        row[0] = Math.min(row[0], x);
        row[1] = Math.max(row[1], x);
      }
    }
    const points: Point[] = [];
    for (const [y, [min, max]] of rows) {
      points.push({ x: min, y }, { x: min, y: y + 1 }, { x: max + 1, y }, { x: max + 1, y: y + 1 });
    }
    const score = sum / region.length;
    if (score < options.boxThreshold) continue;
    const rect = minAreaRect(convexHull(points));
    if (Math.min(rect.width, rect.height) < options.minSide) continue;
    boxes.push({ corners: rectCorners(unclip(rect, options.unclipRatio)), score });
  }
  return boxes;
}
