/**
 * Tables continued over pages: a table whose page ends with it and whose columns reappear at the top of the
 * next page is one table, its header printed again on the new page dropped. Text layers and OCR'd scans
 * both hand in each page's runs and ruled tables.
 */
import type { PdfTextItem } from './pdf-page-text.js';
import { linesBeyond, type PdfPageTable, sameColumns } from './pdf-tables.js';
import { type ExtractedTable, type RawCell, tableFromCells } from './table-rows.js';

/** One page's text runs and the ruled tables found among them. */
export interface PageTables {
  /** Page number (1-based); only tables on consecutive pages join. */
  number: number;
  items: PdfTextItem[];
  tables: PdfPageTable[];
}

/** Where a page's table went: the document table it belongs to, and whether it goes on one begun before. */
export interface TablePart {
  table: number;
  continuation: boolean;
}

/** Footer lines (page number, running footer) may sit below a table that goes on over the page. */
const MAX_LINES_AFTER_TABLE = 2;
/** Running header lines may sit above the continuation. */
const MAX_LINES_BEFORE_CONTINUATION = 3;

function continues(prev: PageTables | undefined, next: PageTables): boolean {
  const last = prev?.tables[prev.tables.length - 1];
  const first = next.tables[0];
  if (!prev || !last || !first || prev.number + 1 !== next.number || !sameColumns(last, first)) return false;
  return (
    linesBeyond(prev.items, prev.tables, last.bottom, true) <= MAX_LINES_AFTER_TABLE &&
    linesBeyond(next.items, next.tables, first.top, false) <= MAX_LINES_BEFORE_CONTINUATION
  );
}

const rowKey = (row: RawCell[] | undefined) => JSON.stringify(row?.map((c) => [c.col, c.text]) ?? null);

/** Leading rows of `more` that repeat the first rows of `cells` (a header printed again on the new page). */
function repeatedHeaderRows(cells: RawCell[][], more: RawCell[][]): number {
  let n = 0;
  while (n < 2 && n < more.length && rowKey(more[n]) === rowKey(cells[n])) n++;
  return n;
}

/**
 * The document's tables, a table continued over pages as one (on the page it starts on), and for each
 * page's tables in order, where each went.
 */
export function joinContinuedTables(pages: readonly PageTables[]): {
  tables: ExtractedTable[];
  parts: TablePart[][];
} {
  const tables: ExtractedTable[] = [];
  const parts: TablePart[][] = pages.map(() => []);
  let open: { cells: RawCell[][]; page: number; index: number } | undefined;
  pages.forEach((read, p) => {
    read.tables.forEach((table, t) => {
      const continuation = t === 0 && open !== undefined && continues(pages[p - 1], read);
      if (open && continuation) {
        open.cells.push(...table.cells.slice(repeatedHeaderRows(open.cells, table.cells)));
      } else {
        open = { cells: table.cells.map((row) => [...row]), page: read.number, index: tables.length };
        tables.push({ page: read.number, header: [], rows: [] });
      }
      parts[p]?.push({ table: open.index, continuation });
      tables[open.index] = tableFromCells(open.page, open.cells);
    });
    if (read.tables.length === 0) open = undefined;
  });
  return { tables, parts };
}
