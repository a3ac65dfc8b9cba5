/**
 * Table rules on a page image: straight runs of ink, found by scanning each pixel row for long horizontal
 * runs and each column for long vertical ones, then merging the runs of adjacent rows (or columns) into
 * one rule of the scan's thickness. Coordinates come back in page units (the image's pixels / scale),
 * as the text layer's rulings have them.
 */
import type { Rule, Rulings } from '../pdf-rulings.js';
import type { RgbaImage } from './raster.js';

/** Darker than this (0–255 luminance) is ink. */
const INK = 140;
/** Shorter runs are strokes of characters ("一" is one character wide) or dashes. */
const MIN_RULE_POINTS = 24;
/** A scanned rule breaks up; gaps up to this many pixels still continue it. */
const MAX_BREAK_PIXELS = 1;
/** A thicker run of rows is a filled area (a black box, a picture), not a rule. */
const MAX_RULE_THICKNESS_POINTS = 3;

interface Run {
  /** Position across the run (the row for a horizontal run). */
  at: number;
  from: number;
  to: number;
}

function inkMask(image: RgbaImage): Uint8Array {
  const mask = new Uint8Array(image.width * image.height);
  const { data } = image;
  // Luminance in 8-bit fixed point (0.299, 0.587, 0.114 as 77, 150, 29 of 256): one pass over a large image.
  const limit = INK * 256;
  for (let p = 0, i = 0; p < mask.length; p++, i += 4) {
    mask[p] = 77 * (data[i] ?? 255) + 150 * (data[i + 1] ?? 255) + 29 * (data[i + 2] ?? 255) < limit ? 1 : 0;
  }
  return mask;
}

/**
 * Long runs of ink along each of `lines` lines of `length` pixels in `mask`: pixel `along` of line `at` is
 * mask[at * atStride + along * alongStride] (rows: width and 1; columns: 1 and width).
 */
function longRuns(
  mask: Uint8Array,
  lines: number,
  length: number,
  atStride: number,
  alongStride: number,
  min: number,
): Run[] {
  const runs: Run[] = [];
  for (let at = 0; at < lines; at++) {
    let start = -1;
    let lastInk = -1;
    for (let along = 0, p = at * atStride; along <= length; along++, p += alongStride) {
      if (along < length && mask[p] === 1) {
        if (start < 0 || along - lastInk > MAX_BREAK_PIXELS + 1) {
          if (start >= 0 && lastInk - start + 1 >= min) runs.push({ at, from: start, to: lastInk + 1 });
          start = along;
        }
        lastInk = along;
      }
    }
    if (start >= 0 && lastInk - start + 1 >= min) runs.push({ at, from: start, to: lastInk + 1 });
  }
  return runs;
}

/** Runs on adjacent lines that overlap become one rule, placed at their middle line; thick stacks are dropped. */
function stackRuns(runs: Run[], maxThickness: number): Run[] {
  const open: Array<{ first: number; last: number; from: number; to: number }> = [];
  const done: Array<{ first: number; last: number; from: number; to: number }> = [];
  for (const run of runs) {
    const stack = open.find((s) => s.last >= run.at - 1 && run.from < s.to && run.to > s.from);
    if (stack) {
      stack.last = run.at;
      stack.from = Math.min(stack.from, run.from);
      stack.to = Math.max(stack.to, run.to);
    } else open.push({ first: run.at, last: run.at, from: run.from, to: run.to });
    // Stacks no longer continued are finished.
    for (let k = open.length - 1; k >= 0; k--) {
      const s = open[k];
      if (s && s.last < run.at - 1) {
        done.push(s);
        open.splice(k, 1);
      }
    }
  }
  return [...done, ...open]
    .filter((s) => s.last - s.first + 1 <= maxThickness)
    .map((s) => ({ at: (s.first + s.last + 1) / 2, from: s.from, to: s.to }));
}

/** Horizontal and vertical rules on the page image, in page units (pixels / `scale`). */
export function rulingsFromImage(image: RgbaImage, scale: number): Rulings {
  const { width, height } = image;
  const mask = inkMask(image);
  const min = MIN_RULE_POINTS * scale;
  const thick = Math.max(1, Math.round(MAX_RULE_THICKNESS_POINTS * scale));
  const rows = longRuns(mask, height, width, width, 1, min);
  const columns = longRuns(mask, width, height, 1, width, min);
  const horizontal: Rule[] = stackRuns(rows, thick).map((r) => ({
    x0: r.from / scale,
    x1: r.to / scale,
    y0: r.at / scale,
    y1: r.at / scale,
  }));
  const vertical: Rule[] = stackRuns(columns, thick).map((r) => ({
    x0: r.at / scale,
    x1: r.at / scale,
    y0: r.from / scale,
    y1: r.to / scale,
  }));
  return { horizontal, vertical };
}
