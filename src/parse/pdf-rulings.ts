import { OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** An axis-aligned rule in viewport space (origin top-left, y down): table borders drawn as lines or thin boxes. */
export interface Rule {
  /** Horizontal rules have y0 === y1, vertical ones x0 === x1; x0 <= x1 and y0 <= y1. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Rulings {
  horizontal: Rule[];
  vertical: Rule[];
}

type Matrix = number[];

/** pdfjs path codes inside a constructPath op (DrawOPS, not exported). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const CLOSE_PATH = 3;

/** Word draws borders as filled boxes half a point thick; anything thinner than this is a line. */
const MAX_RULE_THICKNESS = 2.5;
const MIN_RULE_LENGTH = 3;

const PAINTS = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const STROKES = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

function toRule(ax: number, ay: number, bx: number, by: number): Rule | null {
  const x0 = Math.min(ax, bx);
  const x1 = Math.max(ax, bx);
  const y0 = Math.min(ay, by);
  const y1 = Math.max(ay, by);
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) {
    const y = (y0 + y1) / 2;
    return { x0, y0: y, x1, y1: y };
  }
  if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) {
    const x = (x0 + x1) / 2;
    return { x0: x, y0, x1: x, y1 };
  }
  return null;
}

/** Subpaths of a pdfjs path as point lists (curves reduced to their end points); closed ones repeat the start. */
function subpaths(
  path: ArrayLike<number>,
  toPage: (x: number, y: number) => [number, number],
): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  for (let i = 0; i < path.length; ) {
    const code = path[i++];
    if (code === MOVE_TO) {
      if (current.length > 0) out.push(current);
      current = [toPage(path[i] ?? 0, path[i + 1] ?? 0)];
      i += 2;
    } else if (code === LINE_TO) {
      current.push(toPage(path[i] ?? 0, path[i + 1] ?? 0));
      i += 2;
    } else if (code === CURVE_TO) {
      current.push(toPage(path[i + 4] ?? 0, path[i + 5] ?? 0));
      i += 6;
    } else if (code === CLOSE_PATH) {
      const first = current[0];
      if (first) current.push(first);
    } else {
      break;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function addPathRules(rulings: Rulings, points: Array<[number, number]>, stroked: boolean): void {
  const add = (rule: Rule | null) => {
    if (!rule) return;
    (rule.y0 === rule.y1 ? rulings.horizontal : rulings.vertical).push(rule);
  };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  // A thin filled (or stroked) box is one rule.
  const box = toRule(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
  if (box) {
    add(box);
    return;
  }
  // Only stroked outlines draw their edges; a big filled box is shading, not a border.
  if (!stroked) return;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    if (a && b && (Math.abs(a[0] - b[0]) < 0.5 || Math.abs(a[1] - b[1]) < 0.5))
      add(toRule(a[0], a[1], b[0], b[1]));
  }
}

/**
 * Horizontal and vertical rules drawn on a page, from its operator list: stroked lines and rectangles,
 * and the thin filled boxes Word uses for table borders. Coordinates are viewport ones (y down).
 */
export function rulingsFromOperators(
  operators: { fnArray: number[]; argsArray: unknown[] },
  viewportTransform: Matrix,
): Rulings {
  const rulings: Rulings = { horizontal: [], vertical: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < operators.fnArray.length; i++) {
    const fn = operators.fnArray[i];
    const args = operators.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = Util.transform(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = args?.[0] as Matrix | null | undefined;
      if (Array.isArray(matrix) || ArrayBuffer.isView(matrix)) ctm = Util.transform(ctm, Array.from(matrix));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      if (!PAINTS.has(paint)) continue;
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (!data || typeof (data as ArrayLike<number>).length !== 'number') continue;
      const full = Util.transform(viewportTransform, ctm);
      const toPage = (x: number, y: number): [number, number] => {
        const p = [x, y];
        Util.applyTransform(p, full);
        return [p[0] ?? 0, p[1] ?? 0];
      };
      for (const points of subpaths(data as ArrayLike<number>, toPage))
        addPathRules(rulings, points, STROKES.has(paint));
    }
  }
  return rulings;
}
