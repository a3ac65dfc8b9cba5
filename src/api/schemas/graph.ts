import { type TSchema, Type } from '@sinclair/typebox';
import { COMPANY_EVENT_SCOPES } from '../../graph/queries/events.js';
import { CALENDAR_DATE } from '../../queue/index.js';
import { DOCUMENT_KINDS } from '../../vocabulary/document-kinds.js';
import { ENTITY_LABELS } from '../../vocabulary/entity-labels.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// Plain enums (not unions of literals) so a bad value reads "must be one of …" and OpenAPI shows a list.
const Enum = (values: readonly string[], description?: string) =>
  Type.Unsafe<string>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });

export const EntityLabelSchema = Enum(ENTITY_LABELS);
const IsoDate = Type.String({
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  format: CALENDAR_DATE,
  description: 'ISO date: 2024, 2024-03 or 2024-03-31',
});
const Limit = (max: number, fallback: number) =>
  Type.Integer({ minimum: 1, maximum: max, default: fallback, description: `at most ${max}` });
const Cursor = Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' });
const Key = Type.String({ minLength: 1, maxLength: 256 });

export const SearchQuerySchema = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'full name, short name, stock code or part of a name',
    }),
    label: Type.Optional(EntityLabelSchema),
    limit: Type.Optional(Limit(50, 10)),
  },
  { additionalProperties: false },
);

export const SearchResponseSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      label: Type.String(),
      key: Type.String(),
      name: Type.String(),
      code: Nullable(Type.String()),
      shortNames: Type.Array(Type.String()),
      company: Nullable(Type.Object({ key: Type.String(), name: Type.String() })),
      positions: Type.Array(Type.String()),
      score: Type.Number(),
    }),
  ),
});

export const KeyParamsSchema = Type.Object({ key: Key });

export const SplitBodySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200, description: 'the name that was merged wrongly' }) },
  { additionalProperties: false },
);

/** A split of what one document linked onto a node of its own: the person or the event it told. */
function documentSplitBody(what: string) {
  return Type.Object(
    {
      document: Type.String({
        minLength: 1,
        maxLength: 256,
        description: `the document whose ${what} is another`,
      }),
      reason: Type.String({
        minLength: 1,
        maxLength: 500,
        description: `why, kept on the ${what} split off`,
      }),
    },
    { additionalProperties: false },
  );
}

export const PersonSplitBodySchema = documentSplitBody('person');
export const EventSplitBodySchema = documentSplitBody('event');

export const EventSplitResultSchema = Type.Object({
  from: Type.String({ description: 'the event the other documents tell' }),
  to: Type.String({ description: 'the document’s own event' }),
  moved: Type.Integer({ description: 'relationships moved: the telling, its evidence and arguments' }),
});

export const SplitResultSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  mentions: Type.Integer(),
  arguments: Type.Integer(),
});
const CompanyRef = Type.Object({ key: Type.String(), name: Type.String() });

export const PersonProfileSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  company: Nullable(CompanyRef),
  positions: Type.Array(Type.String(), { description: 'every position stated for the person, undated' }),
  positionHistory: Type.Array(
    Type.Object({
      date: Nullable(Type.String()),
      change: Nullable(Type.String({ description: '变动类型 as stated' })),
      positions: Type.Array(Type.String(), { description: '高管职位' }),
      positionsAfter: Type.Array(Type.String(), { description: '变动后职位' }),
      company: Nullable(CompanyRef),
      eventId: Type.String(),
      eventType: Type.String(),
      documents: Type.Array(
        Type.Object({
          id: Type.String(),
          title: Nullable(Type.String()),
          publishedAt: Nullable(Type.String()),
        }),
      ),
    }),
    { description: 'the events that state a position of the person, oldest first, undated last' },
  ),
});

export const IdParamsSchema = Type.Object({ id: Key });

const Participant = Type.Object({
  role: Type.String(),
  roleKey: Type.String({ description: 'the role in words: pledgor org, acquirer org, …' }),
  relationship: Type.String({ description: 'relationship type in the graph: PLEDGOR, ACQUIRER, …' }),
  label: Type.String(),
  key: Type.String(),
  name: Type.String(),
  inferred: Type.Boolean(),
});

export const EventSummarySchema = Type.Object({
  id: Type.String(),
  type: Type.String({ description: 'FewFC type name, e.g. 质押' }),
  typeKey: Type.String({ description: 'schema key, e.g. pledge' }),
  trigger: Type.String(),
  date: Nullable(Type.String()),
  amount: Nullable(Type.Object({ value: Type.Number(), currency: Nullable(Type.String()) })),
  shares: Nullable(Type.Number()),
  ratio: Nullable(Type.Number({ description: 'a fraction: 8.5% is 0.085' })),
  confidence: Type.Number(),
  modelVersion: Nullable(Type.String()),
  documentId: Type.String({ description: 'the first document (earliest published) that tells the event' }),
  sourceCount: Type.Integer({ description: 'how many documents tell the event' }),
  documentKind: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  participants: Type.Array(Participant),
});

