import { joinSeparator } from './text-width.js';

/** A cell as the source lays it out: text at column `col`, spanning `colspan` columns and `rowspan` rows. */
export interface RawCell {
  text: string;
  col: number;
  colspan: number;
  rowspan: number;
}

/** A table read from the source, before it is placed in the document text. */
export interface ExtractedTable {
  /** Page the table starts on (1-based). */
  page: number;
  /** One label per column; empty when no header row was recognised. */
  header: string[];
  rows: string[][];
}

/**
 * Tables leave a one-line marker in the page text until the layout cleaner has run (it must neither join
 * nor drop them); the marker is then replaced by the table's rows. U+241E never occurs in real text.
 */
const MARK = '\u241e';
const PLACEHOLDER = new RegExp(`^${MARK}(\\d+)${MARK}$`);

export function tablePlaceholder(index: number): string {
  return `${MARK}${index}${MARK}`;
}

export function placeholderIndex(line: string): number | null {
  const m = PLACEHOLDER.exec(line.trim());
  return m ? Number(m[1]) : null;
}

/** The text with each placeholder line's index raised by `by` (a page's own tables joining the document's). */
export function shiftPlaceholders(text: string, by: number): string {
  return text
    .split('\n')
    .map((line) => {
      const index = placeholderIndex(line);
      return index === null ? line : tablePlaceholder(index + by);
    })
    .join('\n');
}

export function isPlaceholder(line: string): boolean {
  return PLACEHOLDER.test(line.trim());
}

/** One line per cell: wrapped lines are rejoined (nothing between Chinese characters), spaces collapsed. */
export function cellText(lines: string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    // A figure wrapped in a narrow cell ("1,875,460,915.2" / "0") rejoins without a space.
    const inFigure = /[\d,.]$/.test(text) && /^[\d,.%]/.test(line);
    text += (inFigure ? '' : joinSeparator(text, line)) + line;
  }
  return text;
}

/** A figure, amount or ratio: a value, never a column label. */
const VALUE = /^[-+(（]?[¥$￥]?\d[\d,，.]*\s*(?:%|％|元|万元|亿元|股|万股|倍)?[)）]?$/;
const YEAR = /^(?:19|20)\d{2}$/;
const MAX_LABEL_LENGTH = 30;

/** A figure, or figures listed with 、 (an A+B company's codes "000570、200570"): values, never a label. */
function isValue(cell: string): boolean {
  return cell.split('、').every((part) => VALUE.test(part.trim()) && !YEAR.test(part.trim()));
}

/** Labels are short and never figures; a header row names at least two columns. */
function looksLikeHeader(row: string[]): boolean {
  const filled = row.filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c) => !isValue(c) && c.length <= MAX_LABEL_LENGTH);
}

/** Column label from the stacked header cells above it; a cell spanning several header rows counts once. */
function columnLabel(labels: string[]): string {
  const distinct = labels.filter((l, i) => l !== '' && labels.indexOf(l) === i);
  return cellText(distinct);
}

interface Slot {
  text: string;
  /** True in the top-left slot of its cell. */
  origin: boolean;
  /** True in the first column of its cell (rowspan copies keep it). */
  firstCol: boolean;
  colspan: number;
}

function toMatrix(cellRows: RawCell[][]): Slot[][] {
  const width = Math.max(0, ...cellRows.flatMap((row) => row.map((c) => c.col + c.colspan)));
  const matrix: Slot[][] = cellRows.map(() =>
    Array.from({ length: width }, () => ({ text: '', origin: false, firstCol: false, colspan: 1 })),
  );
  cellRows.forEach((row, r) => {
    for (const cell of row) {
      for (let dr = 0; dr < cell.rowspan && r + dr < matrix.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const slot = matrix[r + dr]?.[cell.col + dc];
          if (slot)
            Object.assign(slot, {
              text: cell.text,
              origin: dr === 0 && dc === 0,
              firstCol: dc === 0,
              colspan: cell.colspan,
            });
        }
      }
    }
  });
  return matrix;
}

/**
 * Turns laid-out cells into a header and value rows. The first row is the header when it looks like labels;
 * a second row joins it when the first has a cell spanning several columns (grouped headers). A cell spanning
 * rows repeats in each (each row then reads whole); one spanning columns counts once. Empty rows and columns go.
 * `headerRows` forces the header (HTML <th> rows).
 */
export function tableFromCells(page: number, cellRows: RawCell[][], headerRows?: number): ExtractedTable {
  const matrix = toMatrix(cellRows);
  const width = matrix[0]?.length ?? 0;
  const labelsOf = (row: Slot[]) => row.map((s) => s.text);
  const valuesOf = (row: Slot[]) => row.map((s) => (s.firstCol ? s.text : ''));
  let headerCount = headerRows ?? 0;
  if (headerRows === undefined && matrix.length >= 2 && looksLikeHeader(valuesOf(matrix[0] ?? []))) {
    headerCount = 1;
    const grouped = (matrix[0] ?? []).some((s) => s.colspan > 1);
    if (grouped && matrix.length >= 3 && looksLikeHeader(labelsOf(matrix[1] ?? []))) headerCount = 2;
  }
  let header = Array.from({ length: width }, (_, c) =>
    columnLabel(matrix.slice(0, headerCount).map((row) => row[c]?.text ?? '')),
  );
  // A label spanning columns with no sub-labels under it names its first column only.
  header = header.map((label, c) => (c > 0 && label === header[c - 1] ? '' : label));
  let rows = matrix.slice(headerCount).map(valuesOf);
  rows = rows.filter((row) => row.some((c) => c !== ''));
  const keep = header.map((_, c) => header[c] !== '' || rows.some((row) => row[c] !== ''));
  header = header.filter((_, c) => keep[c]);
  rows = rows.map((row) => row.filter((_, c) => keep[c]));
  // Spanned group labels repeat over their columns; a header with nothing in it is no header.
  if (header.every((h) => h === '')) header = [];
  // A lone header row is a row of values after all.
  if (rows.length === 0) return { page, header: [], rows: header.length > 0 ? [header] : [] };
  return { page, header, rows };
}

/**
 * A table row as one line for the model: "表头1：单元格1；表头2：单元格2" (empty cells skipped). Without a header,
 * a two-column row reads "项目：内容" and a wider one lists its cells.
 */
export function linearizeRow(header: string[], row: string[]): string {
  const parts: string[] = [];
  row.forEach((cell, c) => {
    if (cell === '') return;
    const label = header[c] ?? '';
    parts.push(label !== '' && label !== cell ? `${label}：${cell}` : cell);
  });
  if (header.length === 0 && row.length === 2 && parts.length === 2) {
    const [key = '', value = ''] = parts;
    return /[:：]$/.test(key) ? `${key}${value}` : `${key}：${value}`;
  }
  return parts.join('；');
}

/** The lines a table contributes to the document text: one per row, in order. */
export function tableLines(table: ExtractedTable): string[] {
  return table.rows.map((row) => linearizeRow(table.header, row));
}
