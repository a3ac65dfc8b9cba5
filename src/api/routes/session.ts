import { type Static, Type } from '@sinclair/typebox';
import { stringifySetCookie } from 'cookie';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, sessionId } from '../auth/access-control.js';
import type { ApiKeyRing } from '../auth/key-ring.js';
import type { SessionStore } from '../auth/session-store.js';
import { HttpError } from '../http-error.js';
import { ErrorResponseSchema } from '../schemas/common.js';
import { SessionSchema, SignInSchema } from '../schemas/session.js';

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAge: number) {
  void reply.header(
    'set-cookie',
    stringifySetCookie({
      name: SESSION_COOKIE,
      value,
      httpOnly: true,
      // Strict: the browser never sends it with a request another site starts, so no CSRF through it.
      sameSite: 'strict',
      secure: request.protocol === 'https',
      path: '/',
      maxAge,
    }),
  );
}

export interface SessionDeps {
  keys: ApiKeyRing;
  sessions: SessionStore;
}

/**
 * The dashboard's sign-in: POST /v1/session checks a key and starts a server-side session whose id
 * goes in an HttpOnly cookie, so the browser's requests, its event stream and /admin carry it; GET
 * tells who is signed in; DELETE ends the session. Without keys (loopback only) nothing is signed.
 */
export function sessionRoutes(auth: SessionDeps | undefined): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: Static<typeof SignInSchema> }>(
      '/v1/session',
      {
        config: { access: 'public' },
        schema: {
          tags: ['session'],
          body: SignInSchema,
          response: { 200: SessionSchema, 401: ErrorResponseSchema },
        },
      },
      async (request, reply) => {
        if (!auth) return { role: 'admin' as const, authentication: false };
        const holder = auth.keys.lookup(request.body.apiKey);
        if (!holder) throw new HttpError(401, 'unauthorized', 'the API key is not valid');
        const id = await auth.sessions.create(holder);
        setSessionCookie(request, reply, id, auth.sessions.ttlSeconds);
        return { role: holder.role, authentication: true };
      },
    );

    app.get(
      '/v1/session',
      {
        config: { access: 'read' },
        schema: { tags: ['session'], response: { 200: SessionSchema, 401: ErrorResponseSchema } },
      },
      async (request) => ({
        role: request.apiKey?.role ?? ('admin' as const),
        authentication: auth !== undefined,
      }),
    );

    app.delete(
      '/v1/session',
      {
        config: { access: 'public' },
        schema: { tags: ['session'], response: { 204: Type.Null(), 403: ErrorResponseSchema } },
      },
      async (request, reply) => {
        const id = sessionId(request);
        // Revoked in Redis, so a copy of the cookie kept elsewhere stops working too.
        if (auth && id) await auth.sessions.revoke(id);
        setSessionCookie(request, reply, '', 0);
        return reply.status(204).send();
      },
    );
  };
}
