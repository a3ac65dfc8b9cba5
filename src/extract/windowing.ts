/**
 * Long token sequences are cut into overlapping windows of at most `maxLen` tokens; each window is decoded
 * on its own and the results are merged back in sentence token offsets.
 *
 * Merge rules: a span that touches a cut made inside the sentence may be clipped, so it is dropped when
 * another window holds it away from any cut; of spans of the same label that overlap across windows (the
 * same mention seen twice), the one with the higher confidence wins. Events are keyed by type and trigger;
 * duplicates are merged and their arguments united, keeping the better-scored copy of each.
 */
import type { LabelledTokenSpan, TokenEvent, TokenExtraction, TokenSpan } from './types.js';

/** [start, end) in sentence token offsets. */
export interface TokenWindow {
  start: number;
  end: number;
}

export function planWindows(length: number, maxLen: number, overlap: number): TokenWindow[] {
  if (maxLen < 1) throw new RangeError('maxLen must be at least 1');
  if (length <= maxLen) return [{ start: 0, end: length }];
  const stride = Math.max(1, maxLen - Math.max(0, overlap));
  const windows: TokenWindow[] = [];
  for (let start = 0; ; start += stride) {
    // The last window is aligned to the end, so it is full length rather than a short tail.
    const s = Math.min(start, length - maxLen);
    windows.push({ start: s, end: s + maxLen });
    if (s + maxLen >= length) return windows;
  }
}

function touchesInnerCut(span: TokenSpan, w: TokenWindow, length: number): boolean {
  return (span.start === w.start && w.start > 0) || (span.end === w.end && w.end < length);
}

function shift<T extends TokenSpan>(span: T, by: number): T {
  return { ...span, start: span.start + by, end: span.end + by };
}

function overlaps(a: TokenSpan, b: TokenSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Placed<T> {
  item: T;
  span: TokenSpan;
  label: string;
  window: number;
  clipped: boolean;
}

/** Whether some other window holds `span` without it touching that window's inner cuts. */
function heldCleanlyElsewhere(span: TokenSpan, own: number, windows: readonly TokenWindow[], length: number) {
  return windows.some(
    (w, i) => i !== own && span.start >= w.start && span.end <= w.end && !touchesInnerCut(span, w, length),
  );
}

/**
 * Keep the best copy of each mention: drop clipped copies that another window sees whole, then, per label,
 * keep spans by descending confidence unless they overlap a kept span from another window.
 */
function resolve<T>(placed: Placed<T>[], windows: readonly TokenWindow[], length: number): Placed<T>[] {
  const candidates = placed.filter(
    (p) => !p.clipped || !heldCleanlyElsewhere(p.span, p.window, windows, length),
  );
  candidates.sort((a, b) => b.span.confidence - a.span.confidence);
  // Kept spans indexed by label and start token: a clash can only start within the longest span before.
  const longest = candidates.reduce((m, c) => Math.max(m, c.span.end - c.span.start), 0);
  const byLabel = new Map<string, Map<number, Placed<T>[]>>();
  const kept: Placed<T>[] = [];
  for (const c of candidates) {
    let starts = byLabel.get(c.label);
    if (!starts) {
      starts = new Map();
      byLabel.set(c.label, starts);
    }
    let clash = false;
    for (let s = c.span.start - longest + 1; s < c.span.end && !clash; s++) {
      clash = (starts.get(s) ?? []).some(
        (k) =>
          overlaps(k.span, c.span) &&
          (k.window !== c.window || (k.span.start === c.span.start && k.span.end === c.span.end)),
      );
    }
    if (clash) continue;
    kept.push(c);
    const list = starts.get(c.span.start) ?? [];
    list.push(c);
    starts.set(c.span.start, list);
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function mergeEntities(
  windows: readonly TokenWindow[],
  parts: readonly TokenExtraction[],
  length: number,
): LabelledTokenSpan[] {
  const placed: Placed<LabelledTokenSpan>[] = [];
  parts.forEach((part, wi) => {
    const w = windows[wi] as TokenWindow;
    for (const entity of part.entities) {
      const span = shift(entity, w.start);
      placed.push({
        item: span,
        span,
        label: span.label,
        window: wi,
        clipped: touchesInnerCut(span, w, length),
      });
    }
  });
  return resolve(placed, windows, length).map((p) => p.item);
}

function mergeEvents(
  windows: readonly TokenWindow[],
  parts: readonly TokenExtraction[],
  length: number,
): TokenEvent[] {
  const placed: Placed<TokenEvent>[] = [];
  const untriggered = new Map<string, TokenEvent[]>();
  parts.forEach((part, wi) => {
    const w = windows[wi] as TokenWindow;
    for (const event of part.events) {
      const args = event.arguments
        .map((a) => shift(a, w.start))
        .filter((a) => !touchesInnerCut(a, w, length) || !heldCleanlyElsewhere(a, wi, windows, length));
      if (!event.trigger) {
        const list = untriggered.get(event.type) ?? [];
        list.push({ ...event, arguments: args });
        untriggered.set(event.type, list);
        continue;
      }
      const trigger = shift(event.trigger, w.start);
      const moved: TokenEvent = { ...event, trigger, arguments: args };
      const span = { ...trigger, confidence: event.confidence };
      placed.push({
        item: moved,
        span,
        label: event.type,
        window: wi,
        clipped: touchesInnerCut(trigger, w, length),
      });
    }
  });
  const kept = resolve(placed, windows, length);
  // Fold the arguments of dropped copies of the same event (same type and trigger) into the kept one.
  const eventKey = (e: TokenEvent) => `${e.type}:${e.trigger?.start}:${e.trigger?.end}`;
  const copies = new Map<string, TokenEvent[]>();
  for (const p of placed) {
    const list = copies.get(eventKey(p.item)) ?? [];
    list.push(p.item);
    copies.set(eventKey(p.item), list);
  }
  const merged = kept.map(({ item }) => ({
    ...item,
    arguments: uniteArguments(copies.get(eventKey(item)) ?? []),
  }));
  // Trigger-less events of one type are one event per sentence.
  for (const [type, list] of untriggered) {
    const confidence = Math.max(...list.map((e) => e.confidence));
    merged.push({ type, trigger: null, arguments: uniteArguments(list), confidence });
  }
  return merged;
}

/** Arguments of several copies of an event, each (role, span) once with its best confidence. */
function uniteArguments(copies: readonly TokenEvent[]): LabelledTokenSpan[] {
  const best = new Map<string, LabelledTokenSpan>();
  for (const copy of copies) {
    for (const arg of copy.arguments) {
      const key = `${arg.label}:${arg.start}:${arg.end}`;
      const seen = best.get(key);
      if (!seen || arg.confidence > seen.confidence) best.set(key, arg);
    }
  }
  return [...best.values()].sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
}

/** Merge per-window results (each in its window's own token offsets) into sentence token offsets. */
export function mergeWindows(
  windows: readonly TokenWindow[],
  parts: readonly TokenExtraction[],
  length: number,
): TokenExtraction {
  if (windows.length !== parts.length) throw new Error('one extraction per window is needed');
  if (windows.length === 1) {
    const only = parts[0] as TokenExtraction;
    const by = (windows[0] as TokenWindow).start;
    return {
      entities: only.entities.map((e) => shift(e, by)),
      events: only.events.map((ev) => ({
        ...ev,
        trigger: ev.trigger && shift(ev.trigger, by),
        arguments: ev.arguments.map((a) => shift(a, by)),
      })),
    };
  }
  return { entities: mergeEntities(windows, parts, length), events: mergeEvents(windows, parts, length) };
}