const ReportForecastSchema = Type.Object({
  metric: Type.String({ description: 'eps, revenue, net_profit or pe' }),
  year: Type.Integer(),
  estimate: Type.Boolean({ description: 'false for an actual (A) year printed beside the estimates' }),
  value: Type.Number({ description: 'in 元 (revenue, net profit), 元 per share (EPS) or a multiple (PE)' }),
  unit: Type.String({ description: '元, 元/股 or 倍; the printed unit when it could not be converted' }),
});

const BrokerRatingSchema = Type.Object({
  broker: Nullable(Type.String()),
  rating: Type.String({ description: 'buy, outperform, neutral, underperform or sell' }),
  change: Nullable(Type.String({ description: 'maintain, upgrade, downgrade or initiate' })),
  targetPrice: Nullable(Type.Number()),
  targetPriceHigh: Nullable(Type.Number({ description: 'high end of a stated target range' })),
  currency: Nullable(Type.String()),
  date: Nullable(Type.String()),
  documentId: Type.String(),
  forecasts: Type.Array(ReportForecastSchema, { description: "the report's forecasts by metric and year" }),
});

export const CompanyProfileSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  code: Nullable(Type.String()),
  exchange: Nullable(Type.String()),
  shortNames: Type.Array(Type.String()),
  ratings: Type.Array(BrokerRatingSchema, { description: 'the latest rating of each broker, newest first' }),
  eventCounts: Type.Array(
    Type.Object({ type: Type.String(), typeKey: Type.String(), count: Type.Integer() }),
  ),
  documentCount: Type.Integer(),
});

export const TimelineQuerySchema = Type.Object(
  { limit: Type.Optional(Limit(500, 200)) },
  { additionalProperties: false },
);

export const TimelineSchema = Type.Object({
  company: Type.Object({ key: Type.String(), name: Type.String() }),
  days: Type.Array(Type.Object({ date: Nullable(Type.String()), events: Type.Array(EventSummarySchema) })),
  truncated: Type.Boolean(),
});

export const RatingHistorySchema = Type.Object({
  company: Type.Object({ key: Type.String(), name: Type.String() }),
  ratings: Type.Array(BrokerRatingSchema, { description: 'every rating, oldest first; undated last' }),
  truncated: Type.Boolean(),
});

export function eventsQuerySchema(typeValues: string[], roleValues: string[]) {
  return Type.Object(
    {
      type: Type.Optional(Enum(typeValues, 'type name (质押) or key (pledge)')),
      company: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'company key' })),
      role: Type.Optional(Enum(roleValues, 'role relationship type; with company, the role it plays')),
      about: Type.Optional(
        Enum(
          [...COMPANY_EVENT_SCOPES],
          'with company: party (it plays a role), shares (its own filings tell of them, e.g. a pledge of its shares), subsidiaries (a subsidiary its filings state plays a role) or any (the default)',
        ),
      ),
      from: Type.Optional(IsoDate),
      to: Type.Optional(IsoDate),
      documentKind: Type.Optional(Enum(DOCUMENT_KINDS)),
      cursor: Type.Optional(Cursor),
      limit: Type.Optional(Limit(100, 20)),
    },
    { additionalProperties: false },
  );
}

export const EventPageSchema = Type.Object({
  items: Type.Array(EventSummarySchema),
  nextCursor: Nullable(Type.String()),
});

const Highlight = Type.Object({
  kind: Type.String({ description: 'trigger or argument' }),
  role: Nullable(Type.String()),
  start: Type.Integer({ description: 'UTF-16 offset in the sentence text' }),
  end: Type.Integer(),
  text: Type.String(),
});

const EventDocumentSchema = Type.Object({
  id: Type.String(),
  kind: Nullable(Type.String()),
  title: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
});

