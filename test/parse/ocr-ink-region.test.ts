import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectionInput } from '../../src/parse/ocr/detection-input.js';
import { inkRegion } from '../../src/parse/ocr/ink-region.js';
import type { RgbaImage } from '../../src/parse/ocr/raster.js';

const WHITE: [number, number, number] = [255, 255, 255];
const BLACK: [number, number, number] = [0, 0, 0];

function image(width: number, height: number, ink: (x: number, y: number) => boolean): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = ink(x, y) ? BLACK : WHITE;
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}

const inBox = (x: number, y: number, l: number, t: number, r: number, b: number) =>
  x >= l && x < r && y >= t && y < b;

describe('ink region (the part of a page the detector reads)', () => {
  it('is the box around the ink, grown by the margin and kept inside the image', () => {
    const page = image(
      400,
      600,
      (x, y) => inBox(x, y, 100, 150, 300, 170) || inBox(x, y, 100, 400, 250, 420),
    );
    assert.deepEqual(inkRegion(page, 10), { left: 90, top: 140, right: 310, bottom: 430 });
    assert.deepEqual(inkRegion(page, 1000), { left: 0, top: 0, right: 400, bottom: 600 });
  });

  it('is undefined on a blank page, and leaves out specks and a scan line along an edge', () => {
    assert.equal(
      inkRegion(
        image(200, 300, () => false),
        8,
      ),
      undefined,
    );
    const page = image(400, 600, (x, y) => {
      const text = inBox(x, y, 100, 150, 300, 170);
      const speck = inBox(x, y, 380, 560, 382, 562);
      const edgeLine = x === 396;
      return text || speck || edgeLine;
    });
    assert.deepEqual(inkRegion(page, 0), { left: 100, top: 150, right: 300, bottom: 170 });
  });

  it('keeps a thin rule that stands next to text (a table’s edge)', () => {
    const page = image(
      400,
      600,
      (x, y) => inBox(x, y, 100, 150, 300, 170) || inBox(x, y, 100, 180, 300, 181),
    );
    assert.deepEqual(inkRegion(page, 0), { left: 100, top: 150, right: 300, bottom: 182 });
  });
});

describe('detector input of a region', () => {
  it('reads the region at the scale of the whole page, its map placed back by the offsets', () => {
    const page = image(1190, 1684, (x, y) => inBox(x, y, 200, 300, 600, 340));
    const whole = detectionInput(page, 960);
    const part = detectionInput(page, 960, { left: 160, top: 256, right: 640, bottom: 384 });
    assert.deepEqual([part.scaleX, part.scaleY], [whole.scaleX, whole.scaleY]);
    assert.equal((part.dims[2] ?? 0) % 32, 0);
    assert.equal((part.dims[3] ?? 0) % 32, 0);
    assert.deepEqual([part.offsetX, part.offsetY], [160, 256]);
    assert.ok(part.data.length < whole.data.length / 10);
    // The map's pixel over the ink's top-left corner reads ink in both inputs (blue plane, normalised black).
    const black = (0 - 0.406) / 0.225;
    const at = (input: typeof whole, x: number, y: number) => {
      const [, , , w] = input.dims;
      const mx = Math.round((x - input.offsetX) / input.scaleX);
      const my = Math.round((y - input.offsetY) / input.scaleY);
      return input.data[my * w + mx] ?? 0;
    };
    assert.ok(Math.abs(at(whole, 210, 310) - black) < 0.1);
    assert.ok(Math.abs(at(part, 210, 310) - black) < 0.1);
    // A region at the page's edge is grown inwards, not past the page.
    const corner = detectionInput(page, 960, { left: 1150, top: 1650, right: 1190, bottom: 1684 });
    assert.ok(corner.offsetX + (corner.dims[3] ?? 0) * corner.scaleX <= 1190 + 1e-6);
    assert.ok(corner.offsetY + (corner.dims[2] ?? 0) * corner.scaleY <= 1684 + 1e-6);
    assert.ok(corner.offsetX >= 0 && corner.offsetY >= 0);
  });
});
