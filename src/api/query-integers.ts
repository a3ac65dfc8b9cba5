import type { TObject } from '@sinclair/typebox';
import type { preValidationHookHandler } from 'fastify';

/**
 * The app's validator does not coerce types (bodies must be exact), but a query string is all text:
 * this turns digit strings into numbers for the integer fields of a route's querystring schema.
 */
export function queryIntegers(schema: TObject): preValidationHookHandler {
  const fields = Object.entries(schema.properties)
    .filter(([, property]) => property.type === 'integer')
    .map(([name]) => name);
  return async (request) => {
    const query = request.query as Record<string, unknown>;
    for (const name of fields) {
      const value = query[name];
      if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) query[name] = Number(value);
    }
  };
}
