import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type QuarterTurns, turnImage, turnsToTry, unturnBox } from '../../src/parse/ocr/page-turn.js';
import type { RgbaImage } from '../../src/parse/ocr/raster.js';

/** A white 40 × 20 image with one black pixel at (x, y). */
function dot(x: number, y: number): RgbaImage {
  const data = new Uint8ClampedArray(40 * 20 * 4).fill(255);
  data.fill(0, (y * 40 + x) * 4, (y * 40 + x) * 4 + 3);
  return { width: 40, height: 20, data };
}

function blackPixel(image: RgbaImage): [number, number] {
  for (let p = 0; p < image.width * image.height; p++) {
    if (image.data[p * 4] === 0) return [p % image.width, Math.floor(p / image.width)];
  }
  return [-1, -1];
}

describe('pages scanned sideways or upside down', () => {
  it('turns the image clockwise, and takes a box on the turned image back to the page', () => {
    const page = dot(5, 3);
    const expected: Record<QuarterTurns, [number, number]> = {
      0: [5, 3],
      1: [16, 5],
      2: [34, 16],
      3: [3, 34],
    };
    for (const turns of [0, 1, 2, 3] as const) {
      const turned = turnImage(page, turns);
      assert.deepEqual([turned.width, turned.height], turns % 2 ? [20, 40] : [40, 20]);
      const [u, v] = blackPixel(turned);
      assert.deepEqual([u, v], expected[turns], `${turns} turns`);
      // The pixel's square on the turned image is the pixel's square on the page.
      assert.deepEqual(unturnBox({ left: u, top: v, right: u + 1, bottom: v + 1 }, turns, 40, 20), {
        left: 5,
        top: 3,
        right: 6,
        bottom: 4,
      });
    }
  });

  it('tries a quarter turn either way when most lines stand upright, half a turn when few read', () => {
    const read = (lines: number, regions: number, tall: number) => ({
      lines: Array.from({ length: lines }, () => ({
        text: '文字',
        confidence: 0.9,
        box: { left: 0, top: 0, right: 1, bottom: 1 },
        chars: [],
      })),
      stamps: 0,
      regions,
      tall,
      skew: 0,
    });
    assert.deepEqual(turnsToTry(read(10, 10, 0)), []);
    assert.deepEqual(turnsToTry(read(0, 10, 8)), [1, 3]);
    assert.deepEqual(turnsToTry(read(2, 10, 0)), [2]);
    // A page with a word or two is not turned on so little evidence.
    assert.deepEqual(turnsToTry(read(0, 2, 2)), []);
  });
});
