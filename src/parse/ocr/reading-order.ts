/**
 * Recognised lines → page text in reading order: rows top to bottom, pieces of a row left to right,
 * two columns read one after the other when the page plainly has them, and a blank line between
 * paragraphs so that the layout cleaner keeps them apart.
 */
import type { Box } from './read-lines.js';

export interface PlacedLine {
  text: string;
  box: Box;
  /** The characters' boxes, left to right, where the recogniser gave them: the ink, without the box's margin. */
  chars?: ReadonlyArray<{ box: Box }>;
  /**
   * A block that stands as a row of its own (a table's placeholder): lines beside it are not run into its
   * line, nor does its height gather the lines at its side into one row.
   */
  block?: boolean;
}

/** Two pieces of one row further apart than this many line heights are separate cells. */
const CELL_GAP = 1.2;
/**
 * Or when their ink is further apart than this many character widths: header fields ("证券代码：600000",
 * "证券简称：…") stand two characters apart, closer than the padded line boxes show, and text split into
 * two boxes mid-sentence stands at most one apart.
 */
const FIELD_GAP = 1.5;
/** A row starting this many line heights right of the column's left edge opens a paragraph (the 2-character indent). */
const INDENT = 1.2;
/** Rows further apart than this many typical pitches are separate paragraphs. */
const PARAGRAPH_GAP = 1.7;
/** Columns are taken as obvious only with this many lines on each side, each this share of the page wide. */
const MIN_COLUMN_LINES = 5;
const MIN_COLUMN_WIDTH = 0.25;
/** At most this share of a two-column page's lines runs across the gutter. */
const MAX_ACROSS_SHARE = 0.2;

const heightOf = (b: Box) => b.bottom - b.top;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** Lines sharing most of their height are one row. */
export function groupRows<T extends PlacedLine>(lines: readonly T[]): T[][] {
  const rows: Array<{ top: number; bottom: number; lines: T[] }> = [];
  for (const line of [...lines].sort((a, b) => a.box.top - b.box.top)) {
    const centre = (line.box.top + line.box.bottom) / 2;
    const row = line.block
      ? undefined
      : rows.find((r) => !r.lines[0]?.block && centre > r.top && centre < r.bottom);
    if (row) {
      row.lines.push(line);
      row.top = Math.min(row.top, line.box.top);
      row.bottom = Math.max(row.bottom, line.box.bottom);
    } else rows.push({ top: line.box.top, bottom: line.box.bottom, lines: [line] });
  }
  return rows.sort((a, b) => a.top - b.top).map((r) => r.lines.sort((a, b) => a.box.left - b.box.left));
}

/** An x position between two columns of body text that no line crosses, or undefined. */
export function findGutter(lines: readonly PlacedLine[], pageWidth: number): number | undefined {
  for (let x = pageWidth * 0.35; x <= pageWidth * 0.65; x += pageWidth / 100) {
    // Titles, headers and footers may run across both columns; body lines do not.
    const across = lines.filter((l) => l.box.left < x && l.box.right > x).length;
    if (across > MAX_ACROSS_SHARE * lines.length) continue;
    const wide = (l: PlacedLine) => l.box.right - l.box.left >= pageWidth * MIN_COLUMN_WIDTH;
    const left = lines.filter((l) => l.box.right <= x && wide(l)).length;
    const right = lines.filter((l) => l.box.left >= x && wide(l)).length;
    if (left >= MIN_COLUMN_LINES && right >= MIN_COLUMN_LINES) return x;
  }
  return undefined;
}

const LATIN_END = /[A-Za-z0-9,.%)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Where a line's ink starts and ends, and its characters' mean width (undefined without character boxes). */
function ink(line: PlacedLine): { left: number; right: number; pitch?: number } {
  const first = line.chars?.[0]?.box;
  const last = line.chars?.[line.chars.length - 1]?.box;
  if (!first || !last || !line.chars) return { left: line.box.left, right: line.box.right };
  return { left: first.left, right: last.right, pitch: (last.right - first.left) / line.chars.length };
}

/** True when two pieces of a row are apart as cells or header fields are, not as words of one sentence. */
function apartAsFields(previous: PlacedLine, line: PlacedLine): boolean {
  const height = Math.max(heightOf(line.box), heightOf(previous.box));
  if (line.box.left - previous.box.right > CELL_GAP * height) return true;
  const before = ink(previous);
  const after = ink(line);
  const pitch = Math.max(before.pitch ?? 0, after.pitch ?? 0);
  return pitch > 0 && after.left - before.right > FIELD_GAP * pitch;
}

function rowText(row: readonly PlacedLine[]): string {
  let text = '';
  row.forEach((line, i) => {
    const previous = row[i - 1];
    if (previous) {
      if (apartAsFields(previous, line)) text += '\t';
      else if (LATIN_END.test(text) && LATIN_START.test(line.text)) text += ' ';
    }
    text += line.text;
  });
  return text;
}

/** One column's rows as text, a blank line before each paragraph after the first. */
function flowText(rows: readonly PlacedLine[][]): string {
  if (rows.length === 0) return '';
  const bounds = rows.map((row) => ({
    left: Math.min(...row.map((l) => l.box.left)),
    top: Math.min(...row.map((l) => l.box.top)),
    height: median(row.map((l) => heightOf(l.box))),
  }));
  const margin = median(bounds.map((b) => b.left));
  const pitch = median(bounds.slice(1).map((b, i) => b.top - (bounds[i]?.top ?? 0)));
  const out: string[] = [];
  rows.forEach((row, i) => {
    const b = bounds[i] as (typeof bounds)[number];
    const previous = bounds[i - 1];
    const indented = b.left - margin > INDENT * b.height;
    const apart = previous !== undefined && pitch > 0 && b.top - previous.top > PARAGRAPH_GAP * pitch;
    if (i > 0 && (indented || apart)) out.push('');
    out.push(rowText(row));
  });
  return out.join('\n');
}

export interface ReadingOrder<T> {
  text: string;
  /** The lines in the order their text was written. */
  lines: T[];
}

/** The page's text from its lines, in reading order. */
export function readingOrder<T extends PlacedLine>(lines: readonly T[], pageWidth: number): ReadingOrder<T> {
  const gutter = findGutter(lines, pageWidth);
  if (gutter === undefined) {
    const rows = groupRows(lines);
    return { text: flowText(rows), lines: rows.flat() };
  }
  // Lines across the gutter (titles, footers) cut the page into bands; within a band, left column first.
  const flows: T[][][] = [];
  let band: T[] = [];
  const flush = () => {
    if (band.length === 0) return;
    flows.push(groupRows(band.filter((l) => l.box.right <= gutter)));
    flows.push(groupRows(band.filter((l) => l.box.left >= gutter)));
    band = [];
  };
  for (const row of groupRows(lines)) {
    if (row.some((l) => l.box.left < gutter && l.box.right > gutter)) {
      flush();
      flows.push([row]);
    } else band.push(...row);
  }
  flush();
  const kept = flows.filter((rows) => rows.length > 0);
  return { text: kept.map(flowText).join('\n\n'), lines: kept.flat(2) };
}
