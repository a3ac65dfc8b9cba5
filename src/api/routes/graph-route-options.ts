import { ErrorResponseSchema } from '../schemas/common.js';

/** Error bodies every graph route may answer with (503: Neo4j unreachable), for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([401, 403, 429, 503, ...statuses].map((status) => [status, ErrorResponseSchema]));
}
