/** Short plain-text documents, written for the tests in the style of real filings, read by the rules alone. */
import type { GraphDocument } from '../../src/link/graph-document.js';
import { loadEventRoles } from '../../src/link/index.js';
import { type ParsedDocument, parseDocument } from '../../src/parse/index.js';
import { linkAndAssemble } from '../../src/pipeline/index.js';

/** A listed company's announcement: header, title, the board's statement, `body`, closing and date. */
export function announcementLines(title: string, body: string[], date = '2025年3月18日'): string[] {
  return [
    '证券代码：600999 证券简称：远山科技 公告编号：2025-018',
    '远山科技股份有限公司',
    title,
    '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏。',
    ...body,
    '特此公告。',
    '远山科技股份有限公司董事会',
    date,
  ];
}

/** `lines` as the parser reads a plain-text document of `kind`. */
export function parseLines(
  lines: string[],
  kind: 'announcement' | 'news' | 'research_report' = 'announcement',
): Promise<ParsedDocument> {
  return parseDocument(
    Buffer.from(lines.join('\n'), 'utf8'),
    { fileName: 'x.txt', mimeType: 'text/plain', kind },
    { maxBytes: 5e6, maxPages: 50 },
  );
}

/** What the workers would write for `parsed` when the model read nothing: the rules' findings alone. */
export function assembleRulesOnly(parsed: ParsedDocument): Promise<GraphDocument> {
  return linkAndAssemble({
    job: { documentId: 'x', kind: 'announcement', fileName: 'x.txt', submittedAt: '2025-03-04T00:00:00Z' },
    parsed,
    extractions: parsed.sentences.map(() => ({ modelVersion: 'test', entities: [], events: [] })),
    sentenceTexts: [],
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => [] },
  });
}
