import { parseCookie } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ApiRole } from '../../config/index.js';
import { handleError } from '../error-handler.js';
import { HttpError } from '../http-error.js';
import { type ApiKeyRing, type KeyHolder, roleAllows } from './key-ring.js';
import { crossSiteReason } from './same-origin.js';
import type { SessionStore } from './session-store.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The role a route needs; 'public' for the few /v1/ routes anyone may call (sign-in); routes outside
     * /v1/ without it are open (health, metrics, docs, the dashboard's files).
     */
    access?: ApiRole | 'public';
  }
  interface FastifyRequest {
    /** Who sent the request, once the key or session was checked. */
    apiKey?: KeyHolder;
  }
}

export const API_KEY_HEADER = 'x-api-key';
/** The dashboard's session: an HttpOnly, SameSite=Strict cookie holding an opaque session id. */
export const SESSION_COOKIE = 'finkg_session';

/**
 * The role a request needs; /v1/ routes that name none need admin, so a forgotten one fails closed.
 * /admin (the queue board) is admin only.
 */
export function requiredRole(request: FastifyRequest): ApiRole | undefined {
  const access = request.routeOptions.config?.access;
  if (access === 'public') return undefined;
  if (access) return access;
  return request.url.startsWith('/v1/') || isQueueBoard(request) ? 'admin' : undefined;
}

/** /admin and everything under it, whatever the query string. */
function isQueueBoard(request: FastifyRequest): boolean {
  const path = request.url.split('?', 1)[0] ?? '';
  return path === '/admin' || path.startsWith('/admin/');
}

/** The API key in the header (services, CLI); the header wins over a cookie. */
function headerKey(request: FastifyRequest): string | undefined {
  const header = request.headers[API_KEY_HEADER];
  return (Array.isArray(header) ? header[0] : header) || undefined;
}

/** The session id in the cookie (browsers). */
export function sessionId(request: FastifyRequest): string | undefined {
  const cookies = request.headers.cookie;
  return cookies ? parseCookie(cookies)[SESSION_COOKIE] || undefined : undefined;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A browser request that would change something on the strength of the session cookie must come from
 * a page of this server. SameSite=Strict already keeps the cookie off other sites' requests; this
 * check also covers browsers without it. Requests with an API key carry no ambient credential.
 */
function crossSiteRefusal(request: FastifyRequest): HttpError | undefined {
  if (!STATE_CHANGING.has(request.method) || headerKey(request) || !sessionId(request)) return undefined;
  const crossSite = crossSiteReason(request);
  if (!crossSite) return undefined;
  return new HttpError(403, 'cross_site', `refused a ${request.method} signed in by cookie: ${crossSite}`);
}

/** Wrong-key guesses counted per client address: undefined when another may be tried. */
export type GuessLimiter = ReturnType<FastifyInstance['createRateLimit']>;

export interface AccessDeps {
  ring: ApiKeyRing;
  sessions: SessionStore;
  guesses: GuessLimiter;
}

async function tooManyGuesses(request: FastifyRequest, reply: FastifyReply, guesses: GuessLimiter) {
  const seen = await guesses(request, { increment: false });
  if (seen.isAllowed || seen.remaining > 0) return false;
  void reply
    .status(429)
    .header('retry-after', String(seen.ttlInSeconds))
    .send({ error: 'too_many_requests', message: 'too many wrong API keys; try again later' });
  return true;
}

async function holderOf(
  request: FastifyRequest,
  { ring, sessions, guesses }: AccessDeps,
): Promise<KeyHolder | HttpError> {
  const key = headerKey(request);
  if (key) {
    const holder = ring.lookup(key);
    if (holder) return holder;
    await guesses(request);
    return new HttpError(401, 'unauthorized', 'the API key is not valid');
  }
  const id = sessionId(request);
  if (id) {
    const holder = await sessions.find(id);
    return holder ?? new HttpError(401, 'unauthorized', 'the session has ended; sign in again');
  }
  return new HttpError(401, 'unauthorized', `send an API key in the ${API_KEY_HEADER} header or sign in`);
}

async function refusal(request: FastifyRequest, required: ApiRole, deps: AccessDeps) {
  const holder = await holderOf(request, deps);
  if (holder instanceof HttpError) return holder;
  request.apiKey = holder;
  if (!roleAllows(holder.role, required)) {
    return new HttpError(403, 'forbidden', `this needs an API key with role ${required} or above`);
  }
  return undefined;
}

/**
 * onRequest hook: a cookie-signed change from another site → 403; no key, an unknown key or an ended
 * session → 401 (after too many wrong keys from one address, 429); a role too low → 403. The answer is
 * sent here rather than thrown, because plugins with error handlers of their own (the queue board)
 * would reformat a thrown error; a browser opening /admin unsigned is sent to the dashboard to sign in.
 */
export function accessControl(deps: AccessDeps): onRequestHookHandler {
  return async (request, reply) => {
    try {
      const crossSite = crossSiteRefusal(request);
      if (crossSite) return send(reply, crossSite);
      const required = requiredRole(request);
      if (!required) return;
      if (headerKey(request) && (await tooManyGuesses(request, reply, deps.guesses))) return;
      const refused = await refusal(request, required, deps);
      if (!refused) return;
      if (refused.statusCode === 401 && isQueueBoard(request) && acceptsHtml(request)) {
        return reply.redirect('/', 303);
      }
      return send(reply, refused);
    } catch (error) {
      handleError(error, request, reply);
    }
  };
}

const send = (reply: FastifyReply, error: HttpError) =>
  reply.status(error.statusCode).send({ error: error.code, message: error.message });

const acceptsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');
