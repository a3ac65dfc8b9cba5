import type { KnownCompany } from '../../src/link/gazetteer.js';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument, sentenceModelText } from '../../src/parse/index.js';
import type { DocumentKind } from '../../src/vocabulary/document-kinds.js';

/**
 * A plain-text document parsed and linked as the workers do, with a model that found no events and,
 * as entities, each of `names` ([text, type]) wherever a sentence states it.
 */
export async function linkText(
  text: string,
  kind: DocumentKind,
  known: KnownCompany[] = [],
  names: ReadonlyArray<[string, string]> = [],
) {
  const fileName = `${kind}.txt`;
  const parsed = await parseDocument(
    new TextEncoder().encode(text),
    { fileName, mimeType: 'text/plain', kind },
    { maxBytes: 1e6, maxPages: 10 },
  );
  const extractions = parsed.sentences.map((sentence) => {
    const modelText = sentenceModelText(parsed, sentence);
    const entities = names.flatMap(([name, type]) => {
      const found = [];
      for (let at = modelText.indexOf(name); at >= 0; at = modelText.indexOf(name, at + name.length))
        found.push({ type, text: name, start: at, end: at + name.length, confidence: 0.9 });
      return found;
    });
    return { modelVersion: 'test', events: [], entities };
  });
  return linkDocument({
    job: { documentId: kind, kind, fileName, submittedAt: '2025-01-01T00:00:00Z' },
    parsed,
    extractions,
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => known },
  });
}
