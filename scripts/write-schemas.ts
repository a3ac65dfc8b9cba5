/**
 * Writes the JSON Schemas generated from the TypeBox definitions (the document job payload).
 * Usage: npm run build && npm run schemas. A test fails when the committed file is out of date.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../src/config/index.js';
import { DOCUMENT_JOB_SCHEMA_FILE, renderDocumentJobSchema } from './schemas/document-job-schema.js';

const file = path.join(projectRoot, DOCUMENT_JOB_SCHEMA_FILE);
await writeFile(file, renderDocumentJobSchema());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