export const EventDetailSchema = Type.Object({
  event: EventSummarySchema,
  document: Nullable(EventDocumentSchema),
  sources: Type.Array(
    Type.Object({
      document: EventDocumentSchema,
      date: Nullable(Type.String()),
      amount: Nullable(Type.Object({ value: Type.Number(), currency: Nullable(Type.String()) })),
      shares: Nullable(Type.Number()),
      ratio: Nullable(Type.Number()),
      trigger: Nullable(Type.String()),
      confidence: Nullable(Type.Number()),
      match: Nullable(Type.String({ description: 'why this document was taken to tell the same event' })),
      conflicting: Type.Boolean({ description: 'its figures differ from the event’s beyond tolerance' }),
    }),
    { description: 'every document that tells the event, with the values it states, earliest first' },
  ),
  triggers: Type.Array(
    Type.Object({
      sentenceId: Type.String(),
      start: Type.Integer(),
      end: Type.Integer(),
      text: Type.String(),
      confidence: Type.Number(),
    }),
  ),
  arguments: Type.Array(
    Type.Object({
      role: Type.String(),
      roleKey: Type.String(),
      text: Type.String(),
      value: Nullable(Type.String()),
      entity: Nullable(Type.Object({ label: Type.String(), key: Type.String(), name: Type.String() })),
      sentenceId: Nullable(Type.String()),
      start: Type.Integer(),
      end: Type.Integer(),
      confidence: Type.Number(),
      inferred: Type.Boolean(),
      documentId: Nullable(Type.String({ description: 'the document the argument was read in' })),
    }),
  ),
  evidence: Type.Array(
    Type.Object({
      id: Type.String(),
      index: Type.Integer(),
      page: Type.Integer(),
      start: Type.Integer({ description: 'UTF-16 offset in the document text' }),
      end: Type.Integer(),
      text: Type.String(),
      highlights: Type.Array(Highlight),
      ocrBoxes: Type.Optional(
        Type.Array(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), {
          description:
            'on a page read by OCR: the sentence’s boxes, [left, top, right, bottom] as fractions of the page (see /v1/documents/{id}/pages/{page}/image)',
        }),
      ),
    }),
  ),
});

export const NeighbourhoodParamsSchema = Type.Object({ label: EntityLabelSchema, key: Key });

export const NeighbourhoodQuerySchema = Type.Object(
  {
    hops: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, default: 1 })),
    limit: Type.Optional(Limit(200, 100)),
  },
  { additionalProperties: false },
);

export const NeighbourhoodSchema = Type.Object({
  nodes: Type.Array(
    Type.Object(
      { id: Type.String(), label: Type.String(), name: Type.String() },
      {
        additionalProperties: true,
        description: 'plus code, type, date, kind, publishedAt or positions (a person’s) where set',
      },
    ),
  ),
  edges: Type.Array(Type.Object({ source: Type.String(), target: Type.String(), type: Type.String() })),
  truncated: Type.Boolean(),
});

export const DocumentsQuerySchema = Type.Object(
  {
    kind: Type.Optional(Enum(DOCUMENT_KINDS)),
    issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'company key' })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit(100, 20)),
  },
  { additionalProperties: false },
);

const DocumentSummarySchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  pageCount: Nullable(Type.Integer()),
  modelVersion: Nullable(Type.String()),
  processedAt: Nullable(Type.String()),
  issuer: Nullable(Type.Object({ key: Type.String(), name: Type.String() })),
});

export const DocumentPageSchema = Type.Object({
  items: Type.Array(DocumentSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const DocumentDetailSchema = Type.Object({
  document: DocumentSummarySchema,
  rating: Nullable(
    Type.Object({
      companyKey: Type.String(),
      rating: Type.String(),
      change: Nullable(Type.String()),
      targetPrice: Nullable(Type.Number()),
      targetPriceHigh: Nullable(Type.Number({ description: 'high end of a stated target range' })),
      currency: Nullable(Type.String()),
      date: Nullable(Type.String()),
      broker: Nullable(Type.String()),
      analysts: Type.Array(Type.String()),
    }),
  ),
  sentences: Type.Array(
    Type.Object({
      id: Type.String(),
      index: Type.Integer(),
      page: Type.Integer(),
      start: Type.Integer(),
      end: Type.Integer(),
      text: Type.String(),
    }),
  ),
  sentencesTruncated: Type.Boolean(),
  entities: Type.Array(
    Type.Object({ label: Type.String(), key: Type.String(), name: Type.String(), mentions: Type.Integer() }),
  ),
  events: Type.Array(EventSummarySchema),
  spans: Type.Array(
    Type.Object({
      sentenceId: Type.String(),
      start: Type.Integer({ description: 'UTF-16 offset in the sentence text' }),
      end: Type.Integer(),
      text: Type.String(),
      kind: Enum(['entity', 'trigger', 'argument']),
      confidence: Nullable(Type.Number()),
      entity: Nullable(
        Type.Object({
          label: Type.String(),
          key: Type.String(),
          name: Type.String(),
          type: Type.Optional(Nullable(Type.String({ description: 'entity type: company, person, …' }))),
        }),
      ),
      event: Nullable(Type.Object({ id: Type.String(), type: Type.String() })),
      role: Nullable(Type.String()),
      value: Nullable(Type.String({ description: 'normalised value of a value argument' })),
    }),
    { description: 'what to mark in the text: entity mentions, event triggers and arguments' },
  ),
});

export const CypherBodySchema = Type.Object(
  {
    query: Type.String({ minLength: 1, maxLength: 10_000 }),
    params: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const CypherResponseSchema = Type.Object({
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  truncated: Type.Boolean({ description: 'true when the row cap cut the result' }),
});
