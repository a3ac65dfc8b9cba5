import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs on stderr; child loggers carry jobId/documentId. */
export function createLogger(level: string, name: string): Logger {
  return pino({ name, level }, pino.destination(2));
}
