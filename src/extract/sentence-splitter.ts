/**
 * A simple sentence splitter for Chinese text: cuts after 。！？； (full- or half-width !?;) and at line
 * breaks, keeping UTF-16 offsets into the original text. Good enough to keep model windows on sentence
 * boundaries; the document parser elsewhere does the careful layout work.
 */

export interface TextPiece {
  text: string;
  /** UTF-16 offset of the piece in the original text. */
  start: number;
}

const TERMINATORS = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);

/** Sentences with their offsets; whitespace-only pieces are left out, terminators stay with their sentence. */
export function splitSentences(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    if (piece.trim().length > 0) pieces.push({ text: piece, start });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    if (TERMINATORS.has(text[i] as string)) push(i + 1);
  }
  push(text.length);
  return pieces;
}

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Join neighbouring sentences into chunks of at most `maxCodePoints` code points, so the model sees as much
 * context as fits. A single longer sentence stays one chunk (the extractor windows it).
 */
export function packSentences(text: string, maxCodePoints: number): TextPiece[] {
  const chunks: TextPiece[] = [];
  let current: { start: number; end: number } | undefined;
  for (const piece of splitSentences(text)) {
    const end = piece.start + piece.text.length;
    if (current && codePointLength(text.slice(current.start, end)) <= maxCodePoints) {
      current.end = end;
      continue;
    }
    if (current) chunks.push({ text: text.slice(current.start, current.end), start: current.start });
    current = { start: piece.start, end };
  }
  if (current) chunks.push({ text: text.slice(current.start, current.end), start: current.start });
  return chunks;
}
