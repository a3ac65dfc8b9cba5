import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from './error-handler.js';

/** Requests Node refuses before Fastify sees them: status and body in the API's error shape. */
function describe(code: string | undefined): { status: number; body: ErrorBody } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      body: { error: 'headers_too_large', message: 'the request headers are larger than the server accepts' },
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, body: { error: 'timeout', message: 'the request took too long to arrive' } };
  }
  return { status: 400, body: { error: 'bad_request', message: 'the request is not valid HTTP' } };
}

/**
 * Fastify's clientErrorHandler: answers malformed requests (a 64 KB header, broken HTTP) in the same
 * `{error, message}` shape as every other error, then closes the connection as Node would.
 */
export function handleClientError(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, body } = describe(error.code);
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
