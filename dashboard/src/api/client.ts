import type {
  CompanyProfile,
  DocumentDetail,
  DocumentPage,
  EntityLabel,
  EventDetail,
  EventFilter,
  EventPage,
  JobStatus,
  Neighbourhood,
  PersonProfile,
  RatingHistory,
  SearchHit,
  SessionInfo,
  SubmissionAnswer,
  Timeline,
} from './types';

/** An API error answer: `code` is the API's machine code (unauthorized, not_found, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads answered 503 (busy, a service away) or 504 (a graph read past its deadline) are tried again. */
const RETRIED_STATUS = new Set([503, 504]);
const READ_RETRIES = 2;
/** Seconds to wait before a retry when the answer names none, and the most a Retry-After is followed. */
const RETRY_SECONDS = 1;
const MAX_RETRY_SECONDS = 5;

function retryDelayMs(response: Response): number {
  const named = Number(response.headers.get('retry-after'));
  const seconds = Number.isFinite(named) && named > 0 ? Math.min(named, MAX_RETRY_SECONDS) : RETRY_SECONDS;
  return seconds * 1000;
}

const isRead = (init: RequestInit) => (init.method ?? 'GET') === 'GET';

/** What a reader is told when a read still answered 503/504 after its last try. */
function retriesRunOut(status: number, message: string): string {
  const what =
    status === 504 ? 'The server took too long to answer' : 'The server is busy or a service is away';
  return `${what} (tried ${READ_RETRIES + 1} times: ${message}). Try again in a moment.`;
}

/**
 * A read, tried again after a transient answer: the first read of a kind on a busy server can pass the
 * graph's deadline while Neo4j plans it, and the next one is quick. Writes are never repeated.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  const read = isRead(init);
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, { credentials: 'same-origin', ...init });
    if (!read || attempt >= READ_RETRIES || !RETRIED_STATUS.has(response.status)) return response;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(response)));
  }
}

// The session cookie travels with every same-origin request; no key is ever kept in page script.
async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(path, init);
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached');
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  if (!response.ok) {
    const message = body?.message ?? `${response.status} ${response.statusText}`;
    throw new ApiError(
      response.status,
      body?.error ?? 'error',
      isRead(init) && RETRIED_STATUS.has(response.status) ? retriesRunOut(response.status, message) : message,
    );
  }
  return body as T;
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export const api = {
  session: () => call<SessionInfo>('/v1/session'),
  signIn: (apiKey: string) => call<SessionInfo>('/v1/session', json('POST', { apiKey })),
  signOut: () => call<void>('/v1/session', { method: 'DELETE' }),

  submit(file: File, options: { kind?: string; publishedAt?: string } = {}): Promise<SubmissionAnswer> {
    const form = new FormData();
    if (options.kind) form.set('kind', options.kind);
    if (options.publishedAt) form.set('publishedAt', options.publishedAt);
    form.set('file', file);
    return call<SubmissionAnswer>('/v1/documents', { method: 'POST', body: form });
  },

  /** Admin: stops an active job; it ends failed, "cancelled by admin", and is not retried. */
  cancelJob: (id: string) => call<JobStatus>(`/v1/jobs/${enc(id)}/cancel`, { method: 'POST' }),

  search: (q: string, label?: EntityLabel) =>
    call<{ items: SearchHit[] }>(`/v1/search${query({ q, label, limit: 10 })}`),
  company: (key: string) => call<CompanyProfile>(`/v1/companies/${enc(key)}`),
  person: (key: string) => call<PersonProfile>(`/v1/people/${enc(key)}`),
  timeline: (key: string) => call<Timeline>(`/v1/companies/${enc(key)}/timeline`),
  ratings: (key: string) => call<RatingHistory>(`/v1/companies/${enc(key)}/ratings`),
  neighbourhood: (label: EntityLabel, key: string, hops: number) =>
    call<Neighbourhood>(`/v1/entities/${label}/${enc(key)}/neighbourhood${query({ hops, limit: 80 })}`),
  events: (filter: EventFilter) => call<EventPage>(`/v1/events${query({ ...filter })}`),
  event: (id: string) => call<EventDetail>(`/v1/events/${enc(id)}`),
  documents: (cursor?: string) => call<DocumentPage>(`/v1/documents${query({ cursor, limit: 20 })}`),
  document: (id: string) => call<DocumentDetail>(`/v1/documents/${enc(id)}`),
};

/** The most job ids one stream may name; with more, the stream carries every job and the caller filters. */
const MAX_STREAM_IDS = 100;

/** Server-Sent Events of the given jobs (GET /v1/jobs/stream); call the returned function to stop. */
export function watchJobs(ids: readonly string[], onStatus: (status: unknown) => void): () => void {
  const named = ids.length <= MAX_STREAM_IDS ? ids.join(',') : undefined;
  const source = new EventSource(`/v1/jobs/stream${query({ ids: named })}`);
  source.addEventListener('job', (event) => onStatus(JSON.parse((event as MessageEvent<string>).data)));
  return () => source.close();
}
