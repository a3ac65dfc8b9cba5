/*
 * A cheap first line against one read query exhausting Neo4j's heap: Neo4j does not track the memory of
 * values built inside one expression, so `[x IN range(1, 30000000) | toString(x)]` grows past the heap
 * and the server exits (its supervisor starts it again). A `range()` whose bounds are written in the
 * query (or passed as parameters) and which would hold more than MAX_RANGE_ELEMENTS elements is refused
 * before anything runs. Bounds computed inside the query pass: this check is not a memory guard, only
 * the refusal of the plain form of the attack.
 */

/** The most elements a `range()` with written bounds may have in a client's query. */
export const MAX_RANGE_ELEMENTS = 1_000_000;

const INTEGER = /^[+-]?(?:0x[0-9a-f_]+|0o[0-7_]+|[0-9][0-9_]*)$/i;

function integerValue(argument: string, params: Record<string, unknown>): bigint | undefined {
  const text = argument.trim();
  if (INTEGER.test(text)) {
    const negative = text.startsWith('-');
    const digits = text.replace(/^[+-]/, '').replaceAll('_', '');
    const value = BigInt(digits.toLowerCase().startsWith('0o') ? `0o${digits.slice(2)}` : digits);
    return negative ? -value : value;
  }
  const param = /^\$`?(\w+)`?$/.exec(text)?.[1];
  const value = param === undefined ? undefined : params[param];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'bigint') return value;
  return undefined;
}

/** How many elements range(start, end, step) holds; undefined when a bound is not known here. */
function rangeLength(args: string[], params: Record<string, unknown>): bigint | undefined {
  const [start, end, step = 1n] = args.map((a) => integerValue(a, params));
  if (start === undefined || end === undefined || step === undefined || step === 0n) return undefined;
  const span = (end - start) / step;
  return span < 0n ? 0n : span + 1n;
}

/** Comments are blanked so they cannot split `range` from its arguments. */
function withoutComments(query: string): string {
  return query.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ');
}

/**
 * Why `query` is refused for a range() too large to hold, or null. A range read by UNWIND passes: Neo4j
 * reads it one element at a time.
 */
export function oversizedRange(query: string, params: Record<string, unknown>): string | null {
  const text = withoutComments(query);
  const call = /(\bUNWIND\s+)?(?<![\w.`])range\s*\(([^()]*)\)/gi;
  for (const match of text.matchAll(call)) {
    if (match[1]) continue;
    const length = rangeLength((match[2] ?? '').split(','), params);
    if (length !== undefined && length > BigInt(MAX_RANGE_ELEMENTS))
      return `range() of ${length} elements: a list built from range() may hold at most ${MAX_RANGE_ELEMENTS.toLocaleString('en')} (UNWIND range(…) reads any length)`;
  }
  return null;
}
