import { type Static, Type } from '@sinclair/typebox';
import { KindSchema, PublishedAtSchema } from './common.js';

/** JSON body of POST /v1/documents: a text sent inline. */
export const TextSubmissionSchema = Type.Object(
  {
    text: Type.String({ minLength: 1 }),
    kind: KindSchema,
    title: Type.Optional(Type.String({ maxLength: 1000 })),
    publishedAt: Type.Optional(PublishedAtSchema),
    source: Type.Optional(
      Type.Object(
        {
          url: Type.Optional(Type.String({ maxLength: 2048 })),
          name: Type.Optional(Type.String({ maxLength: 255 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TextSubmission = Static<typeof TextSubmissionSchema>;

/** The form fields that may come with a multipart file upload, all text. */
export const UPLOAD_FIELDS = ['kind', 'title', 'publishedAt', 'sourceUrl', 'sourceName'] as const;
export type UploadFields = Partial<Record<(typeof UPLOAD_FIELDS)[number], string>>;

export const SubmissionResponseSchema = Type.Object({
  jobId: Type.String(),
  documentId: Type.String({ description: 'sha256 of the document bytes' }),
  duplicate: Type.Boolean({
    description: 'a job for the same document was already queued; jobId is that job',
  }),
  workersRunning: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'workers consuming the queue when the job was queued; 0: it waits until one runs',
    }),
  ),
});
export type SubmissionResponse = Static<typeof SubmissionResponseSchema>;
