import { type CypherToken, closingIndex, isSymbol, isWord, startsComprehension } from './cypher-tokens.js';

/*
 * A list comprehension builds its whole result inside one expression, memory Neo4j does not count. Over a
 * list whose length the text bounds (a written list, a range() of at most MAX_RANGE_ELEMENTS, a parameter,
 * a path's nodes()) the other rules bound what it builds. Over a list of unknown length (a variable bound
 * by collect(), which may hold millions of rows) each element may only be picked, not built upon:
 * `UNWIND range(1, 1000000) AS i WITH collect(i) AS l RETURN [x IN l | '<900 characters>' + x]` is a
 * gigabyte, and made Neo4j exit. Values built per row go through UNWIND … collect(…), which Neo4j counts
 * against the transaction's memory limit (422).
 */

/** Functions that give one value no larger than their element (or a stored property of it). */
const ELEMENT_FUNCTIONS = new Set([
  'tostring',
  'tostringornull',
  'tointeger',
  'tointegerornull',
  'tofloat',
  'tofloatornull',
  'toboolean',
  'tobooleanornull',
  'toupper',
  'tolower',
  'trim',
  'ltrim',
  'rtrim',
  'size',
  'length',
  'id',
  'elementid',
  'type',
  'labels',
  'keys',
  'properties',
  'startnode',
  'endnode',
  'head',
  'last',
  'abs',
  'sign',
  'round',
  'floor',
  'ceil',
]);

/** Functions whose list is bounded by the graph's own data (a path, a node's labels or keys, a stored string). */
const DATA_LISTS = new Set(['nodes', 'relationships', 'labels', 'keys', 'split']);

/** Where the top-level `|` or WHERE of the comprehension opened at `open` is (or its closing bracket). */
function partEnd(tokens: readonly CypherToken[], from: number, close: number, stops: string[]): number {
  let depth = 0;
  for (let i = from; i < close; i++) {
    const t = tokens[i];
    if (isSymbol(t, '([{')) depth++;
    else if (isSymbol(t, ')]}')) depth--;
    else if (depth === 0 && stops.some((stop) => (stop === '|' ? isSymbol(t, '|') : isWord(t, stop))))
      return i;
  }
  return close;
}

/** Whether `source` is a list whose length the query's text bounds (see the comment at the top). */
function knownLength(source: readonly CypherToken[]): boolean {
  const [first, second] = source;
  if (!first) return false;
  if (source.length === 1) return first.kind === 'param';
  // A written list, or a comprehension, whose length is at most its own source's.
  if (isSymbol(first, '[') && closingIndex(source, 0) === source.length - 1) {
    if (!startsComprehension(source, 0)) return true;
    return knownLength(source.slice(3, partEnd(source, 3, source.length - 1, ['|', 'where'])));
  }
  // A stored property: a.b
  if (source.length === 3 && first.kind === 'name' && isSymbol(second, '.') && source[2]?.kind === 'name')
    return true;
  // range() (bounded where it is not read by UNWIND), or a list from the graph's own data.
  const call =
    first.kind === 'name' && isSymbol(second, '(') && closingIndex(source, 1) === source.length - 1;
  return call && (isWord(first, 'range') || DATA_LISTS.has(first.text.toLowerCase()));
}

/** Whether `mapping` picks from the element `variable`: it, a property chain of it, or one function of these. */
function picksElement(mapping: readonly CypherToken[], variable: string): boolean {
  let from = 0;
  let to = mapping.length;
  while (
    to - from >= 3 &&
    mapping[from]?.kind === 'name' &&
    ELEMENT_FUNCTIONS.has((mapping[from] as CypherToken).text.toLowerCase()) &&
    isSymbol(mapping[from + 1], '(') &&
    closingIndex(mapping, from + 1) === to - 1
  ) {
    from += 2;
    to -= 1;
  }
  const first = mapping[from];
  if (first?.kind !== 'name' || first.text !== variable) return false;
  for (let i = from + 1; i < to; i += 2) {
    if (!isSymbol(mapping[i], '.') || mapping[i + 1]?.kind !== 'name') return false;
  }
  return true;
}

/** The most elements of a list whose comprehension may copy variables from outside it into each element. */
export const MAX_OUTER_COPIES = 100;

