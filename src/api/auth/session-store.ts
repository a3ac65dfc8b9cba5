import { createHash, randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisConnectionOptions } from '../../queue/index.js';
import { withinDeadline } from '../unavailable-error.js';
import type { ApiKeyRing, KeyHolder } from './key-ring.js';

export interface SessionOptions {
  /** Key prefix in Redis (the queue prefix, so deployments sharing a Redis keep apart). */
  prefix: string;
  /** Lifetime from sign-in. */
  ttlSeconds: number;
  /** Deadline of each Redis call, past which the request is answered 503. */
  timeoutMs: number;
}

/** What Redis keeps for a session: which key signed in, never the key itself. */
interface SessionRecord {
  keyId: string;
  createdAt: string;
}

/**
 * Dashboard sign-ins as opaque, server-side sessions. The cookie holds a random id; Redis holds the
 * record under a digest of that id, so a copy of Redis holds no usable cookie. A session ends when
 * its time is up (absolute: counted from sign-in, not renewed by use), when it is signed out, or when
 * its key is no longer configured; its role is always the key's current one.
 */
export class SessionStore {
  private constructor(
    private readonly redis: Redis,
    private readonly ring: ApiKeyRing,
    private readonly options: SessionOptions,
  ) {}

  /** A store with a Redis connection of its own, which fails fast while Redis is down. */
  static open(redisUrl: string, ring: ApiKeyRing, options: SessionOptions): SessionStore {
    const redis = new Redis({ ...redisConnectionOptions(redisUrl, 'producer'), lazyConnect: true });
    // Without a listener a lost connection would crash the process; requests meanwhile answer 503.
    redis.on('error', () => {});
    return new SessionStore(redis, ring, options);
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  /** Starts a session for a key holder; returns the id to put in the cookie. */
  async create(holder: KeyHolder): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const record: SessionRecord = { keyId: holder.id, createdAt: new Date().toISOString() };
    await this.call((redis) =>
      redis.set(this.redisKey(id), JSON.stringify(record), 'EX', this.options.ttlSeconds),
    );
    return id;
  }

  /** The holder a live session stands for; undefined when it expired, was revoked or its key is gone. */
  async find(id: string): Promise<KeyHolder | undefined> {
    const stored = await this.call((redis) => redis.get(this.redisKey(id)));
    if (stored === null) return undefined;
    let record: Partial<SessionRecord>;
    try {
      record = JSON.parse(stored) as Partial<SessionRecord>;
    } catch {
      return undefined;
    }
    return typeof record.keyId === 'string' ? this.ring.holderById(record.keyId) : undefined;
  }

  /** Signs a session out; an unknown id is nothing to do. */
  async revoke(id: string): Promise<void> {
    await this.call((redis) => redis.del(this.redisKey(id)));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private call<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    return withinDeadline('the session store', this.options.timeoutMs, async () => {
      if (this.redis.status === 'wait') await this.redis.connect();
      return command(this.redis);
    });
  }

  private redisKey(id: string): string {
    const digest = createHash('sha256').update(id, 'utf8').digest('hex');
    return `${this.options.prefix}:session:${digest}`;
  }
}
