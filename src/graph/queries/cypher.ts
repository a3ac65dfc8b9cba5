import neo4j from 'neo4j-driver';
import { runReadQuery, WriteRefusedError } from '../read-query.js';
import { refusal } from './cypher-allow-list.js';
import { explainStatement, type PlanOperator } from './plan.js';
import type { GraphReader } from './statement.js';
import { unboundedValue } from './value-limits.js';

/** A read the API will not run for a client: anything beyond the allow-list of cypher-allow-list.ts. */
export class QueryRefusedError extends Error {}
/** The query needed more memory than Neo4j lets one transaction use (db.memory.transaction.max). */
export class QueryMemoryLimitError extends Error {}
/** Neo4j rejected the query itself (syntax, types, unknown procedure); the message is its first line. */
export class InvalidQueryError extends Error {}
export class QueryTimeoutError extends Error {}

export { WriteRefusedError };

/** JSON integers become Bolt integers, so `LIMIT $n` and integer properties work as users expect. */
function toBoltParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toBoltParams);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toBoltParams(v)]));
  }
  return value;
}

/**
 * Nodes, relationships, paths and temporal values as plain JSON. Integers beyond JSON's exact range
 * (±2^53) become decimal strings rather than rounded numbers.
 */
export function toPlainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    const integer = value as { inSafeRange(): boolean; toNumber(): number; toString(): string };
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value !== 'object') return value;
  if (neo4j.isNode(value as never)) {
    const n = value as unknown as {
      elementId: string;
      labels: string[];
      properties: Record<string, unknown>;
    };
    return { elementId: n.elementId, labels: n.labels, properties: toPlainValue(n.properties) };
  }
  if (neo4j.isRelationship(value as never)) {
    const r = value as unknown as {
      elementId: string;
      type: string;
      startNodeElementId: string;
      endNodeElementId: string;
      properties: Record<string, unknown>;
    };
    return {
      elementId: r.elementId,
      type: r.type,
      start: r.startNodeElementId,
      end: r.endNodeElementId,
      properties: toPlainValue(r.properties),
    };
  }
  if (neo4j.isPath(value as never)) {
    const p = value as unknown as { segments: { start: unknown; relationship: unknown; end: unknown }[] };
    return {
      segments: p.segments.map((s) => ({
        start: toPlainValue(s.start),
        relationship: toPlainValue(s.relationship),
        end: toPlainValue(s.end),
      })),
    };
  }
  const ctor = (value as { constructor?: { name?: string } }).constructor?.name;
  if (ctor && ctor !== 'Object') return String(value); // temporal and spatial values print in ISO form
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlainValue(v)]));
}

const EXPLAIN = 'EXPLAIN ';

/** Neo4j's error positions refer to our `EXPLAIN ` + query; shift them back to the client's text. */
export function withoutExplainOffset(message: string): string {
  return message.replace(
    /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
    (_, line: string, column: string, offset: string) => {
      const shift = EXPLAIN.length;
      const col = line === '1' ? Math.max(1, Number(column) - shift) : Number(column);
      return `(line ${line}, column ${col} (offset: ${Math.max(0, Number(offset) - shift)}))`;
    },
  );
}

/** Neo4j's rejection of a query as a client error carrying only its first line. */
function narrowed(error: unknown, options: { timeoutMs: number }, planning: boolean): unknown {
  const code = String((error as { code?: string }).code ?? '');
  if (/TransactionTimedOut|TransactionTerminated/.test(code)) {
    return new QueryTimeoutError(`the query ran longer than ${options.timeoutMs} ms`);
  }
  if (/^Neo\.TransientError\.General\.(MemoryPoolOutOfMemoryError|OutOfMemoryError)$/.test(code)) {
    return new QueryMemoryLimitError(
      'the query needed more memory than one query may use; match fewer rows, collect less or add a LIMIT',
    );
  }
  if (/^Neo\.ClientError\.(Statement|Procedure|Schema)\./.test(code)) {
    const firstLine =
      String((error as Error).message)
        .split('\n')[0]
        ?.slice(0, 300) ?? '';
    return new InvalidQueryError(
      (planning ? withoutExplainOffset(firstLine) : firstLine) || 'the query was rejected',
    );
  }
  return error;
}

export interface CypherResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
}

/**
 * Runs a client's Cypher read: a query that can build a value too large to hold is refused (value-limits.ts), the query is
 * planned (only allow-listed operators and procedures pass), then run in a READ transaction with a deadline and a row cap. Neo4j's errors are narrowed to a
 * first line; anything unexpected is rethrown for the caller to hide.
 */
export async function runUserCypher(
  reader: GraphReader,
  query: string,
  params: Record<string, unknown>,
  options: { timeoutMs: number; maxRows: number },
): Promise<CypherResult> {
  const tooLarge = unboundedValue(query, params);
  if (tooLarge) throw new QueryRefusedError(tooLarge);
  const boltParams = toBoltParams(params) as Record<string, unknown>;
  // Planned first, failing closed: a query that cannot be planned is not run either.
  let operators: PlanOperator[];
  try {
    operators = await explainStatement(
      { ...reader, timeoutMs: options.timeoutMs },
      { text: query, params: boltParams },
    );
  } catch (error) {
    throw narrowed(error, options, true);
  }
  const why = refusal(operators, reader.database);
  if (why?.kind === 'write') throw new WriteRefusedError();
  if (why) throw new QueryRefusedError(why.message);
  try {
    const result = await runReadQuery(reader.driver, reader.database, query, boltParams, options);
    return { ...result, rows: result.rows.map((row) => toPlainValue(row) as Record<string, unknown>) };
  } catch (error) {
    throw narrowed(error, options, false);
  }
}
