/**
 * One classification of connection faults serves both callers: the API answers 503 only when a server
 * is unreachable, while a job also retries what Neo4j calls transient (a deadlock); everything else is a
 * 500 for the API and a failure without retry for a job.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnrecoverableError } from 'bullmq';
import neo4j from 'neo4j-driver';
import { asHttpError } from '../../src/api/graph-errors.js';
import { UnavailableError } from '../../src/api/unavailable-error.js';
import { asJobFailure } from '../../src/queue/index.js';
import { isConnectionFault, isTransientFault } from '../../src/services/connection-faults.js';

const neo4jError = (code: string, message = code) => new neo4j.Neo4jError(message, code, 'N/A', 'N/A');

const unreachable = neo4jError(neo4j.error.SERVICE_UNAVAILABLE, 'Could not perform discovery');
const sessionExpired = neo4jError(neo4j.error.SESSION_EXPIRED);
const refusedSocket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
const wrappedRefusal = new Error('reading the store failed', { cause: refusedSocket });
const redisClosed = new Error('Connection is closed.');
const deadlock = neo4jError('Neo.TransientError.Transaction.DeadlockDetected');
const timedOut = neo4jError(
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'The transaction has been terminated. Retry your operation in a new transaction.',
);
const tooManyClauses = neo4jError(
  'Neo.ClientError.Procedure.ProcedureCallFailed',
  'TooManyClauses: maxClauseCount is set to 1024',
);

describe('connection faults', () => {
  it('calls an unreachable server a connection fault, wherever it sits in the cause chain', () => {
    for (const error of [unreachable, sessionExpired, refusedSocket, wrappedRefusal, redisClosed]) {
      assert.equal(isConnectionFault(error), true, String(error));
      assert.equal(isTransientFault(error), true, String(error));
    }
    assert.equal(isConnectionFault(new AggregateError([new Error('x'), refusedSocket])), true);
  });

  it('calls a Neo4j transient error and a write past the transaction timeout transient, not a connection fault', () => {
    for (const error of [deadlock, timedOut]) {
      assert.equal(isConnectionFault(error), false, String(error));
      assert.equal(isTransientFault(error), true, String(error));
    }
  });

  it('calls everything else neither', () => {
    for (const error of [tooManyClauses, new TypeError('x is undefined'), 'a string', undefined]) {
      assert.equal(isConnectionFault(error), false, String(error));
      assert.equal(isTransientFault(error), false, String(error));
    }
  });

  it('the API answers 503 for an unreachable Neo4j only; a job retries it and a deadlock too', () => {
    assert.ok(asHttpError(unreachable) instanceof UnavailableError);
    assert.ok(asHttpError(sessionExpired) instanceof UnavailableError);
    assert.equal(asJobFailure(unreachable), unreachable, 'thrown as it is, so BullMQ retries it');

    assert.equal(asHttpError(deadlock), deadlock, 'a deadlock stays a 500');
    assert.equal(asJobFailure(deadlock), deadlock, 'a deadlock is retried');

    assert.equal(asHttpError(tooManyClauses), tooManyClauses);
    assert.ok(asJobFailure(tooManyClauses) instanceof UnrecoverableError);
  });
});
