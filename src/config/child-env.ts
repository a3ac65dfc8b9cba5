import type { Config } from './config.js';

/**
 * The environment that makes a child `finkg` process (a worker, the demo) use `config`'s services, queue,
 * data folder and model, quiet but for warnings; `extra` adds or overrides variables.
 */
export function childProcessEnv(config: Config, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    NEO4J_URI: config.neo4jUri,
    NEO4J_USER: config.neo4jUser,
    NEO4J_PASSWORD: config.neo4jPassword,
    DATA_DIR: config.dataDir,
    MODEL_DIR: config.modelDir,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}
