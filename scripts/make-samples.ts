/**
 * Generates the sample documents in samples/ (PDF, text, HTML) plus samples/README.md and
 * samples/expected.json describing the facts each one contains. Deterministic: same input, same bytes.
 * Usage: npm run build && npm run samples [-- <outDir>]
 */
import path from 'node:path';
import { generateSamples } from './samples/generate.js';

const outDir = path.resolve(process.argv[2] ?? 'samples');
const files = await generateSamples(outDir);
for (const f of files) console.log(`${f.file}\t${f.bytes.length} bytes`);
const total = files.reduce((n, f) => n + f.bytes.length, 0);
console.log(`${files.length} files, ${(total / 1024).toFixed(0)} KiB in ${outDir}`);
