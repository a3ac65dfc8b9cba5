import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { characterErrorRate } from '../../src/eval/character-error-rate.js';
import { parseAnnouncementHeader } from '../../src/parse/announcement-header.js';
import { charSpans, ctcFromBest, ctcGreedy, parseCharset } from '../../src/parse/ocr/ctc.js';
import { DB_DEFAULTS, decodeBoxes, type ProbabilityMap } from '../../src/parse/ocr/db-boxes.js';
import { detectionInput, detectionSize } from '../../src/parse/ocr/detection-input.js';
import type { RgbaImage } from '../../src/parse/ocr/raster.js';
import { spanBox } from '../../src/parse/ocr/read-lines.js';
import { readingOrder } from '../../src/parse/ocr/reading-order.js';
import { cropLine, LINE_HEIGHT } from '../../src/parse/ocr/recognition-input.js';
import { isMostlyRed } from '../../src/parse/ocr/seal.js';
import { tablePlaceholder } from '../../src/parse/table-rows.js';

/** Steps of one-hot-ish probabilities over `classes`, the winner of each step getting `p`. */
function steps(winners: number[], classes: number, p = 0.9): Float32Array {
  const out = new Float32Array(winners.length * classes).fill((1 - p) / (classes - 1));
  winners.forEach((w, t) => {
    out[t * classes + w] = p;
  });
  return out;
}

function filledMap(width: number, height: number, rects: Array<[number, number, number, number, number]>) {
  const map: ProbabilityMap = { width, height, data: new Float32Array(width * height) };
  for (const [x0, y0, x1, y1, p] of rects)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) map.data[y * width + x] = p;
  return map;
}

function image(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number],
): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      data.set([r, g, b, 255], (y * width + x) * 4);
    }
  return { width, height, data };
}

