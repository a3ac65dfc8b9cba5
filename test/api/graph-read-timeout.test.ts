import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { asHttpError } from '../../src/api/graph-errors.js';
import { HttpError } from '../../src/api/http-error.js';

describe('a graph read past its deadline', () => {
  it('is a 504 timeout to try again, not a 500', () => {
    // What Neo4j answers when a read outlives the transaction timeout the API gave it.
    const timedOut = new neo4j.Neo4jError(
      'The transaction has not completed within the timeout specified at its start by the client.',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'N/A',
      'N/A',
    );
    const answer = asHttpError(timedOut);
    assert.ok(answer instanceof HttpError, 'a client-facing error');
    assert.equal(answer.statusCode, 504);
    assert.equal(answer.code, 'timeout');
  });
});
