import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import neo4j from 'neo4j-driver';
import { asJobFailure, isTransientFault, permanentFailure } from '../../src/queue/index.js';
import { freePort } from '../../src/services/index.js';

async function thrownBy(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('sorting job failures', () => {
  it('retries a Neo4j that does not answer', async () => {
    // A port nothing listens on now: a fixed one (1) was once taken by a stray test server.
    const driver = neo4j.driver(
      `bolt://127.0.0.1:${await freePort()}`,
      neo4j.auth.basic('neo4j', 'password'),
      {
        connectionTimeout: 2000,
        maxTransactionRetryTime: 0,
      },
    );
    try {
      const error = await thrownBy(() => driver.executeQuery('RETURN 1'));
      assert.equal(isTransientFault(error), true, String(error));
      assert.equal(asJobFailure(error), error, 'thrown as it is, so BullMQ retries it');
    } finally {
      await driver.close();
    }
  });

  it('retries a Redis that does not answer', async () => {
    const client = new Redis({ port: await freePort(), lazyConnect: true, retryStrategy: () => null });
    const error = await thrownBy(() => client.connect());
    client.disconnect();
    assert.equal(isTransientFault(error), true, String(error));
  });

  it('retries a socket error wrapped by a library', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    assert.equal(isTransientFault(new Error('reading failed', { cause: refused })), true);
  });

  it('fails everything else once, with its message', () => {
    const tooMany = new neo4j.Neo4jError(
      'Failed to invoke procedure `db.index.fulltext.queryNodes`: TooManyClauses: maxClauseCount is set to 1024',
      'Neo.ClientError.Procedure.ProcedureCallFailed',
      'N/A',
      'N/A',
    );
    for (const error of [tooMany, new TypeError('x is undefined'), 'a string']) {
      assert.equal(isTransientFault(error), false);
      const failure = asJobFailure(error);
      assert.ok(failure instanceof UnrecoverableError);
      assert.equal(failure.message, error instanceof Error ? error.message : error);
    }
    const named = permanentFailure('corrupt_pdf', 'the file is cut short');
    assert.equal(asJobFailure(named), named);
    assert.equal(named.message, '[corrupt_pdf] the file is cut short');
  });
});
