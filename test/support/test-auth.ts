import { ApiKeyRing } from '../../src/api/auth/key-ring.js';
import { SessionStore } from '../../src/api/auth/session-store.js';
import type { ApiKeySpec, Config } from '../../src/config/index.js';

export interface TestAuth {
  keys: ApiKeyRing;
  sessions: SessionStore;
}

/** Keys and a session store over the test Redis, under the config's queue prefix; close the sessions after. */
export function testAuth(
  config: Config,
  specs: ApiKeySpec[],
  options: { ttlSeconds?: number } = {},
): TestAuth {
  const keys = new ApiKeyRing(specs);
  const sessions = SessionStore.open(config.redisUrl, keys, {
    prefix: config.queuePrefix,
    ttlSeconds: options.ttlSeconds ?? config.sessionTtlSeconds,
    timeoutMs: 2000,
  });
  return { keys, sessions };
}
