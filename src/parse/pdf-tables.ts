import { findOpenTables } from './pdf-open-tables.js';
import type { PdfTextItem } from './pdf-page-text.js';
import type { Rule, Rulings } from './pdf-rulings.js';
import { cellText, type RawCell } from './table-rows.js';

/** A ruled table found on one page. */
export interface PdfPageTable {
  cells: RawCell[][];
  /** Indexes (into the page's items) of the runs inside the table, to leave out of the page text. */
  items: number[];
  top: number;
  bottom: number;
  /** Column boundaries, left to right. */
  columns: number[];
}

/** Rules this close are one rule; a rule ending this close to another meets it. */
const SNAP = 2;

function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    if (group && last !== undefined && v - last <= tolerance) group.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Collinear pieces of one rule (Word draws a border per cell) become one rule. */
function mergeRules(rules: Rule[], horizontal: boolean): Rule[] {
  const at = (r: Rule) => (horizontal ? r.y0 : r.x0);
  const from = (r: Rule) => (horizontal ? r.x0 : r.y0);
  const to = (r: Rule) => (horizontal ? r.x1 : r.y1);
  const sorted = [...rules].sort((a, b) => at(a) - at(b) || from(a) - from(b));
  const merged: Rule[] = [];
  for (const rule of sorted) {
    const prev = merged.find((m) => Math.abs(at(m) - at(rule)) <= SNAP / 2 && from(rule) <= to(m) + SNAP);
    if (prev) {
      if (horizontal) prev.x1 = Math.max(prev.x1, rule.x1);
      else prev.y1 = Math.max(prev.y1, rule.y1);
    } else {
      merged.push({ ...rule });
    }
  }
  return merged;
}

function meets(h: Rule, v: Rule): boolean {
  return v.x0 >= h.x0 - SNAP && v.x0 <= h.x1 + SNAP && h.y0 >= v.y0 - SNAP && h.y0 <= v.y1 + SNAP;
}

