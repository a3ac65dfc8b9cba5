/*
 * A lexer of Cypher text, just enough to find function calls and their arguments: comments are dropped,
 * strings, backtick-quoted names and parameters become one token each, so none of them can hide or fake
 * a call.
 */

export type CypherToken =
  | { kind: 'name'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'param'; text: string }
  | { kind: 'symbol'; text: string };

const SPACE = /\s+/y;
const LINE_COMMENT = /\/\/[^\n]*/y;
const BLOCK_COMMENT = /\/\*[\s\S]*?(?:\*\/|$)/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const QUOTED_NAME = /`((?:[^`]|``)*)`?/y;
const NUMBER = /(?:0x[0-9a-f_]+|0o[0-7_]+|(?:[0-9][0-9_]*)?\.?[0-9][0-9_]*(?:e[+-]?[0-9_]+)?)/iy;
const PARAM = /\$(?:`((?:[^`]|``)*)`?|([\p{L}\p{N}_]+))/uy;
const STRING = /'((?:[^'\\]|\\[\s\S])*)'?|"((?:[^"\\]|\\[\s\S])*)"?/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Unescapes a string literal's body the way Cypher reads it (enough to know its length). */
function stringValue(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g, (_, sequence: string) => {
    if (/^[uU]/.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence.slice(1), 16));
    return { t: '\t', b: '\b', n: '\n', r: '\r', f: '\f' }[sequence] ?? sequence;
  });
}

/** What each token looks like, tried in order, and the token it makes. */
const RULES: [RegExp, (match: RegExpExecArray) => CypherToken | null][] = [
  [SPACE, () => null],
  [LINE_COMMENT, () => null],
  [BLOCK_COMMENT, () => null],
  [STRING, (m) => ({ kind: 'string', text: stringValue(m[1] ?? m[2] ?? '') })],
  [QUOTED_NAME, (m) => ({ kind: 'name', text: (m[1] ?? '').replaceAll('``', '`') })],
  [PARAM, (m) => ({ kind: 'param', text: m[1]?.replaceAll('``', '`') ?? m[2] ?? '' })],
  [NUMBER, (m) => ({ kind: 'number', text: m[0] })],
  [NAME, (m) => ({ kind: 'name', text: m[0] })],
];

export function cypherTokens(query: string): CypherToken[] {
  const tokens: CypherToken[] = [];
  let at = 0;
  while (at < query.length) {
    let length = 0;
    for (const [pattern, token] of RULES) {
      const match = matchAt(pattern, query, at);
      if (!match || match[0] === '') continue;
      const made = token(match);
      if (made) tokens.push(made);
      length = match[0].length;
      break;
    }
    if (length === 0) {
      tokens.push({ kind: 'symbol', text: query.charAt(at) });
      length = 1;
    }
    at += length;
  }
  return tokens;
}

export interface FunctionCall {
  /** The function's name as written, without backticks. */
  name: string;
  /** Index of the name's token. */
  start: number;
  /** Index of the closing parenthesis (tokens.length when the text ends first). */
  end: number;
  /** The tokens of each argument, split at the top-level commas. */
  args: CypherToken[][];
}

const OPENING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** Every call `name(…)` in `tokens` whose name is one of `names` (case-insensitive, as Cypher's functions are). */
export function functionCalls(tokens: readonly CypherToken[], names: ReadonlySet<string>): FunctionCall[] {
  const calls: FunctionCall[] = [];
  tokens.forEach((token, start) => {
    if (token.kind !== 'name' || !names.has(token.text.toLowerCase())) return;
    if (tokens[start + 1]?.text !== '(' || tokens[start + 1]?.kind !== 'symbol') return;
    const args: CypherToken[][] = [[]];
    const open: string[] = [];
    let end = start + 2;
    for (; end < tokens.length; end++) {
      const t = tokens[end] as CypherToken;
      if (t.kind === 'symbol' && OPENING[t.text]) open.push(OPENING[t.text] as string);
      else if (t.kind === 'symbol' && t.text === open.at(-1)) open.pop();
      else if (t.kind === 'symbol' && t.text === ')' && open.length === 0) break;
      else if (t.kind === 'symbol' && t.text === ',' && open.length === 0) {
        args.push([]);
        continue;
      }
      args.at(-1)?.push(t);
    }
    calls.push({ name: token.text.toLowerCase(), start, end, args });
  });
  return calls;
}

export const isSymbol = (token: CypherToken | undefined, symbols: string): boolean =>
  token?.kind === 'symbol' && symbols.includes(token.text);

/** A name token spelling `word` in any case (Cypher's keywords and functions are case-insensitive). */
export const isWord = (token: CypherToken | undefined, word: string): boolean =>
  token?.kind === 'name' && token.text.toLowerCase() === word;

/** Index of the bracket closing the one opened at `open` (tokens.length when the text ends first). */
export function closingIndex(tokens: readonly CypherToken[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isSymbol(tokens[i], '([{')) depth++;
    else if (isSymbol(tokens[i], ')]}') && --depth === 0) return i;
  }
  return tokens.length;
}

/** `[x IN …` starts a list comprehension (a pattern comprehension starts `[(`). */
export const startsComprehension = (tokens: readonly CypherToken[], i: number): boolean =>
  isSymbol(tokens[i], '[') && tokens[i + 1]?.kind === 'name' && isWord(tokens[i + 2], 'in');
