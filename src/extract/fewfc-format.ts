/**
 * FewFC's record layout: events with trigger and arguments grouped by role, spans as [start, end) code-point
 * offsets into `content` (Python string indices), exactly as in the dataset's files.
 */
import type { ExtractionResult, TokenEvent } from './types.js';

export interface FewfcMention {
  span: [number, number];
  word: string;
}

export interface FewfcEvent {
  type: string;
  /** Always set in the dataset; null in our output for an event whose trigger the model did not find. */
  trigger: FewfcMention | null;
  args: Record<string, FewfcMention[]>;
}

export interface FewfcRecord {
  id: string;
  content: string;
  events: FewfcEvent[];
}

/** For each UTF-16 offset 0..text.length, the code-point index it falls on. */
export function utf16ToCodePointIndex(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  let i = 0;
  for (const ch of text) {
    for (let k = 0; k < ch.length; k++) map[i + k] = cp;
    i += ch.length;
    cp++;
  }
  map[text.length] = cp;
  return map;
}

/** Convert an extraction result over `content` (UTF-16 offsets) into FewFC events (code-point offsets). */
export function toFewfcEvents(content: string, result: ExtractionResult): FewfcEvent[] {
  const cp = utf16ToCodePointIndex(content);
  const mention = (m: { start: number; end: number; text: string }): FewfcMention => ({
    span: [cp[m.start] as number, cp[m.end] as number],
    word: m.text,
  });
  return result.events.map((event) => {
    const args: Record<string, FewfcMention[]> = {};
    for (const arg of event.arguments) {
      const list = args[arg.role] ?? [];
      list.push(mention(arg));
      args[arg.role] = list;
    }
    return { type: event.type, trigger: mention(event.trigger), args };
  });
}

/**
 * FewFC events straight from token-level events of one sentence (token i = code point i, so token spans
 * are FewFC spans). Unlike the extraction result, this keeps trigger-less events: their arguments count
 * in AI/AC, as in the training side's evaluation.
 */
export function tokenEventsToFewfc(content: string, events: readonly TokenEvent[]): FewfcEvent[] {
  const chars = [...content];
  const mention = (s: { start: number; end: number }): FewfcMention => ({
    span: [s.start, s.end],
    word: chars.slice(s.start, s.end).join(''),
  });
  return events.map((event) => {
    const args: Record<string, FewfcMention[]> = {};
    for (const arg of event.arguments) {
      const list = args[arg.label] ?? [];
      list.push(mention(arg));
      args[arg.label] = list;
    }
    return { type: event.type, trigger: event.trigger && mention(event.trigger), args };
  });
}
