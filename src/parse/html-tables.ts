import { cellText, type RawCell } from './table-rows.js';

export interface HtmlTableCells {
  cells: RawCell[][];
  /** Leading rows of <th> cells (or in <thead>); undefined when the table marks none. */
  headerRows: number | undefined;
}

/** A cell longer than this holds a page section: the table is page layout, not data. */
const MAX_CELL_LENGTH = 500;

const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tbody|<\/thead|<\/tfoot|<\/table|$)/gi;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)(?=<\/?(?:td|th|tr)\b|<\/table|$)/gi;

function span(attributes: string, name: string): number {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 50) : 1;
}

/**
 * Rows and cells of one HTML <table> (its full markup, nested tables excluded): cells placed in columns
 * around earlier rowspans. Returns null for tables that lay out a page rather than hold data: nested tables,
 * a single row or column, or very long cells. `toText` turns a cell's inner HTML into text.
 */
export function parseHtmlTable(html: string, toText: (inner: string) => string): HtmlTableCells | null {
  const inner = html.replace(/^<table\b[^>]*>/i, '');
  if (/<table\b/i.test(inner)) return null;
  const theadEnd = inner.search(/<\/thead>/i);
  const rows: RawCell[][] = [];
  const occupied = new Set<string>();
  let headerRows = 0;
  let leadingHeaders = true;
  for (const rowMatch of inner.matchAll(ROW)) {
    const r = rows.length;
    const row: RawCell[] = [];
    let col = 0;
    let allTh = true;
    for (const cellMatch of (rowMatch[1] ?? '').matchAll(CELL)) {
      while (occupied.has(`${r},${col}`)) col++;
      const colspan = span(cellMatch[2] ?? '', 'colspan');
      const rowspan = span(cellMatch[2] ?? '', 'rowspan');
      const text = cellText(toText(cellMatch[3] ?? '').split('\n'));
      if (text.length > MAX_CELL_LENGTH) return null;
      if ((cellMatch[1] ?? '').toLowerCase() !== 'th') allTh = false;
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < colspan; dc++) occupied.add(`${r + dr},${col + dc}`);
      row.push({ text, col, colspan, rowspan });
      col += colspan;
    }
    if (row.length === 0) continue;
    const inThead = theadEnd >= 0 && (rowMatch.index ?? 0) < theadEnd;
    if (leadingHeaders && (allTh || inThead)) headerRows++;
    else leadingHeaders = false;
    rows.push(row);
  }
  const width = Math.max(0, ...rows.flatMap((row) => row.map((c) => c.col + c.colspan)));
  if (rows.length < 2 || width < 2) return null;
  if (rows.flat().filter((c) => c.text !== '').length < 3) return null;
  return { cells: rows, headerRows: headerRows > 0 ? headerRows : undefined };
}
