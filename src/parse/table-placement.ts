import { type ExtractedTable, placeholderIndex, tableLines } from './table-rows.js';

export interface Span {
  start: number;
  end: number;
}

export interface PlacedTable {
  /** Index into the tables given. */
  table: number;
  /** Index of the page text holding the table. */
  pageIndex: number;
  /** One span per row, offsets into that page's text. */
  rows: Span[];
}

/**
 * Replaces each table's placeholder line with the table's rows, one line per row, and says where each row
 * landed. A table whose placeholder is missing is not placed; one without rows leaves no line.
 */
export function placeTables(
  pages: string[],
  tables: ExtractedTable[],
): { pages: string[]; placed: PlacedTable[] } {
  const placed: PlacedTable[] = [];
  const out = pages.map((page, pageIndex) => {
    if (tables.length === 0) return page;
    const lines: string[] = [];
    let offset = 0;
    const add = (line: string): number => {
      if (lines.length > 0) offset += 1;
      const start = offset;
      lines.push(line);
      offset += line.length;
      return start;
    };
    for (const line of page.split('\n')) {
      const index = placeholderIndex(line);
      const table = index === null ? undefined : tables[index];
      if (index === null || !table || placed.some((p) => p.table === index)) {
        if (index === null) add(line);
        continue;
      }
      const rows = tableLines(table).map((row) => {
        const start = add(row);
        return { start, end: start + row.length };
      });
      if (rows.length > 0) placed.push({ table: index, pageIndex, rows });
    }
    return lines.join('\n');
  });
  return { pages: out, placed };
}
