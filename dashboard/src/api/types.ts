// The shapes of the HTTP API's answers that the dashboard reads (see /docs for the full spec).

export type Role = 'read' | 'submit' | 'admin';
export type EntityLabel = 'Company' | 'Person' | 'Organization';

export interface Session {
  role: Role;
  authentication: boolean;
}

export interface JobStatus {
  id: string;
  state: string;
  stage?: string;
  progress?: number;
  documentId?: string | null;
  result?: { pages?: number; sentences?: number; entities?: number; events?: number } & Record<
    string,
    unknown
  >;
  error?: { code: string; message: string };
}

export interface Submission {
  jobId: string;
  documentId: string;
  duplicate: boolean;
}

export interface SearchHit {
  label: EntityLabel;
  key: string;
  name: string;
  code: string | null;
  shortNames: string[];
}

export interface Participant {
  role: string;
  roleKey: string;
  label: EntityLabel;
  key: string;
  name: string;
  inferred: boolean;
}

export interface EventSummary {
  id: string;
  type: string;
  typeKey: string;
  trigger: string;
  date: string | null;
  amount: { value: number; currency: string | null } | null;
  shares: number | null;
  ratio: number | null;
  confidence: number;
  modelVersion: string | null;
  documentId: string;
  documentKind: string | null;
  publishedAt: string | null;
  participants: Participant[];
}

export interface BrokerRating {
  broker: string | null;
  rating: string;
  change: string | null;
  targetPrice: number | null;
  currency: string | null;
  date: string | null;
  documentId: string;
}

export interface CompanyProfile {
  key: string;
  name: string;
  code: string | null;
  exchange: string | null;
  shortNames: string[];
  ratings: BrokerRating[];
  eventCounts: { type: string; typeKey: string; count: number }[];
  documentCount: number;
}

export interface Timeline {
  company: { key: string; name: string };
  days: { date: string | null; events: EventSummary[] }[];
  truncated: boolean;
}

export interface RatingHistory {
  company: { key: string; name: string };
  ratings: BrokerRating[];
  truncated: boolean;
}

export interface GraphNode {
  id: string;
  label: string;
  name: string;
  [extra: string]: unknown;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: { source: string; target: string; type: string }[];
  truncated: boolean;
}

export interface Highlight {
  kind: string;
  role: string | null;
  start: number;
  end: number;
  text: string;
}

export interface EventDetail {
  event: EventSummary;
  document: { id: string; kind: string | null; title: string | null; publishedAt: string | null } | null;
  arguments: {
    role: string;
    roleKey: string;
    text: string;
    value: string | null;
    entity: { label: EntityLabel; key: string; name: string } | null;
    confidence: number;
    inferred: boolean;
  }[];
  evidence: { id: string; page: number; text: string; highlights: Highlight[] }[];
}

export interface DocumentSummary {
  id: string;
  kind: string;
  title: string | null;
  publishedAt: string | null;
  fileName: string | null;
  pageCount: number | null;
  modelVersion: string | null;
  processedAt: string | null;
  issuer: { key: string; name: string } | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface DocumentSpan {
  sentenceId: string;
  start: number;
  end: number;
  text: string;
  kind: 'entity' | 'trigger' | 'argument';
  confidence: number | null;
  entity: { label: EntityLabel; key: string; name: string; type?: string | null } | null;
  event: { id: string; type: string } | null;
  role: string | null;
  value: string | null;
}

export interface DocumentDetail {
  document: DocumentSummary;
  rating: {
    companyKey: string;
    rating: string;
    change: string | null;
    targetPrice: number | null;
    currency: string | null;
    date: string | null;
    broker: string | null;
    analysts: string[];
  } | null;
  sentences: { id: string; index: number; page: number; text: string }[];
  sentencesTruncated: boolean;
  entities: { label: EntityLabel; key: string; name: string; mentions: number }[];
  events: EventSummary[];
  spans: DocumentSpan[];
}

export interface EventFilter {
  type?: string;
  company?: string;
  role?: string;
  from?: string;
  to?: string;
  documentKind?: string;
  cursor?: string;
  limit?: number;
}
