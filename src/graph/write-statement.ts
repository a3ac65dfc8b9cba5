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
