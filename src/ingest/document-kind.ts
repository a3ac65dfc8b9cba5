import type { DocumentKind } from '../vocabulary/document-kinds.js';

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
