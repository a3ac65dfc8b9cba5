import path from 'node:path';

/** Parses one environment variable; throws a message (not an Error) that says what is expected. */
export type EnvParser<T> = (raw: string) => T;

export const text: EnvParser<string> = (raw) => {
  if (raw.trim() === '') throw 'a non-empty string';
  return raw;
};

export function integer(min: number, max: number): EnvParser<number> {
  return (raw) => {
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
      throw `an integer from ${min} to ${max}`;
    }
    return value;
  };
}

export const boolean: EnvParser<boolean> = (raw) => {
  const value = raw.trim().toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw 'true or false';
};

export function oneOf<const T extends string>(...choices: T[]): EnvParser<T> {
  return (raw) => {
    if (!(choices as string[]).includes(raw)) throw `one of ${choices.join(', ')}`;
    return raw as T;
  };
}

export function url(...protocols: string[]): EnvParser<string> {
  return (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw `a URL (${protocols.map((p) => `${p}//host:port`).join(' or ')})`;
    }
    if (!protocols.includes(parsed.protocol)) {
      throw `a URL with scheme ${protocols.join(' or ')} (got ${parsed.protocol})`;
    }
    return raw;
  };
}

/** Sizes such as 512m, 2g, 64k or a plain byte count. */
export const byteSize: EnvParser<number> = (raw) => {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(raw.trim());
  if (!match) throw 'a size such as 50m, 2g or a byte count';
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Math.round(Number(match[1]) * unit);
};

/** A JVM memory setting passed to Neo4j as is (-Xmx512m, server.memory.pagecache.size=256m). */
export const jvmSize: EnvParser<string> = (raw) => {
  if (!/^\d+[kmg]$/i.test(raw.trim())) throw 'a JVM size such as 512m or 1g';
  return raw.trim();
};

export function directory(base: string): EnvParser<string> {
  return (raw) => path.resolve(base, text(raw));
}
