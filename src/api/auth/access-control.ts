import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import type { ApiRole } from '../../config/index.js';
import { HttpError } from '../http-error.js';
import { type ApiKeyRing, type KeyHolder, roleAllows } from './key-ring.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The role a route needs; routes outside /v1/ without it are open (health, metrics, docs). */
    access?: ApiRole;
  }
  interface FastifyRequest {
    /** Who sent the request, once the key was checked. */
    apiKey?: KeyHolder;
  }
}

export const API_KEY_HEADER = 'x-api-key';

/** The role a request needs; /v1/ routes that name none need admin, so a forgotten one fails closed. */
export function requiredRole(request: FastifyRequest): ApiRole | undefined {
  const access = request.routeOptions.config?.access;
  if (access) return access;
  return request.url.startsWith('/v1/') ? 'admin' : undefined;
}

/** onRequest hook: no key or an unknown key → 401; a key whose role is too low → 403. */
export function accessControl(keys: ApiKeyRing): onRequestHookHandler {
  return async (request) => {
    const required = requiredRole(request);
    if (!required) return;
    const header = request.headers[API_KEY_HEADER];
    const presented = Array.isArray(header) ? header[0] : header;
    if (!presented) {
      throw new HttpError(401, 'unauthorized', `send an API key in the ${API_KEY_HEADER} header`);
    }
    const holder = keys.lookup(presented);
    if (!holder) throw new HttpError(401, 'unauthorized', 'the API key is not valid');
    request.apiKey = holder;
    if (!roleAllows(holder.role, required)) {
      throw new HttpError(403, 'forbidden', `this needs an API key with role ${required} or above`);
    }
  };
}
