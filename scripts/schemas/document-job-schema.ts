import { DOCUMENTS_QUEUE, DocumentJobSchema } from '../../src/queue/index.js';

/** Where the generated schema lives, relative to the project root. */
export const DOCUMENT_JOB_SCHEMA_FILE = 'schemas/document-job.schema.json';

/**
 * JSON Schema (2020-12) of the document job payload, for services in other languages or repos that
 * add jobs to the queue directly. Generated from `DocumentJobSchema`, plus the one rule TypeBox does
 * not state: exactly one of storeKey and text.
 */
export function renderDocumentJobSchema(): string {
  const { $id, title, ...rest } = DocumentJobSchema;
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id,
    title,
    description:
      `Payload of a job on the BullMQ queue "${DOCUMENTS_QUEUE}" (job name "document"). ` +
      'Give storeKey (bytes in the document store) or text (inline plain text), not both.',
    ...rest,
    oneOf: [{ required: ['storeKey'] }, { required: ['text'] }],
  };
  // JSON.stringify drops TypeBox's symbol-keyed metadata, leaving plain JSON Schema.
  return `${JSON.stringify(schema, null, 2)}\n`;
}
