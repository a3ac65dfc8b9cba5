import { type Static, Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { DOCUMENT_KINDS } from '../vocabulary/document-kinds.js';
import { CALENDAR_DATE } from './calendar-date.js';

/**
 * The payload of a document job: what the HTTP API, the CLI and other Node services put on the queue.
 * The bytes stay in the document store (or inline, for short texts); Redis only carries the reference.
 * `schemas/document-job.schema.json` is generated from this definition (`npm run schemas`).
 */
export const DocumentJobSchema = Type.Object(
  {
    documentId: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'sha256 of the document bytes, hex; the same bytes are always the same document',
    }),
    storeKey: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1024, description: 'key of the bytes in the document store' }),
    ),
    text: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1_000_000,
        description: 'the document itself, for plain text sent inline',
      }),
    ),
    kind: Type.Union(
      DOCUMENT_KINDS.map((kind) => Type.Literal(kind)),
      { description: 'announcement (公告), research_report (研报), news, other' },
    ),
    fileName: Type.Optional(Type.String({ maxLength: 512 })),
    mimeType: Type.Optional(Type.String({ maxLength: 255 })),
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    publishedAt: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?$',
        format: CALENDAR_DATE,
        description: 'ISO date or date-time; relative dates in the text (本月, 上年) resolve against it',
      }),
    ),
    source: Type.Optional(
      Type.Object(
        {
          url: Type.Optional(Type.String({ maxLength: 2048 })),
          name: Type.Optional(Type.String({ maxLength: 255 })),
        },
        { additionalProperties: false },
      ),
    ),
    submittedAt: Type.String({ description: 'ISO date-time of submission' }),
  },
  {
    $id: 'https://finkg.dev/schemas/document-job.schema.json',
    title: 'finkg document job',
    additionalProperties: false,
  },
);

export type DocumentJob = Static<typeof DocumentJobSchema>;

const compiled = TypeCompiler.Compile(DocumentJobSchema);

/** Checks a payload from outside; returns the problems in words, empty when it is valid. */
export function documentJobProblems(payload: unknown): string[] {
  const problems = [...compiled.Errors(payload)].map((e) => `${e.path || '/'}: ${e.message}`);
  if (problems.length === 0) {
    const job = payload as DocumentJob;
    if ((job.storeKey === undefined) === (job.text === undefined)) {
      problems.push('/: exactly one of storeKey and text must be given');
    }
  }
  return problems;
}
