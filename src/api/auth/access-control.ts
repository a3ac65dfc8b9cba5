import { parseCookie } from 'cookie';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ApiRole } from '../../config/index.js';
import { HttpError } from '../http-error.js';
import { type ApiKeyRing, type KeyHolder, roleAllows } from './key-ring.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The role a route needs; 'public' for the few /v1/ routes anyone may call (sign-in); routes outside
     * /v1/ without it are open (health, metrics, docs, the dashboard's files).
     */
    access?: ApiRole | 'public';
  }
  interface FastifyRequest {
    /** Who sent the request, once the key was checked. */
    apiKey?: KeyHolder;
  }
}

export const API_KEY_HEADER = 'x-api-key';
/** The dashboard's session: an HttpOnly, SameSite=Strict cookie holding the key given at sign-in. */
export const SESSION_COOKIE = 'finkg_key';

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

/** The key a request presents: the header first (services, CLI), else the session cookie (browser). */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers[API_KEY_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader) return fromHeader;
  const cookies = request.headers.cookie;
  return cookies ? parseCookie(cookies)[SESSION_COOKIE] || undefined : undefined;
}

function refusal(request: FastifyRequest, required: ApiRole, keys: ApiKeyRing): HttpError | undefined {
  const presented = presentedKey(request);
  if (!presented) {
    return new HttpError(401, 'unauthorized', `send an API key in the ${API_KEY_HEADER} header or sign in`);
  }
  const holder = keys.lookup(presented);
  if (!holder) return new HttpError(401, 'unauthorized', 'the API key is not valid');
  request.apiKey = holder;
  if (!roleAllows(holder.role, required)) {
    return new HttpError(403, 'forbidden', `this needs an API key with role ${required} or above`);
  }
  return undefined;
}

/**
 * onRequest hook: no key or an unknown key → 401; a key whose role is too low → 403. The answer is
 * sent here rather than thrown, because plugins with error handlers of their own (the queue board)
 * would reformat a thrown error; a browser opening /admin unsigned is sent to the dashboard to sign in.
 */
export function accessControl(ring: ApiKeyRing): onRequestHookHandler {
  return async (request, reply) => {
    const required = requiredRole(request);
    if (!required) return;
    const refused = refusal(request, required, ring);
    if (!refused) return;
    if (refused.statusCode === 401 && isQueueBoard(request) && acceptsHtml(request)) {
      return reply.redirect('/', 303);
    }
    return reply.status(refused.statusCode).send({ error: refused.code, message: refused.message });
  };
}

const acceptsHtml = (request: FastifyRequest) => (request.headers.accept ?? '').includes('text/html');
