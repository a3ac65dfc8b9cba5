/**
 * bench:chaos with a few documents and one fault of each kind: the benchmark starts its own Redis and
 * Neo4j (it restarts them, so never the run's), and exits 0 only when every check passed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { it } from 'node:test';
import { projectRoot } from '../../src/config/index.js';

const bench = path.join(projectRoot, 'dist', 'bench', 'chaos.js');

it('bench:chaos loses, duplicates and leaves behind nothing through a worker kill, a Neo4j kill and a Redis restart', {
  timeout: 20 * 60_000,
}, async () => {
  const child = spawn(process.execPath, [bench, '--docs', '20', '--workers', '2', '--seed', '3'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  assert.equal(code, 0, out);
  for (const kind of ['kill-worker', 'restart-neo4j', 'restart-redis'])
    assert.match(out, new RegExp(`^\\d+\\s+${kind}\\s+[\\d.]+\\s+\\d+\\s+\\S+\\s+[\\d.]+ `, 'm'), out);
  assert.match(out, /ok {3}every job completed \(lost 0: 20 of 20 completed, 0 failed for good\)/);
  assert.match(out, /ok {3}no duplicated document \(0 duplicated; 20 Document nodes for 20 documents\)/);
  assert.match(
    out,
    /ok {3}graph equals the clean pass's \(20 documents, \d+ events, \d+ entities; 0 differences\)/,
  );
  assert.match(out, /ok {3}no process left behind \(0 of 5 worker groups/);
  assert.match(out, /^clean\s+20\s+0\s+\d+(\s+[\d.]+){4}$/m);
  assert.match(
    out,
    /^median ms per document\s+queued\s+processing\s+load\s+parse\s+extract\s+link\s+assemble\s+graph$/m,
  );
  assert.match(out, /^faults(\s+\d+){8}$/m);
});
