import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import type { DecodedLine } from '../../src/parse/ocr/ctc.js';
import { DOUBTFUL_DIGIT, doubtedFigures, figuresIn, groupingPossible } from '../../src/parse/ocr/figures.js';
import { finerScale } from '../../src/parse/ocr/ocr-pages.js';
import { betterFigures, widened } from '../../src/parse/ocr/read-lines.js';

/** A decoded line whose characters all have `confidence`, except those given in `unsure` (index → probability). */
function decoded(text: string, confidence = 0.99, unsure: Record<number, number> = {}): DecodedLine {
  const chars = [...text].map((t, i) => ({
    text: t,
    confidence: unsure[i] ?? confidence,
    start: i,
    end: i + 1,
  }));
  return { text, confidence, chars, steps: chars.length };
}

describe('OCR figures', () => {
  it('finds runs of three or more digits with their inner separators', () => {
    const found = figuresIn('营业总收入2,926,635,394.34元，同比增长12.5%，第3项，2018年');
    assert.deepEqual(
      found.map((f) => f.text),
      ['2,926,635,394.34', '12.5', '2018'],
    );
    const [first] = found;
    assert.equal('营业总收入2,926,635,394.34元'.slice(first?.start, first?.end), '2,926,635,394.34');
  });

  it('tells a printed thousands grouping from one no filing prints', () => {
    for (const ok of ['170,360,800,000.00', '1,099,999,993.12', '98,126,672', '12,680,000', '2018', '11.21'])
      assert.ok(groupingPossible(ok), ok);
    for (const bad of ['170,36,800', '12,0,00', '12,680,00', '2,926,635,394.34404,78', '1,2345', '1,234.5,6'])
      assert.ok(!groupingPossible(bad), bad);
    // A full-width comma read between digits counts as a thousands comma.
    assert.ok(groupingPossible('12，680，000'));
    assert.ok(!groupingPossible('12，68，000'));
  });

  it('doubts a figure with an impossible grouping or an unsure digit, not the sure ones', () => {
    assert.deepEqual(
      doubtedFigures(
        '金额170,36,800元',
        [...'金额170,36,800元'].map(() => 0.99),
      ).map((f) => f.text),
      ['170,36,800'],
    );
    const text = '收入1,234,567元，利润89,012元';
    const sure = [...text].map(() => 0.99);
    assert.deepEqual(doubtedFigures(text, sure), []);
    const unsure = [...sure];
    unsure[text.indexOf('89') + 1] = DOUBTFUL_DIGIT - 0.1;
    assert.deepEqual(
      doubtedFigures(text, unsure).map((f) => f.text),
      ['89,012'],
    );
    // Under a lower bar the same digit passes; an impossible grouping is doubted at any bar.
    assert.deepEqual(doubtedFigures(text, unsure, DOUBTFUL_DIGIT - 0.2), []);
    assert.equal(
      doubtedFigures(
        '170,36,800',
        [...'170,36,800'].map(() => 0.99),
        0,
      ).length,
      1,
    );
    // A space read where a thousands comma is printed joins the groups into one figure in doubt.
    const spaced = '营业利润736 124 472元，370, 046,732.30元，2018 2017年，394.34 404,738,566.82';
    assert.deepEqual(
      doubtedFigures(
        spaced,
        [...spaced].map(() => 0.99),
      ).map((f) => f.text),
      ['736 124 472', '370, 046,732.30'],
    );
    // Confidences are per code point: a character outside the BMP before the figure does not shift them.
    const astral = '𠀋号1,234,567';
    const points = [...astral].map((_, i) => (i === 2 ? 0.3 : 0.99));
    assert.deepEqual(
      doubtedFigures(astral, points).map((f) => f.text),
      ['1,234,567'],
    );
  });

  it('prefers the second reading of a line only where its figures are less in doubt', () => {
    // The finer reading keeps the digits the first lost.
    assert.ok(betterFigures(decoded('170,360,800,000.00'), decoded('170,36,800')));
    assert.ok(!betterFigures(decoded('170,36,800'), decoded('170,360,800,000.00')));
    // A comma read as a comma and a space leaves the figure in doubt: it is not two sure figures.
    assert.ok(!betterFigures(decoded('370, 046,732.30'), decoded('370,046,732.30', 0.99, { 5: 0.6 })));
    // As many doubts: the surer least digit wins.
    assert.ok(
      betterFigures(decoded('金额12,680,000', 0.99, { 4: 0.7 }), decoded('金额12,680,000', 0.99, { 4: 0.5 })),
    );
    assert.ok(
      !betterFigures(
        decoded('金额12,680,000', 0.99, { 4: 0.5 }),
        decoded('金额12,680,000', 0.99, { 4: 0.7 }),
      ),
    );
    // Only figures are read again: a reading whose wording differs is not taken.
    assert.ok(!betterFigures(decoded('金额170,360,800元'), decoded('合同金额170,36,800元')));
    // A reading that loses the figure is not better, however sure.
    assert.ok(!betterFigures(decoded('金额元'), decoded('金额170,36,800元')));
  });

  it('reads doubted figures again from a scan finer than the reading scale', () => {
    // Pages pdf.js renders have nothing finer to give.
    assert.equal(finerScale(595, 842, 2, undefined), undefined);
    // A 200 dpi scan is read again at its own resolution; a 150 dpi one has little more than 144 dpi to give.
    const jpeg = (width: number, height: number) =>
      new Uint8Array(createCanvas(width, height).toBuffer('image/jpeg'));
    assert.ok(Math.abs((finerScale(595, 842, 2, jpeg(1654, 2339)) ?? 0) - 1654 / 595) < 1e-9);
    assert.equal(finerScale(595, 842, 2, jpeg(1240, 1754)), undefined);
    // Never past the largest page image (4,000 px a side).
    assert.ok(Math.abs((finerScale(595, 842, 2, jpeg(5950, 8420)) ?? 0) - 4000 / 842) < 1e-9);
  });

  it('lengthens a line box at both ends along its own direction for the second look', () => {
    const box = [
      { x: 100, y: 50 },
      { x: 300, y: 50 },
      { x: 300, y: 70 },
      { x: 100, y: 70 },
    ] as const;
    assert.deepEqual(widened([...box] as Parameters<typeof widened>[0], 0.5), [
      { x: 90, y: 50 },
      { x: 310, y: 50 },
      { x: 310, y: 70 },
      { x: 90, y: 70 },
    ]);
  });
});
