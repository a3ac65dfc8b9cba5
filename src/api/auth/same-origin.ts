import type { FastifyRequest } from 'fastify';

const header = (request: FastifyRequest, name: string) => {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
};

/**
 * Why a browser request did not come from this server's own pages, or undefined when it did.
 * `Sec-Fetch-Site` (sent by current browsers) must say same-origin; `Origin` (sent with every
 * POST, PUT, PATCH and DELETE) must name the host the request was sent to. A request with neither is
 * refused: no browser sends a state-changing request that way.
 */
export function crossSiteReason(request: FastifyRequest): string | undefined {
  const fetchSite = header(request, 'sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin') return `Sec-Fetch-Site is ${fetchSite}`;
  const origin = header(request, 'origin');
  if (!origin) return fetchSite ? undefined : 'the request names no Origin';
  let from: URL;
  let to: URL;
  try {
    from = new URL(origin);
    // Read with the Origin's scheme, so a default port written out (host:80) still matches.
    to = new URL(`${from.protocol}//${request.host}`);
  } catch {
    return `Origin ${origin} is not this server`;
  }
  return from.host === to.host ? undefined : `Origin ${origin} is not this server`;
}
