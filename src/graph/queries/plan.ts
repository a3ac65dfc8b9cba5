import type { GraphReader, Statement } from './statement.js';

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

export interface PlanOperator {
  /** Operator name without the database suffix (NodeIndexSeek, Expand(All), ProcedureCall, …). */
  name: string;
  details: string;
  /** The database the operator runs on (`system` for administration commands), when the plan says. */
  database?: string;
}

/** Every operator of a plan, depth first. */
export function planOperators(plan: PlanNode | false | undefined): PlanOperator[] {
  if (!plan) return [];
  const [name = '', database] = plan.operatorType.split('@');
  const details = typeof plan.arguments.Details === 'string' ? plan.arguments.Details : '';
  return [
    { name, details, ...(database ? { database } : {}) },
    ...plan.children.flatMap((child) => planOperators(child)),
  ];
}

/** The plan of a statement, without running it. */
export async function explainStatement(reader: GraphReader, statement: Statement): Promise<PlanOperator[]> {
  const session = reader.driver.session({ database: reader.database, defaultAccessMode: 'READ' });
  try {
    const result = await session.executeRead((tx) => tx.run(`EXPLAIN ${statement.text}`, statement.params), {
      timeout: reader.timeoutMs ?? 10_000,
    });
    return planOperators(result.summary.plan as unknown as PlanNode | false);
  } finally {
    await session.close();
  }
}
