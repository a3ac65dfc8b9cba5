import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { groupTestFiles } from '../support/test-groups.js';

const root = mkdtempSync(path.join(tmpdir(), 'finkg-groups-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, source: string): string {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, source);
  return full;
}

it('puts files that reach a service helper, directly or through helpers, and heavy folders in the serial group', () => {
  write('support/test-services.js', 'export const x = 1;\n');
  write('support/browser.js', 'export const b = 1;\n');
  write('api/helper.js', "import { x } from '../support/test-services.js';\nexport const y = x;\n");
  write('api/cycle.js', "import './cycle-b.js';\n");
  write('api/cycle-b.js', "import './cycle.js';\nimport '../../outside.js';\n");
  const files = [
    write('api/direct.test.js', "import { x } from '../support/test-services.js';\n"),
    write('api/through-helper.test.js', "import { y } from './helper.js';\n"),
    write('dashboard/ui.test.js', "const b = await import('../support/browser.js');\n"),
    write('models/training.test.js', "import assert from 'node:assert';\n"),
    write('parse/pure.test.js', "import assert from 'node:assert';\nimport '../../src/parse/index.js';\n"),
    write('api/cycle.test.js', "import './cycle.js';\n"),
  ];
  const { unit, serial } = groupTestFiles(files, root);
  const names = (list: string[]) => list.map((file) => path.relative(root, file)).sort();
  assert.deepEqual(names(serial), [
    'api/direct.test.js',
    'api/through-helper.test.js',
    'dashboard/ui.test.js',
    'models/training.test.js',
  ]);
  assert.deepEqual(names(unit), ['api/cycle.test.js', 'parse/pure.test.js']);
});
