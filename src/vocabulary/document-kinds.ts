/** The kinds of document finkg reads: what a job declares, what parse detects, what the graph records. */
export const DOCUMENT_KINDS = ['announcement', 'research_report', 'news', 'other'] as const;

/** announcement (公告), research_report (研报), news, other. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}