describe('CTC greedy decoding', () => {
  const charset = ['公', '司', '告'];
  it('merges repeats, drops blanks, and keeps a character repeated across a blank', () => {
    // classes: 0 blank, 1 公, 2 司, 3 告
    const decoded = ctcGreedy(steps([1, 1, 0, 2, 2, 0, 2, 3, 0], 4), 9, 4, charset);
    assert.equal(decoded.text, '公司司告');
    assert.ok(Math.abs(decoded.confidence - 0.9) < 1e-6);
  });

  it('decodes the same from each step’s best class and probability (the fused recogniser’s step outputs)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const classes = 4;
    const count = 40;
    const probs = Float32Array.from({ length: count * classes }, random);
    const best = Array.from({ length: count }, (_, t) => {
      const row = Array.from(probs.subarray(t * classes, (t + 1) * classes));
      return row.indexOf(Math.max(...row));
    });
    const bestProbs = best.map((c, t) => probs[t * classes + c] ?? 0);
    const full = ctcGreedy(probs, count, classes, charset);
    assert.ok(full.chars.length > 5);
    assert.deepEqual(ctcFromBest(best, bestProbs, charset), full);
  });

  it('reads nothing from blanks only, with confidence 0', () => {
    assert.deepEqual(ctcGreedy(steps([0, 0, 0], 4), 3, 4, charset), {
      text: '',
      confidence: 0,
      chars: [],
      steps: 3,
    });
  });

  it('confidence is the mean of the kept characters’ probabilities', () => {
    const probs = steps([1, 2], 4);
    probs[1 * 4 + 2] = 0.5; // step 1 still wins with 司, less surely
    probs[1 * 4 + 0] = 0.4;
    assert.ok(Math.abs(ctcGreedy(probs, 2, 4, charset).confidence - 0.7) < 1e-6);
  });

  it('keeps each character with its probability and the time steps it won', () => {
    const probs = steps([0, 1, 1, 0, 2, 0, 0, 2, 3], 4);
    probs[4 * 4 + 2] = 0.6; // 司 at step 4 less sure
    probs[4 * 4 + 0] = 0.3;
    const decoded = ctcGreedy(probs, 9, 4, charset);
    assert.equal(decoded.text, '公司司告');
    assert.deepEqual(
      decoded.chars.map((c) => [c.text, c.start, c.end]),
      [
        ['公', 1, 3],
        ['司', 4, 5],
        ['司', 7, 8],
        ['告', 8, 9],
      ],
    );
    assert.ok(Math.abs((decoded.chars[1]?.confidence ?? 0) - 0.6) < 1e-6);
    assert.ok(Math.abs(decoded.confidence - (0.9 + 0.6 + 0.9 + 0.9) / 4) < 1e-6);
  });

  it('drops spaces at the ends, with their steps', () => {
    // classes: 0 blank, 1 公, 2 司, 3 告, 4 space
    const decoded = ctcGreedy(steps([4, 0, 1, 4, 2, 0, 4], 5), 7, 5, [...charset, ' ']);
    assert.equal(decoded.text, '公 司');
    assert.deepEqual(
      decoded.chars.map((c) => c.start),
      [2, 3, 4],
    );
  });

  it('spreads characters over the line to the midpoints between them', () => {
    const spans = charSpans({
      steps: 10,
      chars: [
        { text: '公', confidence: 1, start: 1, end: 2 },
        { text: '司', confidence: 1, start: 5, end: 6 },
        { text: '告', confidence: 1, start: 8, end: 9 },
      ],
    });
    // Cuts at 3.5 and 7; the first char widened left by its right margin (1.5), the last right by 1.
    assert.deepEqual(
      spans.map(([a, b]) => [Number(a.toFixed(3)), Number(b.toFixed(3))]),
      [
        [0, 0.35],
        [0.35, 0.7],
        [0.7, 1],
      ],
    );
    assert.deepEqual(charSpans({ steps: 10, chars: [{ text: '公', confidence: 1, start: 4, end: 5 }] }), [
      [0.3, 0.6],
    ]);
  });

  it('maps a span of a tilted line back to a box on the image', () => {
    const corners = [
      { x: 10, y: 20 },
      { x: 110, y: 30 },
      { x: 108, y: 50 },
      { x: 8, y: 40 },
    ] as const;
    assert.deepEqual(spanBox(corners, [0, 1]), { left: 8, top: 20, right: 110, bottom: 50 });
    const half = spanBox(corners, [0.5, 1]);
    assert.equal(half.left, 58);
    assert.equal(half.right, 110);
    assert.equal(half.top, 25);
  });

  it('the dictionary gains the space the models were trained with', () => {
    assert.deepEqual(parseCharset('公\n司\n'), ['公', '司', ' ']);
  });
});

