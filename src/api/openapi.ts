import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { API_KEY_HEADER } from './auth/access-control.js';

/**
 * An OpenAPI 3 document generated from the routes' TypeBox schemas, at /docs/json, and Swagger UI at
 * /docs. Register before the routes: the document is built from routes added after this.
 */
export function registerOpenApi(app: FastifyInstance): void {
  void app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'finkg API',
        version: '1',
        description: 'Submit Chinese financial documents and query the knowledge graph built from them.',
      },
      components: {
        securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: API_KEY_HEADER } },
      },
    },
    // Only routes that need a role carry the security requirement; health, metrics and docs are open.
    transform: ({ schema, url, route }) => ({
      schema: { ...schema, ...(route.config?.access ? { security: [{ apiKey: [] }] } : {}) } as typeof schema,
      url,
    }),
  });
  void app.register(swaggerUi, {
    routePrefix: '/docs',
    // The plugin's policy (with hashes of Swagger UI's inline scripts), with three changes: inline styles
    // allowed (Swagger UI sets them; without, the browser reports violations), framing by other sites
    // refused, and no `upgrade-insecure-requests` (it would break a server reached over plain HTTP).
    staticCSP: true,
    transformStaticCSP: (policy) =>
      policy
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/\s*upgrade-insecure-requests;?/, ''),
  });
}
