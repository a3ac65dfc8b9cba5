import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientError } from '../../src/api/error-handler.js';
import { HttpError } from '../../src/api/http-error.js';
import { describeSchemaErrors } from '../../src/api/validation-message.js';
import { DocumentTooLargeError, InvalidSubmissionError } from '../../src/ingest/index.js';

describe('describeSchemaErrors', () => {
  it('names the field and what is allowed', () => {
    const message = describeSchemaErrors(
      [
        { instancePath: '/kind', keyword: 'enum', params: { allowedValues: ['a', 'b'] } },
        { instancePath: '', keyword: 'required', params: { missingProperty: 'text' } },
        { instancePath: '/source', keyword: 'additionalProperties', params: { additionalProperty: 'id' } },
        {
          instancePath: '/title',
          keyword: 'maxLength',
          params: {},
          message: 'must NOT have more than 1000 characters',
        },
      ],
      'body',
    );
    assert.equal(
      message,
      'body.kind must be one of a, b; body.text is required; body.source.id is not an accepted field; ' +
        'body.title must NOT have more than 1000 characters',
    );
  });
});

describe('clientError', () => {
  it('passes client mistakes through with a code', () => {
    assert.deepEqual(clientError(new InvalidSubmissionError(['kind: bad', 'title: long'])), {
      status: 400,
      body: { error: 'invalid_submission', message: 'kind: bad; title: long' },
    });
    assert.equal(clientError(new DocumentTooLargeError(10, 5))?.status, 413);
    assert.deepEqual(clientError(new HttpError(404, 'not_found', 'no job')), {
      status: 404,
      body: { error: 'not_found', message: 'no job' },
    });
    const fastify415 = Object.assign(new Error('Unsupported Media Type: text/csv'), { statusCode: 415 });
    assert.equal(clientError(fastify415)?.body.error, 'unsupported_media_type');
  });

  it('hides everything else', () => {
    assert.equal(clientError(new Error('ECONNREFUSED 127.0.0.1:6379')), undefined);
    assert.equal(clientError(Object.assign(new Error('boom'), { statusCode: 503 })), undefined);
    assert.equal(clientError('a string'), undefined);
  });
});
