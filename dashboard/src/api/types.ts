// The API's answers as the server's own response schemas define them (src/api/schemas), so the
// dashboard and the server cannot drift apart; only types cross over, nothing of the server's code.
import type { Static } from '@sinclair/typebox';
import type * as Graph from '../../../src/api/schemas/graph.js';
import type * as Job from '../../../src/api/schemas/job.js';
import type * as Session from '../../../src/api/schemas/session.js';
import type * as Submission from '../../../src/api/schemas/submission.js';

export type EntityLabel = 'Company' | 'Person' | 'Organization';

export type SessionInfo = Static<typeof Session.SessionSchema>;
export type JobStatus = Static<typeof Job.JobStatusSchema>;
export type SubmissionAnswer = Static<typeof Submission.SubmissionResponseSchema>;
export type SearchHit = Static<typeof Graph.SearchResponseSchema>['items'][number];
export type EventSummary = Static<typeof Graph.EventSummarySchema>;
export type CompanyProfile = Static<typeof Graph.CompanyProfileSchema>;
export type BrokerRating = CompanyProfile['ratings'][number];
export type PersonProfile = Static<typeof Graph.PersonProfileSchema>;
export type Timeline = Static<typeof Graph.TimelineSchema>;
export type RatingHistory = Static<typeof Graph.RatingHistorySchema>;
export type Neighbourhood = Static<typeof Graph.NeighbourhoodSchema>;
export type GraphNode = Neighbourhood['nodes'][number] & Record<string, unknown>;
export type EventDetail = Static<typeof Graph.EventDetailSchema>;
export type Highlight = EventDetail['evidence'][number]['highlights'][number];
export type EventPage = Static<typeof Graph.EventPageSchema>;
export type DocumentPage = Static<typeof Graph.DocumentPageSchema>;
export type DocumentSummary = DocumentPage['items'][number];
export type DocumentDetail = Static<typeof Graph.DocumentDetailSchema>;
export type DocumentSpan = DocumentDetail['spans'][number];

/** Query parameters of GET /v1/events. */
export interface EventFilter {
  type?: string;
  company?: string;
  /** With company: party, shares, subsidiaries or any (the server's default). */
  about?: string;
  role?: string;
  from?: string;
  to?: string;
  documentKind?: string;
  cursor?: string;
  limit?: number;
}
