import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Point, RgbaImage } from '../../src/parse/ocr/raster.js';
import { deskewImage, dominantSkew, type Quad, reskewBox, turnPoint } from '../../src/parse/ocr/skew.js';

const DEGREE = Math.PI / 180;

/** A line's quadrilateral: `width` × `height` from (x, y), leaning by `degrees`. */
function line(x: number, y: number, width: number, height: number, degrees: number): Quad {
  const a = degrees * DEGREE;
  const along = { x: Math.cos(a), y: Math.sin(a) };
  const down = { x: -Math.sin(a), y: Math.cos(a) };
  const at = (u: number, v: number): Point => ({
    x: x + u * along.x + v * down.x,
    y: y + u * along.y + v * down.y,
  });
  return [at(0, 0), at(width, 0), at(width, height), at(0, height)];
}

describe('pages fed in askew', () => {
  it('takes the long lines’ common angle, and none for a straight page or too little to tell', () => {
    const lines = [line(100, 100, 800, 30, 7), line(100, 160, 700, 30, 7.4), line(100, 220, 600, 30, 6.8)];
    assert.ok(Math.abs(dominantSkew(lines) - 7 * DEGREE) < 0.5 * DEGREE);
    // Short pieces (a page number, a table cell) do not count; one line alone is not enough.
    assert.ok(
      Math.abs(
        dominantSkew([...lines, line(500, 900, 40, 30, -40), line(500, 950, 40, 30, -40)]) - 7 * DEGREE,
      ) <
        0.5 * DEGREE,
    );
    assert.equal(dominantSkew([line(100, 100, 800, 30, 7)]), 0);
    assert.equal(dominantSkew([line(100, 100, 800, 30, 0.2), line(100, 160, 800, 30, -0.2)]), 0);
    // Beyond 30° it is not a skew (page-turn.ts turns pages lying sideways).
    assert.equal(dominantSkew([line(100, 100, 800, 30, 60), line(100, 160, 800, 30, 60)]), 0);
  });

  it('turns points and boxes about the centre, there and back', () => {
    const centre = { x: 100, y: 50 };
    const p = turnPoint({ x: 200, y: 50 }, 90 * DEGREE, centre);
    assert.ok(Math.abs(p.x - 100) < 1e-9 && Math.abs(p.y - 150) < 1e-9);
    const back = turnPoint(p, -90 * DEGREE, centre);
    assert.ok(Math.abs(back.x - 200) < 1e-9 && Math.abs(back.y - 50) < 1e-9);
    // An upright line box 100 × 10 on the turned-back page spans 100 × (10 + 100 sin 10°) on the scan.
    const box = reskewBox({ left: 50, top: 45, right: 150, bottom: 55 }, 10 * DEGREE, centre);
    assert.ok(
      Math.abs(box.right - box.left - (100 * Math.cos(10 * DEGREE) + 10 * Math.sin(10 * DEGREE))) < 1e-9,
    );
    assert.ok(
      Math.abs(box.bottom - box.top - (10 * Math.cos(10 * DEGREE) + 100 * Math.sin(10 * DEGREE))) < 1e-9,
    );
  });

  it('turns the image back, so that a leaning rule lies flat', () => {
    const width = 200;
    const height = 100;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    // A dark rule through the centre, leaning by 5°.
    for (let x = 20; x < 180; x++) {
      const y = Math.round(50 + (x - 100) * Math.tan(5 * DEGREE));
      data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
    const flat = deskewImage({ width, height, data } as RgbaImage, 5 * DEGREE);
    const darkRows = new Set<number>();
    for (let y = 0; y < height; y++)
      for (let x = 40; x < 160; x++) if ((flat.data[(y * width + x) * 4] ?? 255) < 128) darkRows.add(y);
    assert.ok(darkRows.size <= 2 && [...darkRows].every((y) => Math.abs(y - 50) <= 1), [...darkRows].join());
  });
});
