import type { PdfTextItem } from './pdf-page-text.js';
import type { Rule } from './pdf-rulings.js';
import type { PdfPageTable } from './pdf-tables.js';
import { cellText, type RawCell } from './table-rows.js';

/**
 * Tables ruled only horizontally (the "three-line" tables of broker reports, or a rule under every row):
 * the rules bound the table and split header from body; columns come from the white space that runs
 * down the whole table. Anything that does not read as short cells in aligned columns is left as text.
 */

/** Rules spanning the same width belong to one table. */
const SAME_EXTENT = 3;
/** A page's header and footer rules are further apart than any table's consecutive rules. */
const MAX_RULE_GAP = 400;
/** Narrowest gap (in font sizes) between columns. */
const MIN_COLUMN_GAP = 0.8;
const MAX_CELL_LENGTH = 60;
/** Without vertical rules only figures tell a table from columns of prose: this share of cells must be figures. */
const MIN_FIGURE_SHARE = 0.25;
const FIGURE = /^[-+(（]?[\d\s,.]*\d[\d\s,.]*\s*[%％]?[)）]?$/;

interface Line {
  y: number;
  runs: Array<{ item: PdfTextItem; index: number }>;
}

function linesOf(items: PdfTextItem[], indexes: number[]): Line[] {
  const lines: Line[] = [];
  const sorted = indexes
    .filter((i) => (items[i]?.str.trim() ?? '') !== '')
    .sort((a, b) => (items[a]?.y ?? 0) - (items[b]?.y ?? 0));
  for (const index of sorted) {
    const item = items[index];
    if (!item) continue;
    const line = lines[lines.length - 1];
    if (line && Math.abs(item.y - line.y) <= Math.max(2, item.height * 0.4)) line.runs.push({ item, index });
    else lines.push({ y: item.y, runs: [{ item, index }] });
  }
  for (const line of lines) line.runs.sort((a, b) => a.item.x - b.item.x);
  return lines;
}

/** Column boundaries: gaps no run crosses, over the lines with several runs (a lone run may span columns). */
function columnBounds(lines: Line[], left: number, right: number): number[] {
  const spans = lines
    .filter((l) => l.runs.length >= 2)
    .flatMap((l) => l.runs.map((r) => [r.item.x, r.item.x + r.item.width] as const))
    .sort((a, b) => a[0] - b[0]);
  const heights = lines.flatMap((l) => l.runs.map((r) => r.item.height)).sort((a, b) => a - b);
  const em = heights[Math.floor(heights.length / 2)] ?? 10;
  const bounds = [left];
  let reach = spans[0]?.[1] ?? left;
  for (const [x0, x1] of spans.slice(1)) {
    if (x0 - reach >= em * MIN_COLUMN_GAP) bounds.push((reach + x0) / 2);
    reach = Math.max(reach, x1);
  }
  bounds.push(right);
  return bounds;
}

function columnOf(bounds: number[], x: number): number {
  for (let k = 1; k < bounds.length - 1; k++) if (x < (bounds[k] ?? 0)) return k - 1;
  return bounds.length - 2;
}

/** Reads the region between rules `top` and `bottom`; `headerBottom` is the rule under the header, if any. */
function readRegion(
  items: PdfTextItem[],
  region: { left: number; right: number; top: number; bottom: number; headerBottom: number | null },
): PdfPageTable | null {
  const inside: number[] = [];
  items.forEach((item, i) => {
    const y = item.y - item.height * 0.35;
    const x = item.x + Math.min(item.width, item.height) / 2;
    if (y > region.top && y < region.bottom && x >= region.left - 2 && x <= region.right + 2) inside.push(i);
  });
  const lines = linesOf(items, inside);
  if (lines.length < 2) return null;
  const bounds = columnBounds(lines, region.left, region.right);
  const cols = bounds.length - 1;
  if (cols < 2) return null;

  const rows: string[][][] = [];
  let headerRows = 0;
  for (const line of lines) {
    const cells: string[][] = Array.from({ length: cols }, () => []);
    for (const run of line.runs) cells[columnOf(bounds, run.item.x + 1)]?.push(run.item.str);
    const prev = rows[rows.length - 1];
    const inHeader = region.headerBottom !== null && line.y < region.headerBottom;
    // Lines above the header rule are one header row; in the body, a line with an empty first cell
    // continues the row above (a wrapped cell).
    const wrapsHeader = inHeader && headerRows === 1;
    const wrapsBody =
      !inHeader && rows.length > headerRows && cells[0]?.length === 0 && (prev?.[0]?.length ?? 0) > 0;
    if (prev && (wrapsHeader || wrapsBody)) {
      cells.forEach((c, k) => {
        prev[k]?.push(...c);
      });
    } else {
      rows.push(cells);
      if (inHeader) headerRows = 1;
    }
  }
  const texts = rows.map((row) => row.map((c) => cellText(c)));
  const filled = texts.flat().filter((t) => t !== '');
  const multi = texts.filter((row) => row.filter((t) => t !== '').length >= 2).length;
  if (texts.length < 2 || filled.length < 4 || multi < texts.length * 0.6) return null;
  if (filled.some((t) => t.length > MAX_CELL_LENGTH)) return null;
  if (filled.filter((t) => FIGURE.test(t)).length < filled.length * MIN_FIGURE_SHARE) return null;
  const cells: RawCell[][] = texts.map((row) =>
    row.map((text, col) => ({ text, col, colspan: 1, rowspan: 1 })),
  );
  return { cells, items: inside, top: region.top, bottom: region.bottom, columns: bounds };
}

/** Chains of horizontal rules of one width, close enough to bound one table. */
function chains(horizontal: Rule[]): Rule[][] {
  const out: Rule[][] = [];
  const sorted = [...horizontal].sort((a, b) => a.y0 - b.y0);
  for (const rule of sorted) {
    const chain = out.find((c) => {
      const last = c[c.length - 1];
      return (
        last &&
        Math.abs(last.x0 - rule.x0) <= SAME_EXTENT &&
        Math.abs(last.x1 - rule.x1) <= SAME_EXTENT &&
        rule.y0 - last.y0 <= MAX_RULE_GAP
      );
    });
    if (chain) chain.push(rule);
    else out.push([rule]);
  }
  return out;
}

/**
 * Tables bounded by horizontal rules only. `taken` holds runs already in ruled tables; regions touching them
 * are skipped. Tries the whole chain of rules first, then without its first or last rule (a page-header rule).
 */
export function findOpenTables(items: PdfTextItem[], horizontal: Rule[], taken: Set<number>): PdfPageTable[] {
  const tables: PdfPageTable[] = [];
  for (const chain of chains(horizontal)) {
    if (chain.length < 2) continue;
    const windows: Array<[number, number]> = [
      [0, chain.length - 1],
      [1, chain.length - 1],
      [0, chain.length - 2],
      [1, chain.length - 2],
    ];
    for (const [i, j] of windows) {
      const top = chain[i];
      const bottom = chain[j];
      if (!top || !bottom || j - i < 1) continue;
      const second = chain[i + 1];
      const table = readRegion(items, {
        left: Math.min(top.x0, bottom.x0),
        right: Math.max(top.x1, bottom.x1),
        top: top.y0,
        bottom: bottom.y0,
        headerBottom: second && second !== bottom ? second.y0 : null,
      });
      if (table && !table.items.some((k) => taken.has(k))) {
        tables.push(table);
        break;
      }
    }
  }
  return tables;
}
