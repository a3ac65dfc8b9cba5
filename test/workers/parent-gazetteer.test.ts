import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { Gazetteer } from '../../src/link/gazetteer.js';
import { isConnectionFault } from '../../src/services/connection-faults.js';
import { answerFindCompanies, parentGazetteer } from '../../workers/parent-gazetteer.js';

/** A child's process channel wired to a parent that answers from `gazetteer`, as the sandbox does. */
function childAskingParent(gazetteer: Gazetteer): { child: Gazetteer; others: unknown[] } {
  const channel = new EventEmitter();
  const others: unknown[] = [];
  const send = (message: unknown, _h: unknown, _o: unknown, done: (e: Error | null) => void) => {
    // The parent's side: answers lookups, leaves BullMQ's own commands to the sandbox.
    setImmediate(() => {
      const handled = answerFindCompanies(message, gazetteer, async (answer) => {
        setImmediate(() => channel.emit('message', answer));
      });
      if (!handled) others.push(message);
      done(null);
    });
    return true;
  };
  Object.assign(channel, { send });
  return { child: parentGazetteer(channel as unknown as NodeJS.Process), others };
}

describe('a processor’s company lookups answered by its worker', () => {
  it('answers each lookup with the worker’s companies, several at once by id', async () => {
    const { child } = childAskingParent({
      findCompanies: async ({ names }) => names.map((n) => ({ key: `name:${n}`, name: n, shortNames: [] })),
    });
    const [a, b] = await Promise.all([
      child.findCompanies({ names: ['甲公司'], codes: [] }),
      child.findCompanies({ names: ['乙公司', '丙公司'], codes: [] }),
    ]);
    assert.deepEqual(
      a.map((c) => c.key),
      ['name:甲公司'],
    );
    assert.deepEqual(
      b.map((c) => c.key),
      ['name:乙公司', 'name:丙公司'],
    );
  });

  it('fails the lookup with the worker’s error and its code, so an unreachable graph is retried', async () => {
    const { child } = childAskingParent({
      findCompanies: async () => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), { code: 'ECONNREFUSED' });
      },
    });
    const error = await child.findCompanies({ names: ['甲公司'], codes: [] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof Error && /ECONNREFUSED/.test(error.message));
    assert.ok(isConnectionFault(error));
  });

  it('leaves other messages to the sandbox', () => {
    const gazetteer: Gazetteer = { findCompanies: async () => [] };
    assert.equal(
      answerFindCompanies({ cmd: 2, value: {} }, gazetteer, async () => undefined),
      false,
    );
  });
});
