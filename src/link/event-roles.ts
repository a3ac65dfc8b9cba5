import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/index.js';

export interface RoleInfo {
  /** The role in words (pledgor org, contract amount, …). */
  key: string;
  /** Entity types that may fill it; empty for values (amounts, dates, ratios). */
  entityTypes: string[];
}

export interface EventTypeInfo {
  key: string;
  roles: Map<string, RoleInfo>;
}

/** Type and role names in words from schemas/events.json, the schema training and serving share. */
export function loadEventRoles(
  file = path.join(projectRoot, 'schemas', 'events.json'),
): Map<string, EventTypeInfo> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    eventTypes?: {
      name: string;
      key: string;
      roles: { name: string; key: string; entityTypes?: string[] }[];
    }[];
  };
  if (!Array.isArray(raw.eventTypes)) throw new Error(`${file} has no eventTypes list`);
  return new Map(
    raw.eventTypes.map((t) => [
      t.name,
      {
        key: t.key,
        roles: new Map(t.roles.map((r) => [r.name, { key: r.key, entityTypes: r.entityTypes ?? [] }])),
      },
    ]),
  );
}