const INTEGER = /^[0-9]+$/;

/** How many elements `source` has when the text says so (a written list, range() of written integers, a list parameter). */
function writtenLength(source: readonly CypherToken[], params: Record<string, unknown>): number | undefined {
  const [first, second] = source;
  if (source.length === 1 && first?.kind === 'param') {
    const value = params[first.text];
    return Array.isArray(value) ? value.length : undefined;
  }
  if (isSymbol(first, '[') && closingIndex(source, 0) === source.length - 1) {
    if (startsComprehension(source, 0))
      return writtenLength(source.slice(3, partEnd(source, 3, source.length - 1, ['|', 'where'])), params);
    let depth = 0;
    let elements = source.length > 2 ? 1 : 0;
    for (const t of source.slice(1, -1)) {
      if (isSymbol(t, '([{')) depth++;
      else if (isSymbol(t, ')]}')) depth--;
      else if (depth === 0 && isSymbol(t, ',')) elements++;
    }
    return elements;
  }
  // range(a, b) with written non-negative integers (a step or a sign: not counted, so not small).
  if (isWord(first, 'range') && isSymbol(second, '(') && source.length === 6) {
    const [from, comma, to] = [source[2], source[3], source[4]];
    if (from?.kind === 'number' && to?.kind === 'number' && isSymbol(comma, ','))
      if (INTEGER.test(from.text) && INTEGER.test(to.text))
        return Math.max(0, Number(to.text) - Number(from.text) + 1);
  }
  return undefined;
}

/** Words of expressions that are not variables. */
const KEYWORDS = new Set(
  'case when then else end and or xor not in is null true false starts ends with contains distinct'.split(
    ' ',
  ),
);

/** Whether `mapping` names a variable other than the element `variable` (one bound outside the comprehension). */
function namesOuterVariable(mapping: readonly CypherToken[], variable: string): boolean {
  const opens: string[] = [];
  return mapping.some((t, i) => {
    if (isSymbol(t, ')]}')) opens.pop();
    const inside = opens.at(-1);
    if (isSymbol(t, '([{')) opens.push(t.text);
    if (t.kind !== 'name' || t.text === variable || KEYWORDS.has(t.text.toLowerCase())) return false;
    if (isSymbol(mapping[i - 1], '.') || isSymbol(mapping[i + 1], '(')) return false; // property, function
    if (inside === '{' && isSymbol(mapping[i + 1], ':')) return false; // a map's key
    if (inside !== '{' && isSymbol(mapping[i - 1], ':')) return false; // a label
    return true;
  });
}

/** Why a list comprehension of `tokens` builds values per element of a list of unknown length, or null. */
export function elementMappingRefusal(
  tokens: readonly CypherToken[],
  params: Record<string, unknown>,
): string | null {
  for (let open = 0; open < tokens.length; open++) {
    if (!startsComprehension(tokens, open)) continue;
    const close = closingIndex(tokens, open);
    const sourceEnd = partEnd(tokens, open + 3, close, ['|', 'where']);
    const bar = partEnd(tokens, open + 3, close, ['|']);
    if (bar >= close) continue; // no mapping: it keeps elements, never builds
    const source = tokens.slice(open + 3, sourceEnd);
    const variable = (tokens[open + 1] as CypherToken).text;
    const mapping = tokens.slice(bar + 1, close);
    if (!knownLength(source)) {
      if (picksElement(mapping, variable)) continue;
      return (
        'a list comprehension over a list of unknown length (a variable such as one bound by collect()) may only pick ' +
        'from each element here (the element, a property of it, or one function such as toString() of these), ' +
        'since Neo4j does not count what it builds; build values per row with UNWIND … collect(…) instead'
      );
    }
    if ((writtenLength(source, params) ?? Number.POSITIVE_INFINITY) > MAX_OUTER_COPIES) {
      if (!namesOuterVariable(mapping, variable)) continue;
      return (
        `the mapping of a list comprehension over more than ${MAX_OUTER_COPIES} elements (or a number the query does not write) ` +
        'may not name variables from outside it here, since each is copied into every element at a size the query does not show'
      );
    }
  }
  return null;
}
