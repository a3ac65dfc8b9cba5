import type { RedisOptions } from 'bullmq';

/**
 * ioredis options for BullMQ. Workers wait out Redis outages (`maxRetriesPerRequest: null` is what
 * BullMQ requires for blocking commands); producers fail fast so an HTTP request gets an error
 * instead of hanging while Redis is away.
 */
export function redisConnectionOptions(redisUrl: string, role: 'producer' | 'worker'): RedisOptions {
  const url = new URL(redisUrl);
  const options: RedisOptions = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 6379),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return role === 'worker'
    ? { ...options, maxRetriesPerRequest: null }
    : { ...options, maxRetriesPerRequest: 1, enableOfflineQueue: false };
}
