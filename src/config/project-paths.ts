/** Where the project's own files are: the one rule for finding the repository root, and what lies in it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `start` holding package.json (so it works from src/ and dist/). */
export function findProjectRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}: not inside the finkg checkout`);
    dir = parent;
  }
}

/** The project root: relative paths in the configuration are resolved against it, not the cwd. */
export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The committed model, relative to the project root (MODEL_DIR's default). */
export const MODEL_DIR_IN_PROJECT = 'models/finkg-small';

/** The committed model folder: the default of every command that takes `--model`. */
export const defaultModelDir = (): string => path.join(projectRoot, MODEL_DIR_IN_PROJECT);

/** The event schema training and serving share. */
export const eventSchemaFile = (): string => path.join(projectRoot, 'schemas', 'events.json');
