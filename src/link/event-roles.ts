import { type DocumentValueKind, readEventSchemaFile } from '../vocabulary/event-schema.js';

export interface RoleInfo {
  /** The role in words (pledgor org, contract amount, …). */
  key: string;
  /** Entity types that may fill it; empty for values (amounts, dates, ratios). */
  entityTypes: string[];
  /** The document-level role this model role fills (质押方, 甲方, …); absent when records have no such role. */
  documentRole?: string;
}

export interface DocumentRoleInfo {
  /** The role in words, which names the graph relationship of an entity filling it. */
  key: string;
  /** Entity types that may fill it; empty for values. */
  entityTypes: string[];
  /** How a value filling it normalises. */
  value?: DocumentValueKind;
}

export interface EventTypeInfo {
  key: string;
  /** Model roles (FewFC's) by name; empty for types the model is not trained on. */
  roles: Map<string, RoleInfo>;
  /** The document-level type of this type's records (DuEE-fin's name where it has one). */
  documentType: string;
  /** The roles a document-level record of this type may fill, by name, in schema order. */
  documentRoles: Map<string, DocumentRoleInfo>;
}

/** Types and roles of schemas/events.json, the schema training and serving share, by model type name. */
export function loadEventRoles(file?: string): Map<string, EventTypeInfo> {
  const raw = readEventSchemaFile(file);
  return new Map(
    raw.eventTypes.map((t) => [
      t.name,
      {
        key: t.key,
        roles: new Map(
          t.roles.map((r) => [
            r.name,
            {
              key: r.key,
              entityTypes: r.entityTypes ?? [],
              ...(r.documentRole ? { documentRole: r.documentRole } : {}),
            },
          ]),
        ),
        documentType: t.documentType ?? t.name,
        documentRoles: new Map(
          (t.documentRoles ?? []).map((r) => [
            r.name,
            { key: r.key, entityTypes: r.entityTypes ?? [], ...(r.value ? { value: r.value } : {}) },
          ]),
        ),
      },
    ]),
  );
}
