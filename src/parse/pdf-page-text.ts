/** A text run of a PDF page with its position in viewport space (origin top-left, y down). */
export interface PdfTextItem {
  str: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  width: number;
  /** Font size, roughly the glyph height. */
  height: number;
  hasEOL: boolean;
}

/** pdf-parse's getText defaults: a new line past this baseline shift, a tab past this horizontal gap. */
const LINE_THRESHOLD = 4.6;
const CELL_THRESHOLD = 7;

/**
 * Page text from positioned runs, exactly as pdf-parse's getText({ lineEnforce: true }) writes it (lines by
 * baseline, "\t" between runs far apart on one line), except that runs in `replaced` are left out and the first
 * run of each group is replaced by its line: tables are written once, elsewhere, by the caller.
 */
export function pageTextFromItems(items: PdfTextItem[], replaced: Map<number, string> = new Map()): string {
  const out: string[] = [];
  const emitted = new Set<string>();
  let last: string | undefined; // the last piece pdf-parse would have pushed, kept or not
  let lastX: number | undefined;
  let lastY: number | undefined;
  let lineHeight = 0;
  items.forEach((item, i) => {
    const { x, y } = item;
    let str = item.str;
    const push = (piece: string, keep: boolean) => {
      last = piece;
      if (keep) out.push(piece);
    };
    const group = replaced.get(i);
    const keep = group === undefined;
    if (lastY !== undefined && Math.abs(lastY - y) > LINE_THRESHOLD) {
      const startsLine = str.startsWith('\n') || (str.trim() === '' && item.hasEOL);
      if (last !== undefined && !last.endsWith('\n') && !startsLine && Math.abs(lastY - y) - 1 > lineHeight) {
        push('\n', true);
        lineHeight = 0;
      }
    }
    if (lastY !== undefined && Math.abs(lastY - y) < LINE_THRESHOLD && lastX !== undefined) {
      if (Math.abs(lastX - x) > CELL_THRESHOLD) str = `\t${str}`;
    }
    // An empty group drops its runs without a line (a table continued from the previous page).
    if (group !== undefined && group !== '' && !emitted.has(group)) {
      emitted.add(group);
      out.push(`\n${group}\n`);
    }
    push(str, keep);
    lastX = x + item.width;
    lastY = y;
    lineHeight = Math.max(lineHeight, item.height);
    if (item.hasEOL) push('\n', true);
    if (item.hasEOL || str.endsWith('\n')) lineHeight = 0;
  });
  return out.join('');
}
