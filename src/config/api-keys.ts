/** Roles of API keys; each includes the ones before it (admin ⊇ submit ⊇ read). */
export const API_ROLES = ['read', 'submit', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

/** Shorter keys are refused at start-up: a key is a password that scripts send, so it must resist guessing. */
export const MIN_API_KEY_LENGTH = 24;

export interface ApiKeySpec {
  key: string;
  role: ApiRole;
}

/**
 * Parses `key:role` entries separated by commas or newlines (`#` starts a comment, for key files).
 * Throws a message naming the bad entry by position, never the key itself.
 */
export function parseApiKeyList(raw: string): ApiKeySpec[] {
  const entries = raw
    .split(/[,\n]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
  const seen = new Set<string>();
  return entries.map((entry, i) => {
    const at = entry.lastIndexOf(':');
    const key = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at < 1 || key === '' || /\s/.test(key)) {
      throw `key:role entries (entry ${i + 1} is not of that form)`;
    }
    if (!(API_ROLES as readonly string[]).includes(role)) {
      throw `key:role entries with role ${API_ROLES.join(', ')} (entry ${i + 1} has role "${role}")`;
    }
    if (key.length < MIN_API_KEY_LENGTH) {
      throw `key:role entries with keys of at least ${MIN_API_KEY_LENGTH} characters (entry ${i + 1} has ${key.length})`;
    }
    if (seen.has(key)) throw `key:role entries with distinct keys (entry ${i + 1} repeats a key)`;
    seen.add(key);
    return { key, role: role as ApiRole };
  });
}
