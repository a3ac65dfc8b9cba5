import type { Driver, ManagedTransaction, SessionConfig } from 'neo4j-driver';

/**
 * Called once per statement a write transaction ran, when its answer has come: ms since it was sent,
 * and the server's own time running it (until its first record, then until its last consumed).
 */
export type StatementObserver = (
  query: string,
  params: Record<string, unknown>,
  ms: number,
  serverMs: number,
) => void;

/**
 * A driver whose sessions' write transactions report each statement they run to `observe`; everything
 * else is the driver's own, so the code under study runs unchanged (the bench's statement times, the
 * plan test's record of the writer's statements).
 */
export function observeWriteStatements(driver: Driver, observe: StatementObserver): Driver {
  const observedTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop !== 'run') return Reflect.get(target, prop, receiver);
        return async (query: string, params: Record<string, unknown> = {}) => {
          const started = performance.now();
          const result = await target.run(query, params);
          const { resultAvailableAfter, resultConsumedAfter } = result.summary;
          observe(
            query,
            params,
            performance.now() - started,
            Number(resultAvailableAfter) + Number(resultConsumedAfter),
          );
          return result;
        };
      },
    });
  return new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop !== 'session') return Reflect.get(target, prop, receiver);
      return (config: SessionConfig) => {
        const session = target.session(config);
        return new Proxy(session, {
          get(s, p, r) {
            if (p !== 'executeWrite') return Reflect.get(s, p, r);
            return <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
              s.executeWrite((tx) => work(observedTx(tx)));
          },
        });
      };
    },
  });
}
