import { ErrorResponseSchema } from '../schemas/common.js';

/** Error bodies every graph route may answer with, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([401, 403, 429, ...statuses].map((status) => [status, ErrorResponseSchema]));
}
