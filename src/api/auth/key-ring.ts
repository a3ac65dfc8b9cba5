import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeySpec, ApiRole } from '../../config/index.js';

const RANK: Record<ApiRole, number> = { read: 1, submit: 2, admin: 3 };

/** admin ⊇ submit ⊇ read. */
export function roleAllows(granted: ApiRole, required: ApiRole): boolean {
  return RANK[granted] >= RANK[required];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export interface KeyHolder {
  /** A short digest of the key: safe to log and to count requests by, unlike the key. */
  id: string;
  role: ApiRole;
}

/** The configured keys, kept only as SHA-256 digests. */
export class ApiKeyRing {
  private readonly entries: { digest: Buffer; holder: KeyHolder }[];

  constructor(specs: readonly ApiKeySpec[]) {
    this.entries = specs.map(({ key, role }) => {
      const digest = sha256(key);
      return { digest, holder: { id: digest.toString('hex').slice(0, 12), role } };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** The holder with this id, while its key is still configured (a session names its key by id). */
  holderById(id: string): KeyHolder | undefined {
    return this.entries.find((entry) => entry.holder.id === id)?.holder;
  }

  /**
   * The holder of a presented key, or undefined. Both sides are hashed to equal-length digests and
   * every entry is compared, so timing tells neither the key's length nor which entry nearly matched.
   */
  lookup(presented: string): KeyHolder | undefined {
    const digest = sha256(presented);
    let found: KeyHolder | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest) && !found) found = entry.holder;
    }
    return found;
  }
}