/** Groups of rules that touch: each is a candidate table frame. */
function frames(horizontal: Rule[], vertical: Rule[]): Array<{ h: Rule[]; v: Rule[] }> {
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (meets(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  horizontal.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(find(i), g);
  });
  vertical.forEach((v, j) => {
    const g = groups.get(find(horizontal.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(find(horizontal.length + j), g);
  });
  return [...groups.values()];
}

/** Where a run is read from: the middle of its first glyph, so a run overflowing its cell still lands in it. */
function anchor(item: PdfTextItem): { x: number; y: number } {
  return { x: item.x + Math.min(item.width, item.height) / 2, y: item.y - item.height * 0.35 };
}

function slotIndex(bounds: number[], v: number): number {
  for (let k = 0; k < bounds.length - 1; k++) if (v < (bounds[k + 1] ?? 0)) return k;
  return bounds.length - 2;
}

/** Runs of one cell grouped into lines (top to bottom), each line left to right. */
function cellLines(runs: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(run.y - first.y) <= Math.max(2, first.height * 0.5)) line.push(run);
    else lines.push([run]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/** A grid of this few filled cells with a cell this long frames prose (a report's first-page sidebar). */
const PROSE_BOX_CELLS = 4;
const PROSE_CELL_LENGTH = 80;

/** A gap this wide (in font sizes) inside a cell's line is a column the rules do not draw. */
const COLUMN_GAP_IN_CELL = 2;

/** Letter-spaced labels ("股    本") put single characters far apart; those gaps are not columns. */
const SINGLE_CHAR = /^\s*[\u3400-\u9fff]\s*$/;

/** True when the cell's runs stand in columns of their own: the grid's rules miss columns. */
function holdsColumns(lines: PdfTextItem[][]): boolean {
  return lines.some((line) =>
    line.some((run, k) => {
      const prev = line[k - 1];
      if (!prev || SINGLE_CHAR.test(prev.str) || SINGLE_CHAR.test(run.str)) return false;
      return run.x - (prev.x + prev.width) > COLUMN_GAP_IN_CELL * Math.max(prev.height, 1);
    }),
  );
}

function gridTable(frame: { h: Rule[]; v: Rule[] }, items: PdfTextItem[]): PdfPageTable | null {
  const left = Math.min(...frame.h.map((r) => r.x0));
  const right = Math.max(...frame.h.map((r) => r.x1));
  const top = Math.min(...frame.v.map((r) => r.y0), ...frame.h.map((r) => r.y0));
  const bottom = Math.max(...frame.v.map((r) => r.y1), ...frame.h.map((r) => r.y0));
  // Open sides (no outer border) still bound the table: the rules' ends do.
  const xs = cluster([left, right, ...frame.v.map((r) => r.x0)], SNAP);
  const ys = cluster([top, bottom, ...frame.h.map((r) => r.y0)], SNAP);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols < 2 || rows < 2) return null;

  const mid = (bounds: number[], k: number) => ((bounds[k] ?? 0) + (bounds[k + 1] ?? 0)) / 2;
  const hasVertical = (x: number, y: number) =>
    frame.v.some((r) => Math.abs(r.x0 - x) <= SNAP && r.y0 - SNAP <= y && y <= r.y1 + SNAP);
  const hasHorizontal = (y: number, x: number) =>
    frame.h.some((r) => Math.abs(r.y0 - y) <= SNAP && r.x0 - SNAP <= x && x <= r.x1 + SNAP);

  // Slots not separated by a rule belong to one (merged) cell.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !hasVertical(xs[c + 1] ?? 0, mid(ys, r))) union(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !hasHorizontal(ys[r + 1] ?? 0, mid(xs, c))) union(r * cols + c, (r + 1) * cols + c);
    }
  }

  const inside: number[] = [];
  const runsBySlot = new Map<number, PdfTextItem[]>();
  items.forEach((item, i) => {
    const a = anchor(item);
    if (
      a.x < (xs[0] ?? 0) - 1 ||
      a.x > (xs[cols] ?? 0) + 1 ||
      a.y < (ys[0] ?? 0) - 1 ||
      a.y > (ys[rows] ?? 0) + 1
    )
      return;
    inside.push(i);
    if (item.str.trim() === '') return;
    const slot = find(slotIndex(ys, a.y) * cols + slotIndex(xs, a.x));
    runsBySlot.set(slot, [...(runsBySlot.get(slot) ?? []), item]);
  });

  const extent = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
  for (let s = 0; s < rows * cols; s++) {
    const root = find(s);
    const r = Math.floor(s / cols);
    const c = s % cols;
    const e = extent.get(root);
    if (!e) extent.set(root, { r0: r, c0: c, r1: r, c1: c });
    else
      Object.assign(e, {
        r0: Math.min(e.r0, r),
        c0: Math.min(e.c0, c),
        r1: Math.max(e.r1, r),
        c1: Math.max(e.c1, c),
      });
  }
  const cells: RawCell[][] = Array.from({ length: rows }, () => []);
  let filled = 0;
  for (const [root, e] of extent) {
    const lines = cellLines(runsBySlot.get(root) ?? []);
    // Unruled columns inside a cell would be read as one run-on string: leave such a grid as text.
    if (holdsColumns(lines)) return null;
    const text = cellText(lines.map((line) => line.map((r) => r.str).join('')));
    if (text !== '') filled++;
    cells[e.r0]?.push({ text, col: e.c0, colspan: e.c1 - e.c0 + 1, rowspan: e.r1 - e.r0 + 1 });
  }
  for (const row of cells) row.sort((a, b) => a.col - b.col);
  // A frame around a paragraph or a lone label is not a table, nor a box or two of prose (a sidebar).
  const cellCount = extent.size;
  if (filled < 3 || cellCount < 4) return null;
  if (filled <= PROSE_BOX_CELLS && cells.flat().some((c) => c.text.length > PROSE_CELL_LENGTH)) return null;
  return { cells, items: inside, top: ys[0] ?? 0, bottom: ys[rows] ?? 0, columns: xs };
}

/** Ruled tables of one page: grids of rules, text runs placed in their cells (a wrapped cell stays one cell). */
export function findPageTables(items: PdfTextItem[], rulings: Rulings): PdfPageTable[] {
  const horizontal = mergeRules(rulings.horizontal, true);
  const vertical = mergeRules(rulings.vertical, false);
  const tables: PdfPageTable[] = [];
  const taken = new Set<number>();
  for (const frame of frames(horizontal, vertical)) {
    if (frame.h.length < 2 || frame.v.length < 1) continue;
    const table = gridTable(frame, items);
    if (!table || table.items.some((i) => taken.has(i))) continue;
    for (const i of table.items) taken.add(i);
    tables.push(table);
  }
  // Rules that frame no grid may still bound a table ruled only horizontally.
  const inGrid = (r: Rule) => vertical.some((v) => meets(r, v));
  tables.push(
    ...findOpenTables(
      items,
      horizontal.filter((r) => !inGrid(r)),
      taken,
    ),
  );
  return tables.sort((a, b) => a.top - b.top);
}

/** Lines of text (distinct baselines) among runs outside every table, above `y` or below it. */
export function linesBeyond(items: PdfTextItem[], tables: PdfPageTable[], y: number, below: boolean): number {
  const inTable = new Set(tables.flatMap((t) => t.items));
  const baselines = items
    .filter((item, i) => !inTable.has(i) && item.str.trim() !== '' && (below ? item.y > y : item.y < y))
    .map((item) => item.y);
  return cluster(baselines, 2).length;
}

/** Same columns: as many, at the same places (a table continued on the next page keeps its layout). */
export function sameColumns(a: PdfPageTable, b: PdfPageTable): boolean {
  return (
    a.columns.length === b.columns.length && a.columns.every((x, k) => Math.abs(x - (b.columns[k] ?? 0)) <= 3)
  );
}
