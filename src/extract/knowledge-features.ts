/**
 * The knowledge channel: marks the spans of a text that match known entity names (a gazetteer), one id
 * per code point, as a model input beside the characters and the jieba features. Training marks its text
 * through `finkg features --knowledge` with this same code, so training and serving cannot drift.
 *
 * ids: 0 pad, 1 no match, then per kind `2 + 3 * kindIndex + position` with position 0 B, 1 M, 2 E.
 * Matching runs on the normalised text (char-normalizer), greedy longest match from the left.
 */
import { readFile } from 'node:fs/promises';
import { normalizeText } from './char-normalizer.js';

export const KNOWLEDGE_KINDS = ['org', 'person'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

export const KB_PAD = 0;
export const KB_NONE = 1;
/** Number of distinct ids (the model's embedding size for this input). */
export const KB_VOCAB = 2 + 3 * KNOWLEDGE_KINDS.length;

/** Version of the marking rule; bump when ids, normalisation or matching change. */
export const KNOWLEDGE_FEATURES_VERSION = 'gazetteer-longest-match-v1';

/** Single characters match everywhere; names longer than this are sentences, not names. */
export const MIN_NAME_LENGTH = 2;
export const MAX_NAME_LENGTH = 32;

export interface KnownName {
  name: string;
  kind: KnowledgeKind;
}

export function isKnowledgeKind(value: string): value is KnowledgeKind {
  return (KNOWLEDGE_KINDS as readonly string[]).includes(value);
}

export class KnownNames {
  private readonly kinds = new Map<string, KnowledgeKind>();
  /** Distinct name lengths per first code point, longest first (the parent's included). */
  private readonly lengths = new Map<string, number[]>();

  /** `parent`: names this set extends without copying them (see `extend`). */
  constructor(private readonly parent?: KnownNames) {}

  static of(entries: Iterable<KnownName>): KnownNames {
    const g = new KnownNames();
    for (const e of entries) g.add(e.name, e.kind);
    return g;
  }

  /** Lines `name<TAB>kind`; blank lines and lines starting with `#` are skipped. */
  static parseTsv(text: string, source = 'gazetteer'): KnownNames {
    const g = new KnownNames();
    text.split('\n').forEach((line, i) => {
      const trimmed = line.replace(/\r$/, '');
      if (trimmed.trim() === '' || trimmed.startsWith('#')) return;
      const [name, kind] = trimmed.split('\t');
      if (!name || !kind || !isKnowledgeKind(kind)) {
        throw new Error(`${source}:${i + 1}: expected "name<TAB>${KNOWLEDGE_KINDS.join('|')}"`);
      }
      g.add(name, kind);
    });
    return g;
  }

  static async fromTsvFile(path: string): Promise<KnownNames> {
    return KnownNames.parseTsv(await readFile(path, 'utf8'), path);
  }

  get size(): number {
    return this.kinds.size + (this.parent?.size ?? 0);
  }

  /** The names (normalised) with their kinds. */
  entries(): KnownName[] {
    return [...(this.parent?.entries() ?? []), ...[...this.kinds].map(([name, kind]) => ({ name, kind }))];
  }

  /**
   * These names and some more, without copying these: e.g. a worker's graph names plus the names one
   * document's header gives.
   */
  extend(names: Iterable<KnownName>): KnownNames {
    const extended = new KnownNames(this);
    for (const n of names) extended.add(n.name, n.kind);
    return extended;
  }

  /** Adds a name; the first kind given for a name is kept. Returns false when the name is out of range. */
  add(name: string, kind: KnowledgeKind): boolean {
    const norm = Array.from(normalizeText(name.trim()));
    if (norm.length < MIN_NAME_LENGTH || norm.length > MAX_NAME_LENGTH) return false;
    const key = norm.join('');
    if (this.kindOf(key)) return true;
    this.kinds.set(key, kind);
    const first = norm[0] as string;
    const list = this.lengths.get(first) ?? [...this.lengthsOf(first)];
    if (!list.includes(norm.length)) {
      list.push(norm.length);
      list.sort((a, b) => b - a);
      this.lengths.set(first, list);
    }
    return true;
  }

  /** Knowledge ids, one per code point of `text`. */
  mark(text: string): number[] {
    const chars = Array.from(normalizeText(text));
    const ids = new Array<number>(chars.length).fill(KB_NONE);
    let i = 0;
    while (i < chars.length) {
      const match = this.longestAt(chars, i);
      if (!match) {
        i++;
        continue;
      }
      const base = 2 + 3 * KNOWLEDGE_KINDS.indexOf(match.kind);
      ids[i] = base;
      for (let k = i + 1; k < i + match.length - 1; k++) ids[k] = base + 1;
      ids[i + match.length - 1] = base + 2;
      i += match.length;
    }
    return ids;
  }

  private kindOf(key: string): KnowledgeKind | undefined {
    return this.kinds.get(key) ?? this.parent?.kindOf(key);
  }

  private lengthsOf(first: string): readonly number[] {
    return this.lengths.get(first) ?? this.parent?.lengthsOf(first) ?? [];
  }

  private longestAt(
    chars: readonly string[],
    at: number,
  ): { kind: KnowledgeKind; length: number } | undefined {
    for (const length of this.lengthsOf(chars[at] as string)) {
      if (at + length > chars.length) continue;
      const kind = this.kindOf(chars.slice(at, at + length).join(''));
      if (kind) return { kind, length };
    }
    return undefined;
  }
}

/** Marks of a text with no gazetteer: every code point unmatched. */
export function unmarked(text: string): number[] {
  return new Array<number>(Array.from(text).length).fill(KB_NONE);
}
