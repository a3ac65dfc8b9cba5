import { type Logger, pino } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config/index.js';

export type { Logger };

/**
 * Logs on stderr; child loggers carry jobId/documentId. Services write JSON lines (for their log files
 * and collectors); commands run by people (LOG_FORMAT=human) write one readable line per entry.
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'logFormat'>, name: string): Logger {
  const options = { name, level: config.logLevel };
  if (config.logFormat === 'json') return pino(options, pino.destination(2));
  const human = pretty({
    destination: 2,
    sync: true,
    colorize: false,
    ignore: 'pid,hostname,name',
    translateTime: 'HH:MM:ss',
    messageFormat: '{name}: {msg}',
  });
  return pino(options, human);
}
