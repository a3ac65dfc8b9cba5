import { type CypherToken, isSymbol, isWord } from './cypher-tokens.js';

/*
 * How many copies of earlier values one value of a query can hold. `WITH s + s AS s` doubles s, and
 * thirty-one such clauses build a string of two billion characters from a one-character literal, inside
 * expressions whose memory Neo4j does not track. Each variable bound by `… AS name` (WITH, RETURN,
 * UNWIND, YIELD) or by a list comprehension's `x IN …` holds the copies its expression refers to, so a
 * chain of self-concatenations grows exponentially here too and is refused early; reads name a variable
 * a few times per expression and never need that growth.
 */

/** The most copies of earlier variables one expression of a client's query may be built from. */
export const MAX_VALUE_COPIES = 100;

/** Words that start a clause or a clause's part: an expression ends before them. */
const CLAUSE_WORDS = new Set([
  'match',
  'optional',
  'where',
  'with',
  'return',
  'unwind',
  'order',
  'skip',
  'limit',
  'call',
  'yield',
  'union',
  'distinct',
  'use',
]);

/**
 * Why `tokens` are refused as building a value from more than MAX_VALUE_COPIES copies of earlier
 * variables, or null.
 */
export function valueCopiesRefusal(tokens: readonly CypherToken[]): string | null {
  const copies = new Map<string, number>();
  // The innermost bracket around each token: after `:`, a name in a map is a value, elsewhere a label.
  const opens: string[] = [];
  const enclosing = tokens.map((t) => {
    if (isSymbol(t, ')]}')) opens.pop();
    const inside = opens.at(-1);
    if (isSymbol(t, '([{')) opens.push(t.text);
    return inside;
  });
  /** Copies a variable reference at `i` stands for: none for property keys, labels and function names. */
  const referenced = (i: number): number => {
    const token = tokens[i] as CypherToken;
    if (token.kind !== 'name' || isSymbol(tokens[i - 1], '.') || isSymbol(tokens[i + 1], '(')) return 0;
    if (isSymbol(tokens[i - 1], ':') && enclosing[i] !== '{') return 0;
    return copies.get(token.text) ?? 0;
  };
  const weigh = (from: number, to: number): number => {
    let total = 0;
    for (let i = from; i < to; i++) total += referenced(i);
    return total;
  };
  /** End of `x IN <source>` in a comprehension or predicate opened at `open`: its `|`, WHERE or bracket. */
  const sourceEnd = (from: number): number => {
    let depth = 0;
    for (let i = from; i < tokens.length; i++) {
      const t = tokens[i];
      if (isSymbol(t, '([{')) depth++;
      else if (isSymbol(t, ')]}') && depth-- === 0) return i;
      else if (depth === 0 && (isSymbol(t, '|') || isWord(t, 'where'))) return i;
    }
    return tokens.length;
  };

  // The start of the expression being read, one per open bracket.
  const starts = [0];
  let refusal: string | null = null;
  const close = (at: number): number => {
    const weight = weigh(starts.at(-1) ?? 0, at);
    if (weight > MAX_VALUE_COPIES && !refusal) {
      refusal = `an expression may be built from at most ${MAX_VALUE_COPIES} copies of earlier variables here (each WITH s + s AS s doubles s)`;
    }
    return weight;
  };
  for (let i = 0; i < tokens.length && !refusal; i++) {
    const token = tokens[i] as CypherToken;
    if (isSymbol(token, '([{')) {
      starts.push(i + 1);
      const variable = tokens[i + 1];
      if (variable?.kind === 'name' && isWord(tokens[i + 2], 'in')) {
        copies.set(variable.text, Math.max(1, weigh(i + 3, sourceEnd(i + 3))));
      }
    } else if (isSymbol(token, ')]}')) {
      close(i);
      if (starts.length > 1) starts.pop();
    } else if (
      isSymbol(token, ',') ||
      (CLAUSE_WORDS.has(token.text.toLowerCase()) && token.kind === 'name')
    ) {
      close(i);
      starts[starts.length - 1] = i + 1;
    } else if (isWord(token, 'as') && tokens[i + 1]?.kind === 'name') {
      const name = (tokens[i + 1] as CypherToken).text;
      copies.set(name, Math.max(1, close(i)));
      starts[starts.length - 1] = i + 2;
      i++;
    }
  }
  close(tokens.length);
  return refusal;
}
