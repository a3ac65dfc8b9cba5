/** Text lines of one page image: detect boxes, drop stamps, recognise each line. */

import { fullWidthPunctuation } from './cjk-punctuation.js';
import { charSpans, ctcFromBest, ctcGreedy, type DecodedLine } from './ctc.js';
import { DB_DEFAULTS, type DbOptions, decodeBoxes } from './db-boxes.js';
import { detectionInput } from './detection-input.js';
import {
  DOUBTFUL_DIGIT,
  doubtedFigures,
  FIGURE_MIN_DIGITS,
  figuresIn,
  groupingPossible,
  SPACED_FIGURE,
} from './figures.js';
import { inkRegion } from './ink-region.js';
import type { OcrModels, OcrRecogniser } from './ocr-models.js';
import type { Point, RgbaImage } from './raster.js';
import { cropLine, LINE_HEIGHT, type LineCrop } from './recognition-input.js';
import { isMostlyRed } from './seal.js';
import { dominantSkew, turnPoint } from './skew.js';
import { type OcrStage, type OcrStageTimes, timed } from './stage-times.js';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One recognised character, its approximate box in image pixels. */
export interface ImageChar {
  text: string;
  confidence: number;
  box: Box;
  /** Part of a figure the reader doubts (figures.ts): not to be taken as a fact. */
  doubted?: true;
}

/** One recognised line, its box in image pixels. */
export interface ImageLine {
  text: string;
  confidence: number;
  box: Box;
  chars: ImageChar[];
}

export interface ReadLinesOptions {
  /** Longer side of the detector's input, in pixels. */
  detectionMaxSide: number;
  /** Lines read with less confidence than this are dropped as noise (PP-OCR's drop score). */
  minConfidence: number;
  /** Horizontal squeeze of line crops (1 keeps the aspect ratio). */
  lineWidthScale: number;
  db?: DbOptions;
  /** Run the detector over the whole image, blank margins included (the benchmark's baseline). */
  detectWholePage?: boolean;
  /** CPU time by stage is added here when given (the benchmark's profile). */
  times?: OcrStageTimes;
  /**
   * The same image at a finer resolution (same frame, larger by a factor), or undefined when there is none;
   * called at most once, on the first line with a doubted figure, which is then read again from it (from the
   * image itself, unsqueezed, when there is none). Without it, doubted figures are not read again.
   */
  finer?: () => Promise<RgbaImage | undefined>;
  /** A figure digit read with less probability than this is doubted (default DOUBTFUL_DIGIT). */
  doubtfulDigit?: number;
  /** A figure is read again when a digit is under this (default `doubtfulDigit`) or its grouping impossible. */
  rereadDigit?: number;
}

export interface ReadLines {
  lines: ImageLine[];
  /** Regions skipped as red seals or stamps. */
  stamps: number;
  /** Text regions the detector found (stamps aside), read or not. */
  regions: number;
  /** Of those, the ones over twice as tall as wide: lines standing upright, as on a page scanned sideways. */
  tall: number;
  /**
   * The angle (radians, clockwise) the page's lines lean by (skew.ts), 0 when straight: boxes are on the
   * image turned back by it about its centre, so that a leaning line's box is as high as its text.
   */
  skew: number;
}

/** Blank margin, in image pixels, kept around the ink the detector reads: DB boxes reach a little past the ink. */
const INK_MARGIN = 32;

/** Outputs the fused recogniser adds (models/ocr/fuse_models.py): each step's best class and its probability. */
const STEP_OUTPUTS = ['step_class', 'step_prob'] as const;

/** A decoded line's figures the reader doubts; the confidences are its characters'. */
const doubtsOf = (line: DecodedLine, doubtful = DOUBTFUL_DIGIT) =>
  doubtedFigures(
    line.text,
    line.chars.map((c) => c.confidence),
    doubtful,
  );

/** The least probability among the characters of the line's figures (1 when it has none). */
function leastFigureConfidence(line: DecodedLine): number {
  let least = 1;
  let unit = 0;
  const spans = figuresIn(line.text, SPACED_FIGURE);
  for (const c of line.chars) {
    if (spans.some((f) => unit >= f.start && unit < f.end)) least = Math.min(least, c.confidence);
    unit += c.text.length;
  }
  return least;
}

/**
 * Whether a line the quick recogniser read is read again by the full one: when it holds FIGURE_MIN_DIGITS digits
 * or more outside dates (the quick recogniser reads small-print commas as spaces and drops digits and decimal
 * points more often, 12.7 as 127, and is surer of itself when it does), or when it read the line too unsure to
 * keep, or one of its characters under UNSURE_CHARACTER (the full one may read it). Dates written with 年月日
 * read as well either way.
 */
export function needsFullReading(quick: DecodedLine, minConfidence: number): boolean {
  if (quick.confidence < minConfidence) return true;
  if (quick.chars.some((c) => c.confidence < UNSURE_CHARACTER)) return true;
  // NFKC: the quick recogniser's dictionary also holds full-width, superscript and subscript digits (１, ², ₁).
  const text = quick.text.normalize('NFKC');
  return text.replace(DATE, '').replace(/\D/g, '').length >= FIGURE_MIN_DIGITS;
}

