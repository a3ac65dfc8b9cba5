import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Test helpers that reach shared servers or a browser: a test file that imports one of them, directly or
 * through other test helpers, is a service test (one that starts worker processes also reads the test
 * services' configuration).
 */
const SERVICE_HELPERS = ['test-services.js', 'run-services.js', 'browser.js'].map((file) =>
  path.join('support', file),
);

/**
 * Folders of tests that need the machine's cores to themselves: models (training in Python), bench
 * (benchmarks that start servers and workers of their own).
 */
const HEAVY_FOLDERS = ['models', 'bench'];

const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function relativeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(RELATIVE_IMPORT)].map((match) =>
    path.resolve(path.dirname(file), match[1] ?? ''),
  );
}

/** Whether `file` (compiled, under dist/test) reaches a service helper through its relative imports. */
export function usesServices(file: string, testRoot: string, seen = new Set<string>()): boolean {
  const resolved = path.resolve(file);
  if (seen.has(resolved)) return false;
  seen.add(resolved);
  for (const imported of relativeImports(resolved)) {
    const insideTests = path.relative(testRoot, imported);
    if (insideTests.startsWith('..')) continue;
    if (SERVICE_HELPERS.includes(insideTests)) return true;
    if (usesServices(imported, testRoot, seen)) return true;
  }
  return false;
}

function isHeavy(file: string, testRoot: string): boolean {
  const [folder] = path.relative(testRoot, file).split(path.sep);
  return HEAVY_FOLDERS.includes(folder ?? '');
}

/**
 * Unit test files run in parallel; service and heavy ones (`serial`) one at a time, after them, with the
 * run's services up.
 */
export function groupTestFiles(files: string[], testRoot: string): { unit: string[]; serial: string[] } {
  const unit: string[] = [];
  const serial: string[] = [];
  for (const file of files) {
    (usesServices(file, testRoot) || isHeavy(file, testRoot) ? serial : unit).push(file);
  }
  return { unit, serial };
}
