import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { eventSchemaFile, projectRoot } from '../../src/config/index.js';
import { loadEventSchema } from '../../src/extract/model-config.js';
import { loadEventRoles } from '../../src/link/index.js';
import { readEventSchemaFile } from '../../src/vocabulary/event-schema.js';

const python = path.join(projectRoot, '.venv', 'bin', 'python');

/** What models/training/schema.py makes of the schema: the label orders the model is trained with. */
function pythonSchema(): {
  event_types: string[];
  event_keys: string[];
  roles: string[];
  entity_types: string[];
  valid_roles: string[][];
} {
  const script = [
    'import dataclasses, json, sys',
    "sys.path.insert(0, 'models/training')",
    'from schema import Schema',
    'print(json.dumps(dataclasses.asdict(Schema.load(sys.argv[1])), ensure_ascii=False))',
  ].join('\n');
  const out = execFileSync(python, ['-c', script, eventSchemaFile()], { cwd: projectRoot, encoding: 'utf8' });
  return JSON.parse(out);
}

describe('the event schema as TypeScript and Python read it', () => {
  it('declares for every type whether the model learnt it (the two readers take a missing trainedOn differently)', () => {
    for (const entry of readEventSchemaFile().eventTypes) {
      assert.ok(Array.isArray(entry.trainedOn), `${entry.name} has no trainedOn list`);
    }
  });

  it('gives serving the label orders training used', {
    skip: !existsSync(python) && 'no .venv/bin/python',
  }, async () => {
    const py = pythonSchema();
    const ts = await loadEventSchema(eventSchemaFile());
    assert.deepEqual(ts.eventTypes, py.event_types);
    assert.deepEqual(ts.roles, py.roles);
    assert.deepEqual(ts.entityTypes, py.entity_types);
    assert.deepEqual(
      ts.eventTypes.map((type) => ts.rolesByType[type]),
      py.valid_roles,
    );
    const roles = loadEventRoles();
    assert.deepEqual(
      py.event_types.map((name) => roles.get(name)?.key),
      py.event_keys,
    );
  });
});