/**
 * A character the quick recogniser gave less probability than this sends its line to the full one: mostly
 * Traditional characters, which its smaller dictionary lacks and reads as simplified look-alikes (鄧 as 都).
 */
const UNSURE_CHARACTER = 0.5;

/** A date as filings write it in Chinese: 2018年12月31日, 2018年12月, 12月31日. */
const DATE = /(?:(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日)/g;

/** The line's text apart from its figures' digits and separators. */
const wording = (text: string) => text.replace(/[\d,.，\s]/g, '');

/**
 * Whether a second reading of a line's figures is the better one: its wording the same (only figures are read
 * again), fewer impossible groupings, or as many and fewer figures in doubt, or as many and its least sure
 * figure digit surer. A reading that loses
 * figures is not better, however sure.
 */
export function betterFigures(second: DecodedLine, first: DecodedLine): boolean {
  if (wording(second.text) !== wording(first.text)) return false;
  if (figuresIn(second.text, SPACED_FIGURE).length < figuresIn(first.text, SPACED_FIGURE).length)
    return false;
  // A grouping no filing prints is surely wrong; an unsure digit may be right.
  const impossible = (line: DecodedLine) =>
    figuresIn(line.text, SPACED_FIGURE).filter((f) => !groupingPossible(f.text)).length;
  if (impossible(second) !== impossible(first)) return impossible(second) < impossible(first);
  const doubts = [doubtsOf(second).length, doubtsOf(first).length] as const;
  if (doubts[0] !== doubts[1]) return doubts[0] < doubts[1];
  return leastFigureConfidence(second) > leastFigureConfidence(first);
}

/**
 * A figure is read again from a box lengthened by this share of its height at each end: detector boxes of small
 * print in ruled cells often stop short of a figure's last digit (…000.0 for …000.00).
 */
const REREAD_WIDEN = 0.3;

/** The quadrilateral lengthened at both ends by `share` of its height, along its own direction. */
export function widened(corners: [Point, Point, Point, Point], share: number): [Point, Point, Point, Point] {
  const [tl, tr, br, bl] = corners;
  const length = Math.hypot(tr.x - tl.x, tr.y - tl.y) || 1;
  const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const dx = ((tr.x - tl.x) / length) * height * share;
  const dy = ((tr.y - tl.y) / length) * height * share;
  const move = (p: Point, sign: number) => ({ x: p.x + sign * dx, y: p.y + sign * dy });
  return [move(tl, -1), move(tr, 1), move(br, 1), move(bl, -1)];
}

/** Widest line crop (a 48-pixel-high strip); longer lines are squeezed. */
const MAX_LINE_WIDTH = 3200;

const boundsOf = (corners: readonly Point[]): Box => ({
  left: Math.min(...corners.map((p) => p.x)),
  top: Math.min(...corners.map((p) => p.y)),
  right: Math.max(...corners.map((p) => p.x)),
  bottom: Math.max(...corners.map((p) => p.y)),
});

const along = (a: Point, b: Point, f: number): Point => ({
  x: a.x + (b.x - a.x) * f,
  y: a.y + (b.y - a.y) * f,
});

/** The part of a line's quadrilateral between fractions `from` and `to` of its width, as a box. */
export function spanBox(corners: readonly [Point, Point, Point, Point], [from, to]: [number, number]): Box {
  const [tl, tr, br, bl] = corners;
  return boundsOf([along(tl, tr, from), along(tl, tr, to), along(bl, br, from), along(bl, br, to)]);
}

export async function readLines(
  image: RgbaImage,
  models: OcrModels,
  options: ReadLinesOptions,
): Promise<ReadLines> {
  const { times } = options;
  const input = await timed(times, 'detectionInput', () => {
    if (options.detectWholePage) return detectionInput(image, options.detectionMaxSide);
    const region = inkRegion(image, INK_MARGIN);
    return region ? detectionInput(image, options.detectionMaxSide, region) : undefined;
  });
  if (!input) return { lines: [], stamps: 0, regions: 0, tall: 0, skew: 0 };
  const [, , mapHeight, mapWidth] = input.dims;
  const { detector } = models;
  const detected = await timed(times, 'detection', () =>
    detector.run({ [detector.inputNames[0] ?? 'x']: input }),
  );
  const probability = Object.values(detected)[0];
  if (!probability) throw new Error('the text detector returned no output');
  const boxes = await timed(times, 'boxes', () =>
    decodeBoxes({ data: probability.data, width: mapWidth, height: mapHeight }, options.db ?? DB_DEFAULTS),
  );

  const candidates: Array<{ corners: [Point, Point, Point, Point]; crop: LineCrop }> = [];
  let stamps = 0;
  let tall = 0;
  for (const found of boxes) {
    const corners = found.corners.map((p) => ({
      x: input.offsetX + p.x * input.scaleX,
      y: input.offsetY + p.y * input.scaleY,
    })) as [Point, Point, Point, Point];
    const box = boundsOf(corners);
    if (isMostlyRed(image, box)) {
      stamps++;
      continue;
    }
    if (box.bottom - box.top > 2 * (box.right - box.left)) tall++;
    const crop = await timed(times, 'crops', () =>
      cropLine(image, corners, MAX_LINE_WIDTH, options.lineWidthScale),
    );
    candidates.push({ corners, crop });
  }

  const skew = dominantSkew(candidates.map((c) => c.corners));
  const centre = { x: image.width / 2, y: image.height / 2 };
  const upright = (corners: [Point, Point, Point, Point]) =>
    skew === 0 ? corners : (corners.map((p) => turnPoint(p, -skew, centre)) as [Point, Point, Point, Point]);

  // The fused recognisers also give each step's best class and its probability: the full table of
  // probabilities (steps × classes) then need not be copied out and scanned here.
  type Feeds = Parameters<OcrRecogniser['recogniser']['run']>[0];
  const recogniseWith = async (
    { recogniser, charset }: OcrRecogniser,
    crop: LineCrop,
    stage: OcrStage,
  ): Promise<DecodedLine> => {
    const feeds: Feeds = {
      [recogniser.inputNames[0] ?? 'x']: { data: crop.data, dims: [1, 3, LINE_HEIGHT, crop.width] },
    };
    if (STEP_OUTPUTS.every((name) => recogniser.outputNames.includes(name))) {
      const out = await timed(times, stage, () => recogniser.run(feeds, STEP_OUTPUTS));
      const [best, probs] = STEP_OUTPUTS.map((name) => out[name]);
      if (!best || !probs) throw new Error('the text recogniser returned no step outputs');
      return timed(times, 'ctc', () => ctcFromBest(best.data, probs.data, charset));
    }
    const out = Object.values(await timed(times, stage, () => recogniser.run(feeds)))[0];
    if (!out) throw new Error('the text recogniser returned no output');
    const [, steps = 0, classes = 0] = out.dims;
    return timed(times, 'ctc', () => ctcGreedy(out.data, steps, classes, charset));
  };
  const recognise = (crop: LineCrop, stage: OcrStage = 'recognition') => recogniseWith(models, crop, stage);
  // Each line is read first by the quick recogniser when there is one, and again by the full one where it
  // holds figures (needsFullReading): both read the same 48-pixel strip.
  const firstReading = async (crop: LineCrop): Promise<DecodedLine> => {
    if (!models.quick) return recognise(crop);
    const quick = await recogniseWith(models.quick, crop, 'recognition');
    return needsFullReading(quick, options.minConfidence) ? recognise(crop, 'figureLines') : quick;
  };

  // One line a run: the recogniser's cost grows faster than the batch, and padding would only add to it.
  const lines: ImageLine[] = [];
  let finerImage: Promise<RgbaImage | undefined> | undefined;
  for (const { corners: leaning, crop } of candidates) {
    const corners = upright(leaning);
    const before = times?.recognition ?? 0;
    let decoded = await firstReading(crop);
    const run = times && { width: crop.width, seconds: times.recognition - before, kept: false };
    if (run) times.strips?.push(run);
    // A figure read in doubt is read again from the finer image, unsqueezed: small print in a noisy scan
    // loses digits at the page's reading scale (170,360,800,000.00 read as 170,36,800).
    if (
      options.finer &&
      decoded.confidence >= options.minConfidence &&
      doubtsOf(decoded, options.rereadDigit ?? options.doubtfulDigit).length > 0
    ) {
      finerImage ??= timed(times, 'reread', () => options.finer?.());
      // Without a finer image, a squeezed line is read again from the same one, at its full width.
      const fine = (await finerImage) ?? (options.lineWidthScale < 1 ? image : undefined);
      if (fine) {
        const first = decoded;
        const factor = fine.width / image.width;
        const scaled = widened(leaning, REREAD_WIDEN).map((p) => ({
          x: p.x * factor,
          y: p.y * factor,
        })) as typeof leaning;
        const again = await timed(times, 'reread', () => cropLine(fine, scaled, MAX_LINE_WIDTH, 1));
        const second = await recognise(again, 'reread');
        if (betterFigures(second, first)) decoded = second;
      }
    }
    if (decoded.text !== '' && decoded.confidence >= options.minConfidence) {
      const spans = charSpans(decoded);
      const texts = fullWidthPunctuation(decoded.chars.map((c) => c.text));
      const doubted = new Set<number>();
      let unit = 0;
      const starts = decoded.chars.map((c) => {
        const at = unit;
        unit += c.text.length;
        return at;
      });
      for (const f of doubtsOf(decoded, options.doubtfulDigit))
        starts.forEach((at, i) => {
          if (at >= f.start && at < f.end) doubted.add(i);
        });
      const chars = decoded.chars.map((c, i) => ({
        text: texts[i] ?? c.text,
        confidence: c.confidence,
        box: spanBox(corners, spans[i] ?? [0, 1]),
        ...(doubted.has(i) ? { doubted: true as const } : {}),
      }));
      lines.push({ text: texts.join(''), confidence: decoded.confidence, box: boundsOf(corners), chars });
      if (run) run.kept = true;
    }
  }
  return { lines, stamps, regions: candidates.length, tall, skew };
}
