import type { Config } from '../../config/index.js';
import { pingRedis } from '../../services/index.js';

/**
 * Fails fast with a clear message when Redis is away: BullMQ's clients would otherwise retry forever
 * and print every refused connection.
 */
export async function requireRedis(config: Config): Promise<void> {
  try {
    await pingRedis(config.redisUrl, 3000);
  } catch (error) {
    throw new Error(
      `Redis at ${config.redisUrl} does not answer (${(error as Error).message}); ` +
        'start it with `finkg services up` or set REDIS_URL',
    );
  }
}

/** Reports connection trouble once per distinct message instead of once per reconnect attempt. */
export function reportOnce(label: string): (error: Error) => void {
  const seen = new Set<string>();
  return (error) => {
    if (seen.has(error.message)) return;
    seen.add(error.message);
    process.stderr.write(`finkg: ${label}: ${error.message}\n`);
  };
}
