export {
  type BackgroundWorker,
  startBackgroundWorker,
  stopBackgroundWorker,
} from './background-worker.js';
export { servicesDown, servicesStatus, servicesUp } from './local-services.js';
export { ensureNeo4j, neo4jStatus, stopNeo4j } from './neo4j-service.js';
export { ensureRedis, pingRedis, redisStatus, stopRedis } from './redis-service.js';
export {
  freePort,
  type ScratchServices,
  type ScratchSettings,
  scratchConfig,
  startScratchServices,
  sweepAbandonedRuns,
  withScratchServices,
} from './scratch-services.js';
export { assertServicesUsable, ensureServicesUsable, listening } from './service-check.js';
export { ServiceStartError, type ServiceStatus } from './service-status.js';
export { superviseServices } from './supervisor.js';
export { startWorkerProcess, stopWorkerProcess } from './worker-process.js';
