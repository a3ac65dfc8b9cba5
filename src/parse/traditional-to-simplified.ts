import * as OpenCC from 'opencc-js';

export interface ModelText {
  /** Simplified-Chinese text for the model. */
  text: string;
  /**
   * null when every char maps to the same offset in the source (conversion was 1:1).
   * Otherwise map[i] = source offset of model char i; map has text.length + 1 entries.
   */
  offsetMap: number[] | null;
  /** Number of chars that changed; a rough signal for "this was Traditional Chinese". */
  changedChars: number;
}

type Convert = (text: string) => string;
let converter: Convert | undefined;

function convert(text: string): string {
  // Hong Kong variants → mainland simplified; it covers Taiwan forms for characters too.
  const run = converter ?? OpenCC.Converter({ from: 'hk', to: 'cn' });
  converter = run;
  return run(text);
}

/** Full-width digits, Latin letters and ％ → ASCII, one char for one char (punctuation like ，：stays). */
export function foldFullWidth(text: string): string {
  return text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Chunks bounded by punctuation/whitespace keep OpenCC phrases intact while localising any length change. */
const CHUNK = /[^\s，。！？；：、,.!?;:]+|[\s，。！？；：、,.!?;:]+/g;

/**
 * Converts Traditional to Simplified Chinese. Offsets stay valid: when a chunk changes length
 * (rare phrase conversions), an offset map back to the source text is returned.
 */
export function toSimplified(source: string, options: { foldFullWidth?: boolean } = {}): ModelText {
  const fold = options.foldFullWidth ? foldFullWidth : (t: string) => t;
  const whole = fold(convert(source));
  if (whole === source) return { text: source, offsetMap: null, changedChars: 0 };

  const parts: string[] = [];
  const map: number[] = [];
  let lengthChanged = false;
  let changedChars = 0;
  for (const m of source.matchAll(CHUNK)) {
    const chunk = m[0];
    const at = m.index ?? 0;
    const converted = convert(chunk);
    const out = fold(converted);
    parts.push(out);
    if (out.length === chunk.length) {
      for (let k = 0; k < chunk.length; k++) {
        map.push(at + k);
        // Only script changes count; width folding says nothing about Traditional vs Simplified.
        if (converted[k] !== chunk[k]) changedChars++;
      }
    } else {
      lengthChanged = true;
      changedChars += Math.max(out.length, chunk.length);
      // Spread the model chars over the source chunk; both ends stay exact.
      for (let k = 0; k < out.length; k++) map.push(at + Math.floor((k * chunk.length) / out.length));
    }
  }
  map.push(source.length);
  const text = parts.join('');
  return { text, offsetMap: lengthChanged ? map : null, changedChars };
}

/** Maps a [start, end) span in model text back to the source text. */
export function toSourceSpan(offsetMap: number[] | null, start: number, end: number): [number, number] {
  if (!offsetMap) return [start, end];
  const last = offsetMap[offsetMap.length - 1] ?? end;
  const s = offsetMap[start] ?? last;
  const e = offsetMap[end] ?? last;
  return [s, Math.max(s, e)];
}
