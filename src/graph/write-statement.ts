/**
 * A statement of the document writer, planned once and then reused. Cypher replans a cached statement
 * when the graph's statistics have moved, and a graph that grows as documents arrive moves them all the
 * time: replanning these large statements cost more than running them (seconds per replan on a busy
 * machine, for writes of a few milliseconds). Each statement finds its nodes by a unique key or a hinted
 * index, so its plan does not depend on the statistics (test/graph/write-statement-plans.test.ts checks
 * that a plan made on an empty graph is the one made on a populated one).
 */
export function writeStatement(text: string): string {
  return `CYPHER replan=skip ${text}`;
}

/**
 * The parameters of a writer statement, as the one map `$args` its text reads them from. The server
 * keeps a plan per statement and per size class of each list or string parameter (0, 1, up to 10, up to
 * 100, …): with its rows in lists of their own, a statement was planned again for most documents of
 * real traffic (WRITE_EVENTS' four lists alone make dozens of variants, seconds each on a fresh server).
 * A map has no size class, so each statement has one plan (two: a transaction's state before its first
 * write and after).
 */
export function writeArgs(args: Record<string, unknown>): { args: Record<string, unknown> } {
  return { args };
}
