/**
 * schemas/events.json, the event types and roles that training and serving share. This is the one
 * TypeScript reader of the file: the model's label orders (extract/model-config.ts) and the roles that
 * linking and the graph use (link/event-roles.ts) are views of what it returns. Python reads the same
 * file in models/training/schema.py; test/vocabulary/event-schema.test.ts checks that both agree.
 */
import { readFileSync } from 'node:fs';
import { eventSchemaFile } from '../config/index.js';

/** `change`: an officer's change word, labelled as the guideline does (辞任, 任命, 离任, 免职, 调任). */
export type DocumentValueKind = 'money' | 'shares' | 'ratio' | 'date' | 'change';

/** One model role of an event type (FewFC's), as the file writes it. */
export interface EventRoleEntry {
  name: string;
  /** The role in words (pledgor org, contract amount, …). */
  key: string;
  entityTypes?: string[];
  /** The document-level role this model role fills. */
  documentRole?: string;
}

/** One document-level role (DuEE-fin's), as the file writes it. */
export interface DocumentRoleEntry {
  name: string;
  key: string;
  entityTypes?: string[];
  value?: DocumentValueKind;
}

export interface EventTypeEntry {
  name: string;
  key: string;
  /** The datasets the model learnt this type from; empty for types declared for records only. */
  trainedOn?: string[];
  documentType?: string;
  documentRoles?: DocumentRoleEntry[];
  roles: EventRoleEntry[];
}

export interface EventSchemaFile {
  version?: string;
  roleOrder?: unknown;
  entityTypes?: unknown;
  eventTypes: EventTypeEntry[];
}

/** Reads the event schema (by default the project's); throws when it is not JSON or has no eventTypes list. */
export function readEventSchemaFile(file: string = eventSchemaFile()): EventSchemaFile {
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as EventSchemaFile).eventTypes)) {
    throw new Error(`${file} has no eventTypes list`);
  }
  return raw as EventSchemaFile;
}

/** Whether the model predicts a type: one with an empty `trainedOn` is declared for records only. */
export function isModelType(entry: { trainedOn?: unknown }): boolean {
  return !Array.isArray(entry.trainedOn) || entry.trainedOn.length > 0;
}
