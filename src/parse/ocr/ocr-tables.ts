/**
 * Ruled tables on an OCR'd page: the recognised lines are cut where a vertical rule crosses them (by
 * their characters' boxes), and the pieces go through the same grid reading as a text layer's runs
 * (pdf-tables.ts), so a scanned table comes out as the same rows and cells.
 */
import type { PdfTextItem } from '../pdf-page-text.js';
import type { Rulings } from '../pdf-rulings.js';
import { findPageTables, type PdfPageTable } from '../pdf-tables.js';
import type { Box } from './read-lines.js';

export interface TableLine {
  text: string;
  box: Box;
  chars: ReadonlyArray<{ text: string; box: Box }>;
}

export interface OcrTables {
  /** The pieces of the page's lines as text runs, as a text layer's runs (what `tables` index). */
  runs: PdfTextItem[];
  tables: PdfPageTable[];
  /** Indexes of the lines read into a table (left out of the page's running text). */
  lines: Set<number>;
}

/** A piece of a line as a text run: its anchor (first glyph's middle) falls where its ink is. */
function asRun(chars: TableLine['chars'], line: Box): PdfTextItem {
  const first = chars[0]?.box ?? line;
  const last = chars[chars.length - 1]?.box ?? line;
  const height = line.bottom - line.top;
  // pdf-tables anchors a run 0.35 of its height above its baseline: here, the line's middle.
  return {
    str: chars.map((c) => c.text).join(''),
    x: first.left,
    y: (line.top + line.bottom) / 2 + 0.35 * height,
    width: last.right - first.left,
    height,
    hasEOL: false,
  };
}

/** The line's characters split at the vertical rules that cross it. */
function pieces(line: TableLine, rulings: Rulings): Array<TableLine['chars']> {
  const middle = (line.box.top + line.box.bottom) / 2;
  const cuts = rulings.vertical
    .filter((v) => v.y0 <= middle && middle <= v.y1 && v.x0 > line.box.left && v.x0 < line.box.right)
    .map((v) => v.x0)
    .sort((a, b) => a - b);
  const out: Array<Array<TableLine['chars'][number]>> = [[]];
  let k = 0;
  for (const c of line.chars) {
    const centre = (c.box.left + c.box.right) / 2;
    while (k < cuts.length && centre > (cuts[k] ?? 0)) {
      k++;
      out.push([]);
    }
    out[out.length - 1]?.push(c);
  }
  return out.filter((p) => p.some((c) => c.text.trim() !== ''));
}

/** Ruled tables among `lines` (page units, as `rulings`), and which lines they took. */
export function ocrTables(lines: readonly TableLine[], rulings: Rulings): OcrTables {
  const runs: PdfTextItem[] = [];
  const lineOf: number[] = [];
  lines.forEach((line, i) => {
    for (const chars of pieces(line, rulings)) {
      runs.push(asRun(chars, line.box));
      lineOf.push(i);
    }
  });
  const tables = findPageTables(runs, rulings);
  const taken = new Set<number>();
  for (const table of tables) {
    for (const run of table.items) taken.add(lineOf[run] ?? -1);
  }
  taken.delete(-1);
  return { runs, tables, lines: taken };
}
