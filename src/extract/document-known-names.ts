/**
 * Names a document tells about itself: the issuer of an announcement (company name and 证券简称 from its
 * header) and the company a research report covers. The model is told them for that document's
 * sentences, beside the names the graph already knows, so a first filing of a company unknown to the
 * graph still has its issuer marked.
 */
import type { DocumentHeader } from '../parse/types.js';
import type { KnownName } from './knowledge-features.js';

export function documentKnownNames(header: DocumentHeader): KnownName[] {
  const names = [
    header.announcement?.companyName,
    header.announcement?.shortName,
    header.researchReport?.stock?.shortName,
  ];
  // 证券简称 like *ST华夏 are written without the risk prefix in running text.
  const unique = new Set(names.flatMap((name) => (name ? [name, name.replace(/^\*?ST/, '')] : [])));
  return [...unique].map((name) => ({ name, kind: 'org' as const }));
}
