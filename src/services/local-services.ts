import type { Config } from '../config/index.js';
import { stopBackgroundWorker } from './background-worker.js';
import { ensureNeo4j, neo4jStatus, stopNeo4j } from './neo4j-service.js';
import { ensureRedis, redisStatus, stopRedis } from './redis-service.js';
import type { ServiceStatus } from './service-status.js';

/** Brings Redis and Neo4j up (reusing running ones) in parallel; Neo4j's JVM start dominates. */
export async function servicesUp(config: Config): Promise<ServiceStatus[]> {
  return Promise.all([ensureRedis(config), ensureNeo4j(config)]);
}

export async function servicesStatus(config: Config): Promise<ServiceStatus[]> {
  return Promise.all([redisStatus(config), neo4jStatus(config)]);
}

/**
 * Stops the background worker and the servers finkg started under this DATA_DIR; external servers are
 * never touched. The worker goes first: it finishes its job while Redis and Neo4j still answer.
 */
export async function servicesDown(
  config: Config,
): Promise<{ worker: boolean; redis: boolean; neo4j: boolean }> {
  const worker = await stopBackgroundWorker(config);
  const [redis, neo4j] = await Promise.all([stopRedis(config), stopNeo4j(config)]);
  return { worker, redis, neo4j };
}
