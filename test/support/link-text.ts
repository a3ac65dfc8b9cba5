import type { KnownCompany } from '../../src/link/gazetteer.js';
import { linkDocument, loadEventRoles } from '../../src/link/index.js';
import { parseDocument } from '../../src/parse/index.js';
import type { DocumentKind } from '../../src/vocabulary/document-kinds.js';

/** A plain-text document parsed and linked as the workers do, with a model that found nothing. */
export async function linkText(text: string, kind: DocumentKind, known: KnownCompany[] = []) {
  const fileName = `${kind}.txt`;
  const parsed = await parseDocument(
    new TextEncoder().encode(text),
    { fileName, mimeType: 'text/plain', kind },
    { maxBytes: 1e6, maxPages: 10 },
  );
  return linkDocument({
    job: { documentId: kind, kind, fileName, submittedAt: '2025-01-01T00:00:00Z' },
    parsed,
    extractions: parsed.sentences.map(() => ({ modelVersion: 'test', events: [], entities: [] })),
    modelVersion: 'test',
    eventTypes: loadEventRoles(),
    gazetteer: { findCompanies: async () => known },
  });
}
