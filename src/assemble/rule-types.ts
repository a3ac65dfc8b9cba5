import type { ParsedDocument } from '../parse/index.js';
import { toSourceSpan } from '../parse/index.js';
import type { RuleSentence, SourceSpan } from './rule-text.js';

export interface RuleArgument {
  role: string;
  /** As written in `doc.text`; `start`/`end` are UTF-16 offsets into it. */
  text: string;
  start: number;
  end: number;
  /** Normalised value: yuan, shares, fraction, ISO date, or a normalised label. */
  value?: number | string;
}

export interface RuleRecord {
  type: string;
  trigger: { text: string; start: number; end: number };
  arguments: RuleArgument[];
  confidence: number;
}

export interface RuleContext {
  issuer?: { name: string; shortName?: string; code?: string };
  /** ISO date of publication; anchors relative dates. */
  publishedAt?: string;
}

/** Argument over [start, end) of a rule sentence's compact text. */
export function argumentAt(
  sentence: RuleSentence,
  role: string,
  start: number,
  end: number,
  value?: number | string,
): RuleArgument {
  const span: SourceSpan = sentence.span(start, end);
  const arg: RuleArgument = { role, ...span };
  if (value !== undefined) arg.value = value;
  return arg;
}

/** Argument over the first match of group `group` of `m` (a match on `sentence.compact`), if it took part. */
export function groupArgument(
  sentence: RuleSentence,
  m: RegExpExecArray,
  group: number | string,
  role: string,
  toValue?: (text: string) => number | string | undefined,
): RuleArgument | undefined {
  const text = typeof group === 'number' ? m[group] : m.groups?.[group];
  if (text === undefined || text === '') return undefined;
  const indices = (m as RegExpExecArray & { indices?: RegExpIndicesArray }).indices;
  const at = typeof group === 'number' ? indices?.[group] : indices?.groups?.[group];
  if (!at) return undefined;
  return argumentAt(sentence, role, at[0], at[1], toValue?.(text));
}

/**
 * The issuer's first mention in the document, as an argument with the given role: full name first, or only
 * the short name (证券简称) when `shortName` is set.
 */
export function issuerArgument(
  doc: ParsedDocument,
  ctx: RuleContext,
  role: string,
  shortName = false,
): RuleArgument | undefined {
  const announcement = doc.header.announcement;
  const short = [ctx.issuer?.shortName, announcement?.shortName];
  const names = shortName ? short : [ctx.issuer?.name, announcement?.companyName, ...short];
  for (const name of names) {
    // A short name such as "ST" or "*ST" cut from a header is no mention of the issuer.
    if (!name || name.replace(/^\*?ST/, '').length < 2) continue;
    const at = doc.modelText.indexOf(name);
    if (at < 0) continue;
    const [start, end] = toSourceSpan(doc.modelOffsetMap, at, at + name.length);
    return { role, text: doc.text.slice(start, end), start, end };
  }
  return undefined;
}

/** Builds a record, dropping arguments that were not found. */
export function makeRecord(
  type: string,
  trigger: SourceSpan,
  args: Array<RuleArgument | undefined>,
  confidence: number,
): RuleRecord {
  const present = args.filter((a): a is RuleArgument => a !== undefined);
  return {
    type,
    trigger: { text: trigger.text, start: trigger.start, end: trigger.end },
    arguments: present,
    confidence,
  };
}