describe('DB box decoding', () => {
  it('finds each text region as a box grown by the unclip distance, in reading order of discovery', () => {
    const map = filledMap(200, 100, [
      [20, 10, 120, 20, 0.9],
      [30, 50, 90, 62, 0.8],
    ]);
    const boxes = decodeBoxes(map);
    assert.equal(boxes.length, 2);
    const [first, second] = boxes;
    // 100 × 10 region: distance = 1000 × 1.5 / 220 ≈ 6.8 on every side.
    const d = (100 * 10 * DB_DEFAULTS.unclipRatio) / 220;
    const [tl, tr, br, bl] = first?.corners ?? [];
    assert.ok(Math.abs((tl?.x ?? 0) - (20 - d)) < 1e-6 && Math.abs((tl?.y ?? 0) - (10 - d)) < 1e-6);
    assert.ok(Math.abs((br?.x ?? 0) - (120 + d)) < 1e-6 && Math.abs((br?.y ?? 0) - (20 + d)) < 1e-6);
    assert.ok((tr?.x ?? 0) > (tl?.x ?? 0) && (bl?.y ?? 0) > (tl?.y ?? 0), 'corners run tl, tr, br, bl');
    assert.ok(Math.abs((first?.score ?? 0) - 0.9) < 1e-6);
    assert.ok((second?.corners[0].y ?? 0) > 40);
  });

  it('fits a slanted line with a rotated rectangle', () => {
    const map: ProbabilityMap = { width: 200, height: 120, data: new Float32Array(200 * 120) };
    // A band 8 pixels thick rising 1 in 4.
    for (let x = 20; x < 180; x++)
      for (let t = 0; t < 8; t++) map.data[(80 - Math.floor((x - 20) / 4) + t) * 200 + x] = 0.9;
    const [box] = decodeBoxes(map);
    assert.ok(box);
    const [tl, tr] = box.corners;
    const slope = (tr.y - tl.y) / (tr.x - tl.x);
    assert.ok(Math.abs(slope + 0.25) < 0.03, `slope ${slope}`);
  });

  it('drops faint regions (box threshold) and specks (minimum side)', () => {
    const map = filledMap(100, 100, [
      [10, 10, 60, 20, 0.45],
      [70, 70, 72, 72, 0.95],
    ]);
    assert.deepEqual(decodeBoxes(map), []);
  });

  it('sizes the detector input to multiples of 32 within the longest side', () => {
    assert.deepEqual(detectionSize(1190, 1684, 960), { width: 672, height: 960 });
    assert.deepEqual(detectionSize(100, 50, 960), { width: 96, height: 64 });
    const input = detectionInput(
      image(64, 32, () => [255, 255, 255]),
      960,
    );
    assert.deepEqual(input.dims, [1, 3, 32, 64]);
    // White, normalised with the blue statistics first (BGR): (1 − 0.406) / 0.225.
    assert.ok(Math.abs((input.data[0] ?? 0) - (1 - 0.406) / 0.225) < 1e-5);
  });
});

describe('line crops', () => {
  it('samples a box into a 48-pixel-high strip as wide as the box’s aspect', () => {
    const page = image(100, 40, (x) => (x < 50 ? [0, 0, 0] : [255, 255, 255]));
    const crop = cropLine(
      page,
      [
        { x: 0, y: 10 },
        { x: 100, y: 10 },
        { x: 100, y: 30 },
        { x: 0, y: 30 },
      ],
      3200,
    );
    assert.equal(crop.width, Math.ceil((LINE_HEIGHT * 100) / 20));
    assert.equal(crop.data[0], -1, 'black → −1');
    assert.equal(crop.data[crop.width - 1], 1, 'white → 1');
  });

  it('squeezes a line by the width scale, keeping what it samples', () => {
    const page = image(100, 40, (x) => (x < 50 ? [0, 0, 0] : [255, 255, 255]));
    const corners = [
      { x: 0, y: 10 },
      { x: 100, y: 10 },
      { x: 100, y: 30 },
      { x: 0, y: 30 },
    ] as const;
    const squeezed = cropLine(page, corners, 3200, 0.8);
    assert.equal(squeezed.width, Math.ceil((0.8 * LINE_HEIGHT * 100) / 20));
    assert.equal(squeezed.data[0], -1);
    assert.equal(squeezed.data[squeezed.width - 1], 1);
  });
});

describe('seals', () => {
  const box = { left: 0, top: 0, right: 40, bottom: 40 };
  it('a red ring is a stamp; black text is not; black text under a faint seal is not', () => {
    const ring = image(40, 40, (x, y) =>
      Math.abs(Math.hypot(x - 20, y - 20) - 15) < 2 ? [220, 30, 40] : [255, 255, 255],
    );
    const text = image(40, 40, (x, y) => (y % 6 < 2 && x > 4 ? [20, 20, 20] : [255, 255, 255]));
    const overlap = image(40, 40, (x, y) =>
      y % 6 < 3 && x > 4
        ? [30, 20, 20]
        : Math.abs(Math.hypot(x - 20, y - 20) - 15) < 1
          ? [220, 30, 40]
          : [255, 255, 255],
    );
    assert.equal(isMostlyRed(ring, box), true);
    assert.equal(isMostlyRed(text, box), false);
    assert.equal(isMostlyRed(overlap, box), false);
  });
});

