/** A table as parse reads it; its own module so that the header readers and parse's types need not import each other. */
export interface ParsedTable {
  /** Page the table starts on (a table continued over pages is one table). */
  page: number;
  /** Column labels; empty when no header row was recognised. */
  header: string[];
  /** Cell texts, one array per row (header excluded), as wide as `header` when there is one. */
  rows: string[][];
  /** Where the table's linearised rows are in the document `text`. */
  start: number;
  end: number;
  /** rowSpans[i] is row i's line in `text`: "表头1：单元格1；表头2：单元格2". */
  rowSpans: Array<{ start: number; end: number }>;
}
