import assert from 'node:assert/strict';
import {
  type AssembleContext,
  mergeRecordMentions,
  type RecordMention,
  toRecordMention,
} from '../../src/assemble/index.js';
import { type LinkedEvent, loadEventRoles, type SentenceEvent } from '../../src/link/index.js';

export const eventTypes = loadEventRoles();

/** Each sentence starts at index × 100 in the document text. */
export const sentenceStarts = Array.from({ length: 12 }, (_, i) => i * 100);

/** A model mention in sentence `sentence`, its arguments found in the sentence's text (a company's key when given). */
export function mention(
  type: string,
  sentence: number,
  sentenceText: string,
  trigger: string,
  args: [role: string, text: string, company?: string][],
): SentenceEvent {
  const at = (text: string) => {
    const start = sentenceText.indexOf(text);
    assert.ok(start >= 0, `${text} is in the sentence`);
    const from = sentence * 100 + start;
    return { sentence, start: from, end: from + text.length, text, confidence: 0.9 };
  };
  const info = eventTypes.get(type);
  return {
    type,
    typeKey: info?.key ?? type,
    trigger,
    confidence: 0.9,
    mention: at(trigger),
    sentenceText,
    arguments: args.map(([role, text, company]) => ({
      ...at(text),
      role,
      roleKey: info?.roles.get(role)?.key ?? role,
      ...(company ? { entityKey: company, label: 'Company' as const } : {}),
    })),
  };
}

export function records(events: SentenceEvent[], extra: Partial<AssembleContext> = {}): LinkedEvent[] {
  const ctx: AssembleContext = { documentId: 'n', kind: 'news', eventTypes, sentenceStarts, ...extra };
  const mentions = events
    .map((e) => toRecordMention(e, ctx))
    .filter((m): m is RecordMention => m !== undefined);
  return mergeRecordMentions(mentions, ctx);
}

/** The texts a record gives one role. */
export const fillers = (e: LinkedEvent | undefined, role: string) =>
  (e?.arguments ?? []).filter((a) => a.documentRole === role).map((a) => a.text);