describe('reading order', () => {
  const line = (text: string, left: number, top: number, right: number, height = 12) => ({
    text,
    box: { left, top, right, bottom: top + height },
  });

  it('rows top to bottom, pieces left to right, far-apart pieces as cells', () => {
    const order = readingOrder(
      [line('合计', 60, 100, 90), line('第二行', 60, 120, 300), line('110,000.00', 400, 101, 470)],
      595,
    );
    assert.equal(order.text, '合计\t110,000.00\n第二行');
    assert.deepEqual(
      order.lines.map((l) => l.text),
      ['合计', '110,000.00', '第二行'],
    );
  });

  /** A piece whose characters' boxes share its ink evenly from `inkLeft` to `inkRight`. */
  const inked = (text: string, left: number, inkLeft: number, inkRight: number, right: number) => {
    const chars = [...text];
    const pitch = (inkRight - inkLeft) / chars.length;
    return {
      ...line(text, left, 74, right, 13),
      chars: chars.map((_, i) => ({
        box: { left: inkLeft + i * pitch, top: 76, right: inkLeft + (i + 1) * pitch, bottom: 86 },
      })),
    };
  };

  it('keeps header fields apart where their ink is far apart, though their padded boxes nearly touch', () => {
    // As on a scanned announcement: boxes 15 pt apart (under a cell gap of 1.2 line heights), even
    // overlapping, while the characters stand two widths apart.
    const order = readingOrder(
      [
        inked('证券代码：600000', 63, 66, 147, 151),
        inked('证券简称：示例科技', 165, 167, 256, 262),
        inked('公告编号：2025-017', 255, 276, 371, 372),
      ],
      595,
    );
    assert.equal(order.text, '证券代码：600000\t证券简称：示例科技\t公告编号：2025-017');
    assert.equal(parseAnnouncementHeader(order.text)?.shortName, '示例科技');
  });

  it('joins a sentence the detector cut in two, its ink a character or less apart', () => {
    const order = readingOrder(
      [inked('公司于近日收到', 60, 62, 132, 138), inked('控股股东的通知', 134, 141, 211, 215)],
      595,
    );
    assert.equal(order.text, '公司于近日收到控股股东的通知');
  });

  it('an indented row or a wide gap opens a paragraph', () => {
    const order = readingOrder(
      [
        line('一、基本情况', 60, 100, 200),
        line('公司于2017年非公开', 84, 120, 530),
        line('发行股票。', 60, 140, 200),
        line('特此公告。', 60, 200, 160),
      ],
      595,
    );
    assert.equal(order.text, '一、基本情况\n\n公司于2017年非公开\n发行股票。\n\n特此公告。');
  });

  it("keeps a table's placeholder a row of its own, lines beside the table in rows of theirs", () => {
    // Row labels left of the columns the rules gave, each beside the table: not one row with its mark.
    const mark = { ...line(tablePlaceholder(0), 200, 100, 500, 60), block: true };
    const order = readingOrder(
      [line('表一', 60, 80, 120), mark, line('开发支出', 60, 110, 120), line('存货', 60, 130, 100)],
      595,
    );
    assert.equal(order.text, `表一\n\n${tablePlaceholder(0)}\n开发支出\n存货`);
  });

  it('reads two obvious columns one after the other, below a title across both', () => {
    const left = Array.from({ length: 5 }, (_, i) => line(`左${i}`, 50, 100 + i * 16, 280));
    const right = Array.from({ length: 5 }, (_, i) => line(`右${i}`, 320, 100 + i * 16, 550));
    const order = readingOrder([line('标题横跨两栏', 50, 70, 550), ...right, ...left], 595);
    assert.equal(order.text, '标题横跨两栏\n\n左0\n左1\n左2\n左3\n左4\n\n右0\n右1\n右2\n右3\n右4');
  });
});

describe('character error rate', () => {
  it('counts edits per reference character, ignoring whitespace and width forms', () => {
    assert.equal(characterErrorRate('募集资金（万元）', '募集资金 (万元)'), 0);
    assert.equal(characterErrorRate('公司公告', '公可公告'), 0.25);
    assert.equal(characterErrorRate('公司公告', '公司公告了'), 0.25);
  });
});
