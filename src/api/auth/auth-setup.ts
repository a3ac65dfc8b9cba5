import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { type ApiKeySpec, type Config, parseApiKeyList } from '../../config/index.js';
import { ApiKeyRing } from './key-ring.js';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

async function readKeyFile(file: string): Promise<ApiKeySpec[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`API_KEYS_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return parseApiKeyList(text);
  } catch (expected) {
    throw new Error(`API_KEYS_FILE ${file} must hold ${String(expected)}`);
  }
}

/**
 * The keys the API checks: API_KEYS plus API_KEYS_FILE. Without any, the API runs open only on a
 * loopback address (a developer's machine), with a warning; on any other address it refuses to start.
 */
export async function loadKeyRing(config: Config, log: FastifyBaseLogger): Promise<ApiKeyRing | undefined> {
  const specs = [...config.apiKeys, ...(config.apiKeysFile ? await readKeyFile(config.apiKeysFile) : [])];
  const keys = new Set<string>();
  for (const { key } of specs) {
    if (keys.has(key)) throw new Error('API_KEYS and API_KEYS_FILE name the same key twice');
    keys.add(key);
  }
  if (specs.length > 0) return new ApiKeyRing(specs);
  if (!isLoopback(config.host)) {
    throw new Error(
      `no API keys are configured and HOST is ${config.host}; set API_KEYS or API_KEYS_FILE, or bind to 127.0.0.1`,
    );
  }
  log.warn({ host: config.host }, 'no API keys configured: authentication is off (loopback only)');
  return undefined;
}
