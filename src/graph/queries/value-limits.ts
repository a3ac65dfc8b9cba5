import {
  type CypherToken,
  closingIndex,
  cypherTokens,
  functionCalls,
  isWord,
  startsComprehension,
} from './cypher-tokens.js';
import { elementMappingRefusal } from './element-mappings.js';
import { valueCopiesRefusal } from './value-copies.js';

/*
 * Rules against one read query exhausting Neo4j's heap. Neo4j tracks the memory of what a query holds
 * across rows (collect, ORDER BY, DISTINCT), not of values built inside one expression: a list
 * comprehension over a huge range(), a string doubled in a reduce() or by nested replace() grows past
 * the heap and the server exits (its supervisor starts it again). The forms that build such values from
 * a short query are refused before anything runs:
 * - range() outside `UNWIND range(…) AS` (read one element at a time) takes integer literals or integer
 *   parameters only, and holds at most MAX_RANGE_ELEMENTS elements: readers never need a computed or a
 *   long range, and each element can be mapped to a new value (a 9,000-character string joined to each
 *   element of range(1, 1000000) is 9 GB);
 * - reduce() is refused: its accumulator can double at every step (a sum reads as
 *   `CALL { … UNWIND list AS x RETURN sum(x) AS total }`, whose memory Neo4j tracks);
 * - replace() may not lengthen: its search and replacement are written strings or string parameters, the
 *   replacement no longer than the search (nested, each call multiplies the length);
 * - a list comprehension may not build a list comprehension per element (sizes multiply: three levels
 *   of 1,000 are a billion elements), and its mapping (after `|`, built again for each element) holds at
 *   most MAX_MAPPING_CHARS characters of strings and parameters;
 * - the strings and parameters of one read hold at most MAX_LITERAL_CHARS characters, counted wherever
 *   each appears (`$p + $p + …` repeats a large parameter without a loop);
 * - an expression is built from at most MAX_VALUE_COPIES copies of earlier variables (value-copies.ts:
 *   `WITH s + s AS s` chained doubles s each time);
 * - a list comprehension over a list of unknown length (a variable bound by collect()) only picks from
 *   each element (element-mappings.ts): mapped to a longer value, a collected million rows exhaust the heap.
 */

/** The most elements a `range()` may have in a client's query, except when UNWIND reads it. */
export const MAX_RANGE_ELEMENTS = 10_000;
/** The most characters of strings and parameter values one read may write, counted where each appears. */
export const MAX_LITERAL_CHARS = 65_536;
/** The most characters of strings and parameter values in the mapping of one list comprehension. */
export const MAX_MAPPING_CHARS = 1_000;

const INTEGER = /^(?:0x[0-9a-f_]+|0o[0-7_]+|[0-9][0-9_]*)$/i;

/** The value of an argument that is a written integer or an integer parameter, else undefined. */
function integerValue(arg: readonly CypherToken[], params: Record<string, unknown>): bigint | undefined {
  const [first, second] = arg;
  if (arg.length === 2 && first?.kind === 'symbol' && /^[+-]$/.test(first.text)) {
    const value = second ? integerValue([second], params) : undefined;
    return value === undefined ? undefined : first.text === '-' ? -value : value;
  }
  if (arg.length !== 1 || !first) return undefined;
  if (first.kind === 'number' && INTEGER.test(first.text)) {
    const digits = first.text.replaceAll('_', '').toLowerCase();
    return BigInt(digits.startsWith('0o') ? `0o${digits.slice(2)}` : digits);
  }
  if (first.kind !== 'param') return undefined;
  const value = params[first.text];
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return typeof value === 'bigint' ? value : undefined;
}

/** The text of an argument that is a written string or a string parameter, else undefined. */
function stringValue(arg: readonly CypherToken[], params: Record<string, unknown>): string | undefined {
  const [only] = arg;
  if (arg.length !== 1 || !only) return undefined;
  if (only.kind === 'string') return only.text;
  const value = only.kind === 'param' ? params[only.text] : undefined;
  return typeof value === 'string' ? value : undefined;
}

function rangeRefusal(
  tokens: readonly CypherToken[],
  call: { start: number; end: number; args: CypherToken[][] },
  params: Record<string, unknown>,
): string | null {
  if (isWord(tokens[call.start - 1], 'unwind') && isWord(tokens[call.end + 1], 'as')) return null;
  const [first, last, written] = call.args.map((arg) => integerValue(arg, params));
  const by = call.args.length === 2 ? 1n : written;
  const arity = call.args.length === 2 || call.args.length === 3;
  if (!arity || first === undefined || last === undefined || by === undefined) {
    return 'range() takes written integers or integer parameters as bounds and step here (UNWIND range(…) AS x takes any)';
  }
  if (by === 0n) return null; // Neo4j refuses a step of 0 itself
  const span = (last - first) / by;
  const length = span < 0n ? 0n : span + 1n;
  return length > BigInt(MAX_RANGE_ELEMENTS)
    ? `range() of ${length} elements: a list built from range() may hold at most ${MAX_RANGE_ELEMENTS.toLocaleString('en')} (UNWIND range(…) reads any length)`
    : null;
}

