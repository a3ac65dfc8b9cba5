import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateSamples } from '../../../scripts/samples/generate.js';
import { findCjkFont } from '../../../scripts/samples/render-pdf.js';

const SAMPLES_DIR = fileURLToPath(new URL('../../../../samples/', import.meta.url));

function fontAvailable(): boolean {
  try {
    findCjkFont();
    return true;
  } catch {
    return false;
  }
}

describe('generateSamples', () => {
  it('is deterministic and matches the committed samples', {
    skip: !fontAvailable() && 'no CJK font installed',
  }, async () => {
    const first = await generateSamples();
    const second = await generateSamples();
    assert.deepEqual(
      first.map((f) => f.file),
      second.map((f) => f.file),
    );
    for (const [i, f] of first.entries()) {
      assert.ok(f.bytes.equals(second[i]?.bytes ?? Buffer.alloc(0)), `${f.file} differs between runs`);
    }
    for (const f of first) {
      const committed = await readFile(`${SAMPLES_DIR}${f.file}`);
      assert.ok(
        committed.equals(f.bytes),
        `samples/${f.file} is stale: run npm run build && npm run samples`,
      );
    }
    const total = first.reduce((n, f) => n + f.bytes.length, 0);
    assert.ok(total < 2 * 1024 * 1024, `samples total ${total} bytes`);
  });
});
