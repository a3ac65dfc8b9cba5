/**
 * A page fed into the scanner askew: its text lines all lean by about the same angle. Lines are read along
 * their own tilt (their crops follow the detected quadrilaterals), but reading order and tables work on
 * upright boxes, which a leaning line makes tall enough to overlap its neighbours. So boxes are placed on
 * the page turned back by the lines' common angle, and turned again when they go out.
 */
import { type Point, type RgbaImage, sample } from './raster.js';
import type { Box } from './read-lines.js';

/** Below this the page is taken as straight (scans lean a little anyway). */
const MIN_SKEW = (0.5 * Math.PI) / 180;
/** Beyond this it is not a page fed askew (pages lying sideways are page-turn.ts's business). */
const MAX_SKEW = (30 * Math.PI) / 180;
/** Only boxes this many times wider than high are lines long enough to show their angle. */
const MIN_LINE_ASPECT = 3;

export type Quad = readonly [Point, Point, Point, Point];

/**
 * The angle (radians, clockwise on the image as y grows downwards) the page's lines lean by: the median of
 * the long lines' top edges, weighted by their length; 0 when they are straight or too few to tell.
 */
export function dominantSkew(quads: readonly Quad[]): number {
  const angles: Array<{ angle: number; weight: number }> = [];
  for (const [tl, tr, , bl] of quads) {
    const width = Math.hypot(tr.x - tl.x, tr.y - tl.y);
    const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
    if (width < MIN_LINE_ASPECT * height) continue;
    angles.push({ angle: Math.atan2(tr.y - tl.y, tr.x - tl.x), weight: width });
  }
  if (angles.length < 2) return 0;
  angles.sort((a, b) => a.angle - b.angle);
  const half = angles.reduce((sum, a) => sum + a.weight, 0) / 2;
  let seen = 0;
  const median = angles.find((a) => {
    seen += a.weight;
    return seen >= half;
  })?.angle;
  if (median === undefined || Math.abs(median) < MIN_SKEW || Math.abs(median) > MAX_SKEW) return 0;
  return median;
}

/** `p` turned by `angle` (clockwise on the image) about `centre`. */
export function turnPoint(p: Point, angle: number, centre: Point): Point {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - centre.x;
  const dy = p.y - centre.y;
  return { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos };
}

/** The image turned back by `skew` about its centre (same size; the corners read the nearest edge). */
export function deskewImage(image: RgbaImage, skew: number): RgbaImage {
  const { width, height } = image;
  const centre = { x: width / 2, y: height / 2 };
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Each upright pixel reads where it lies on the leaning scan.
      const at = turnPoint({ x: x + 0.5, y: y + 0.5 }, skew, centre);
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[i + c] = sample(image, at.x - 0.5, at.y - 0.5, c);
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/** A box on the page turned back by `skew` (about `centre`), as it lies on the leaning scan: the bounds of its turned corners. */
export function reskewBox(box: Box, skew: number, centre: Point): Box {
  const corners = [
    { x: box.left, y: box.top },
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
  ].map((p) => turnPoint(p, skew, centre));
  return {
    left: Math.min(...corners.map((p) => p.x)),
    top: Math.min(...corners.map((p) => p.y)),
    right: Math.max(...corners.map((p) => p.x)),
    bottom: Math.max(...corners.map((p) => p.y)),
  };
}
