/** Where the model, its files and the event schema live, relative to the repository root. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Precision = 'fp32' | 'int8';

/** Repository root: the nearest folder above this module holding package.json (works from src/ and dist/). */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

export const DEFAULT_MODEL_DIR = 'models/finkg-small';

export function defaultModelDir(): string {
  return join(repoRoot(), DEFAULT_MODEL_DIR);
}

export function defaultEventSchemaPath(): string {
  return join(repoRoot(), 'schemas/events.json');
}

/** Datasets folder: env DATASETS_DIR, else ../shared/data beside the repository. */
export function defaultDatasetsDir(): string {
  return process.env.DATASETS_DIR ? resolve(process.env.DATASETS_DIR) : resolve(repoRoot(), '../shared/data');
}

export function modelFileName(precision: Precision): string {
  return precision === 'fp32' ? 'model.onnx' : 'model.int8.onnx';
}

export function parsePrecision(value: string): Precision {
  if (value !== 'fp32' && value !== 'int8') throw new Error(`precision must be fp32 or int8, got ${value}`);
  return value;
}
