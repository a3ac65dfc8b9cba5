import type { PlanOperator } from './plan.js';

/*
 * What a client's Cypher may do, decided on Neo4j's own plan of the query (EXPLAIN) rather than on its
 * text: the planner has already resolved every clause, subquery and procedure name, so spelling,
 * comments, casing or backticks cannot hide a call the way they can from a pattern over the text.
 * Anything whose operator or procedure is not listed here is refused.
 */

/**
 * Plan operators that only read the graph or compute on rows, by name without the `(All)`/`(Into)`
 * variant. Writes, LOAD CSV, SHOW, TERMINATE and administration commands plan to other operators.
 */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  // where rows start
  'Argument',
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'DirectedRelationshipByIdSeek',
  'UndirectedRelationshipByIdSeek',
  'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedUnionRelationshipTypesScan',
  'UndirectedUnionRelationshipTypesScan',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
  'Unwind',
  // following relationships
  'Expand',
  'OptionalExpand',
  'VarLengthExpand',
  'ProjectEndpoints',
  'ShortestPath',
  'StatefulShortestPath',
  'Repeat',
  'Trail',
  'BidirectionalRepeat',
  'NullifyMetadata',
  // combining rows
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'RollUpApply',
  'CartesianProduct',
  'NodeHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'ValueHashJoin',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  'Union',
  'OrderedUnion',
  'Optional',
  'Anti',
  // shaping rows
  'Filter',
  'Projection',
  'CacheProperties',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Sort',
  'PartialSort',
  'Top',
  'PartialTop',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Eager',
  'EmptyResult',
  'ProduceResults',
  // a procedure; which one is checked against READ_PROCEDURES
  'ProcedureCall',
]);

/**
 * Procedures a reader may call: they describe the graph's schema or search its full-text index.
 * Left out on purpose: db.stats.* (its QUERIES section holds every query run, with parameters),
 * db.clearQueryCaches, db.ping-style server probes, dbms.* (settings, connections, other users'
 * transactions) and every procedure that writes. No plugin is installed, so there is no apoc.*.
 */
export const READ_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/** Operators that write, named so a write is refused as a write rather than as an unknown operator. */
const WRITE_OPERATOR =
  /^(Create|Merge|LockingMerge|Delete|DetachDelete|Set|Remove|Foreach|TransactionForeach|TransactionApply)/;

/** A write is told apart so the client hears the same answer as from the READ transaction. */
export type Refusal = { kind: 'write' } | { kind: 'query'; message: string };

/** Why a plan may not run for a client, or null when every operator and procedure is allowed. */
export function refusal(operators: PlanOperator[], database: string): Refusal | null {
  for (const { name, details, database: runsOn } of operators) {
    // Administration commands plan onto the system database; USE of another database names it too.
    if (runsOn !== undefined && runsOn !== database) {
      return { kind: 'query', message: `only the ${database} database can be queried here` };
    }
    const operator = name.replace(/\(.*$/, '');
    if (WRITE_OPERATOR.test(operator)) {
      return { kind: 'write' };
    }
    if (!READ_OPERATORS.has(operator)) {
      return { kind: 'query', message: `${operator} is not allowed here (reads of the graph only)` };
    }
    if (operator === 'ProcedureCall') {
      const procedure = /^\s*`?([\w.]+)`?\s*\(/.exec(details)?.[1] ?? details;
      if (!READ_PROCEDURES.has(procedure)) {
        return {
          kind: 'query',
          message: `procedure ${procedure} is not allowed here; allowed: ${[...READ_PROCEDURES].join(', ')}`,
        };
      }
    }
  }
  return null;
}
