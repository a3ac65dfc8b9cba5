import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config/index.js';

export interface DriverOptions {
  /**
   * Integers as neo4j Integer values rather than JS numbers, which turn anything past 2^53 into
   * Infinity; for reading values the project did not write (the API's Cypher route).
   */
  losslessIntegers?: boolean;
  /** How long a transaction is retried while the server is unreachable (the driver's default is 30 s). */
  retryForMs?: number;
}

/** One driver per process; sessions are opened per unit of work and closed in `finally`. */
export function createNeo4jDriver(config: Config, options: DriverOptions = {}): Driver {
  return neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    maxConnectionPoolSize: 20,
    connectionAcquisitionTimeout: 30_000,
    // Integers come back as JS numbers; counts and offsets here are far below 2^53.
    disableLosslessIntegers: !options.losslessIntegers,
    ...(options.retryForMs === undefined ? {} : { maxTransactionRetryTime: options.retryForMs }),
    logging: {
      level: 'warn',
      logger: (level, message) => console.error(`neo4j ${level}: ${message.split('\n')[0]}`),
    },
  });
}
