import { Type } from '@sinclair/typebox';

export const JobParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 256 }),
});

export const JobStatusSchema = Type.Object({
  id: Type.String(),
  state: Type.String({ description: 'waiting, active, delayed, prioritized, completed, failed' }),
  stage: Type.String({ description: 'queued, load, parse, extract, link, graph, done' }),
  progress: Type.Number({ minimum: 0, maximum: 100 }),
  attemptsMade: Type.Integer({ minimum: 0 }),
  result: Type.Optional(Type.Unknown({ description: "the worker's summary once completed" })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  documentId: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.String(),
  finishedAt: Type.Optional(Type.String()),
});
