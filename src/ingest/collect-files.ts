import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** What `finkg submit` picks up from folders, with the MIME type the job carries. */
export const SUBMITTABLE_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
};

export function mimeTypeOf(fileName: string): string | undefined {
  return SUBMITTABLE_TYPES[path.extname(fileName).toLowerCase()];
}

/**
 * Expands the arguments into files: files named directly are taken whatever their extension (the
 * worker says if it cannot read them); folders are walked for .pdf, .html, .htm and .txt, sorted so
 * runs are repeatable. Each file appears once. A missing path throws, naming it.
 */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  const add = (file: string) => {
    const resolved = path.resolve(file);
    if (!seen.has(resolved)) {
      seen.add(resolved);
      files.push(file);
    }
  };
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new Error(`${given}: no such file or folder`);
    if (info.isDirectory()) for (const file of await walk(given)) add(file);
    else add(given);
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // A link counts as what it points to (a dangling one as nothing).
    const target = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry;
    if (target?.isDirectory()) files.push(...(await walk(full)));
    else if (target?.isFile() && mimeTypeOf(entry.name)) files.push(full);
  }
  return files;
}
