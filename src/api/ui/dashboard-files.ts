import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageHeaders } from './page-headers.js';

/** Where `npm run build` puts the dashboard (Vite output of dashboard/). */
export function dashboardBuildDir(projectRoot: string): string {
  return path.join(projectRoot, 'dashboard', 'dist');
}

/** The dashboard's page may also show blob: images. */
const PAGE_HEADERS = pageHeaders({ 'img-src': "'self' data: blob:" });

/**
 * Serves the dashboard's built files at /. Its pages (/companies/…, /documents/…) are client-side
 * routes, so a GET for an unknown path that wants HTML gets index.html; the API keeps its JSON 404s.
 */
export function registerDashboard(app: FastifyInstance, dir: string): void {
  if (!existsSync(path.join(dir, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(`The dashboard is not built (${dir} has no index.html): run npm run build.`),
    );
    return;
  }
  void app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    // Hashed asset names change with their content, so they can be cached for good; index.html not.
    setHeaders: (res, file) => {
      const asset = file.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.header('x-content-type-options', 'nosniff');
      if (file.endsWith('.html')) res.headers(PAGE_HEADERS);
    },
  });
}

/** True for a browser navigation the dashboard should answer with its index.html. */
export function wantsDashboardPage(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    !request.url.startsWith('/v1/') &&
    !request.url.startsWith('/admin') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

export function sendDashboardPage(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-cache').headers(PAGE_HEADERS).sendFile('index.html');
}