function replaceRefusal(args: CypherToken[][], params: Record<string, unknown>): string | null {
  const search = args[1] && stringValue(args[1], params);
  const replacement = args[2] && stringValue(args[2], params);
  if (search === undefined || replacement === undefined) {
    return 'replace() takes a written string or a string parameter as its search and its replacement here';
  }
  return replacement.length > search.length
    ? 'replace() may not lengthen a string here: the replacement must be no longer than the search'
    : null;
}

function nestedComprehensionRefusal(tokens: readonly CypherToken[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!startsComprehension(tokens, i)) continue;
    const close = closingIndex(tokens, i);
    let depth = 0;
    let projecting = false;
    for (let j = i + 1; j < close; j++) {
      const t = tokens[j] as CypherToken;
      if (t.kind === 'symbol' && '([{'.includes(t.text)) depth++;
      else if (t.kind === 'symbol' && ')]}'.includes(t.text)) depth--;
      else if (t.kind === 'symbol' && t.text === '|' && depth === 0) projecting = true;
      if (projecting && startsComprehension(tokens, j)) {
        return 'a list comprehension may not build a list comprehension for each element here (their sizes multiply)';
      }
    }
  }
  return null;
}

/** Characters a parameter's value holds once sent to Neo4j (a number or a boolean counts its digits). */
function valueChars(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((total: number, item) => total + 1 + valueChars(item), 0);
  if (value && typeof value === 'object') {
    return Object.entries(value).reduce((total, [key, item]) => total + key.length + valueChars(item), 0);
  }
  return String(value).length;
}

/** Characters of the strings and parameters among `tokens`, each counted where it appears. */
function literalChars(tokens: readonly CypherToken[], params: Record<string, unknown>): number {
  let total = 0;
  for (const token of tokens) {
    if (token.kind === 'string') total += token.text.length;
    else if (token.kind === 'param') total += valueChars(params[token.text]);
  }
  return total;
}

/** Where the mapping of the comprehension opened at `open` starts (after its `|`), or -1 when it has none. */
function mappingStart(tokens: readonly CypherToken[], open: number, close: number): number {
  let depth = 0;
  for (let i = open + 1; i < close; i++) {
    const t = tokens[i] as CypherToken;
    if (t.kind !== 'symbol') continue;
    if ('([{'.includes(t.text)) depth++;
    else if (')]}'.includes(t.text)) depth--;
    else if (t.text === '|' && depth === 0) return i + 1;
  }
  return -1;
}

function literalRefusal(tokens: readonly CypherToken[], params: Record<string, unknown>): string | null {
  const total = literalChars(tokens, params);
  if (total > MAX_LITERAL_CHARS) {
    return `the strings and parameters of a query may hold at most ${MAX_LITERAL_CHARS.toLocaleString('en')} characters, counted where each appears (this one: ${total.toLocaleString('en')})`;
  }
  for (let open = 0; open < tokens.length; open++) {
    if (tokens[open]?.kind !== 'symbol' || tokens[open]?.text !== '[') continue;
    const close = closingIndex(tokens, open);
    const start = mappingStart(tokens, open, close);
    if (start < 0) continue;
    const chars = literalChars(tokens.slice(start, close), params);
    if (chars > MAX_MAPPING_CHARS) {
      return `the mapping of a list comprehension (after |, built for each element) may hold at most ${MAX_MAPPING_CHARS.toLocaleString('en')} characters of strings and parameters here (this one: ${chars.toLocaleString('en')})`;
    }
  }
  return null;
}

const GUARDED = new Set(['range', 'reduce', 'replace']);

/** Why `query` is refused as able to build a value too large for the server's heap, or null. */
export function unboundedValue(query: string, params: Record<string, unknown>): string | null {
  const tokens = cypherTokens(query);
  for (const call of functionCalls(tokens, GUARDED)) {
    const why =
      call.name === 'range'
        ? rangeRefusal(tokens, call, params)
        : call.name === 'reduce'
          ? 'reduce() is not allowed here (its accumulator can grow without bound); sum with CALL { UNWIND … RETURN sum(…) }'
          : replaceRefusal(call.args, params);
    if (why) return why;
  }
  return (
    nestedComprehensionRefusal(tokens) ??
    literalRefusal(tokens, params) ??
    valueCopiesRefusal(tokens) ??
    elementMappingRefusal(tokens, params)
  );
}
