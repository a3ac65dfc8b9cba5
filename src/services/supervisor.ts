import type { Config } from '../config/index.js';
import type { Logger } from '../log/logger.js';
import { ensureNeo4j, neo4jStatus } from './neo4j-service.js';
import { ensureRedis, redisStatus } from './redis-service.js';
import type { ServiceStartHooks, ServiceStatus } from './service-status.js';

const SERVICES: [
  (config: Config) => Promise<ServiceStatus>,
  (config: Config, hooks: ServiceStartHooks) => Promise<ServiceStatus>,
][] = [
  [redisStatus, ensureRedis],
  [neo4jStatus, ensureNeo4j],
];

/**
 * While a long-running finkg process lives, starts again a server that finkg started and whose process
 * has gone (Neo4j exits on an exhausted heap). Servers finkg did not start are never touched. Several
 * supervisors of one DATA_DIR (two `serve`, or `serve` and `demo --keep-running`) take turns through the
 * server's start lock: one starts it, the others find it running.
 */
export function superviseServices(
  config: Config,
  log: Pick<Logger, 'warn' | 'error'>,
  intervalMs = 10_000,
): { stop(): void } {
  let checking = false;
  const check = async () => {
    if (checking) return; // a restart can outlast the interval
    checking = true;
    try {
      for (const [status, ensure] of SERVICES) {
        const { name, lostPid } = await status(config);
        if (lostPid === undefined) continue;
        let startedHere = false;
        try {
          const started = await ensure(config, {
            beforeStart: () => {
              startedHere = true;
              log.warn(`${name} (pid ${lostPid}) stopped unexpectedly; starting it again`);
            },
          });
          log.warn(
            startedHere
              ? `${name} is running again (pid ${started.pid})`
              : `${name} (pid ${lostPid}) stopped unexpectedly; another finkg process started it again (pid ${started.pid})`,
          );
        } catch (error) {
          log.error(`${name} could not be started again: ${(error as Error).message}`);
        }
      }
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
