import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config/index.js';

/** One driver per process; sessions are opened per unit of work and closed in `finally`. */
export function createNeo4jDriver(config: Config): Driver {
  return neo4j.driver(config.neo4jUri, neo4j.auth.basic(config.neo4jUser, config.neo4jPassword), {
    maxConnectionPoolSize: 20,
    connectionAcquisitionTimeout: 30_000,
    // Integers come back as JS numbers; counts and offsets here are far below 2^53.
    disableLosslessIntegers: true,
    logging: {
      level: 'warn',
      logger: (level, message) => console.error(`neo4j ${level}: ${message.split('\n')[0]}`),
    },
  });
}
