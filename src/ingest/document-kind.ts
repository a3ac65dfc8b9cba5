import type { DocumentJob } from '../queue/index.js';

export type DocumentKind = DocumentJob['kind'];

/** The kinds a document job accepts, in the order shown to people. */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['announcement', 'research_report', 'news', 'other'];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

// Checked in order: a research report about an announcement is still a research report.
const KIND_HINTS: readonly [RegExp, DocumentKind][] = [
  [/研报|研究报告|(^|[^a-z])rr[-_]/i, 'research_report'],
  [/公告|(^|[^a-z])ann[-_]/i, 'announcement'],
  [/新闻|快讯|(^|[^a-z])news[-_]/i, 'news'],
];

/** Guesses the kind from a file name (研报/rr- → research_report, 公告/ann- → announcement, news- → news). */
export function guessKind(fileName: string): DocumentKind {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const [pattern, kind] of KIND_HINTS) if (pattern.test(base)) return kind;
  return 'other';
}
