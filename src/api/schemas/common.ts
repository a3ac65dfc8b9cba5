import { Type } from '@sinclair/typebox';
import { DocumentJobSchema } from '../../queue/index.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../vocabulary/document-kinds.js';

/** Every 4xx/5xx body: a stable machine code and a sentence for people. */
export const ErrorResponseSchema = Type.Object({
  error: Type.String({ description: 'machine-readable code, e.g. bad_request, not_found, too_large' }),
  message: Type.String(),
});

// A plain enum (not a union of literals) so a bad value is reported as "must be one of …".
export const KindSchema = Type.Unsafe<DocumentKind>({
  type: 'string',
  enum: [...DOCUMENT_KINDS],
  description: 'announcement (公告), research_report (研报), news, other',
});

/** The job schema's publishedAt, checked at the HTTP boundary too so the error names the body field. */
export const PublishedAtSchema = Type.String({
  pattern: DocumentJobSchema.properties.publishedAt.pattern,
  format: DocumentJobSchema.properties.publishedAt.format,
  description: 'ISO date (2024-03-31) or date-time',
});
