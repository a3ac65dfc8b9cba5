/**
 * `finkg serve`: run the HTTP API, the dashboard and the queue board until SIGTERM/SIGINT, starting again
 * a Redis or Neo4j that finkg started and that died (a read that exhausts Neo4j's heap makes it exit).
 */

import { type Command, InvalidArgumentError } from 'commander';
import { runServer } from '../../api/server.js';
import { loadConfig } from '../../config/index.js';
import { superviseServices } from '../../services/index.js';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('expected a port, 0–65535');
  return port;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API, the dashboard (/) and the queue board (/admin) on HOST:PORT')
    .option('--host <host>', 'listen address (default: HOST)')
    .option('--port <port>', 'listen port (default: PORT)', parsePort)
    .option('--no-neo4j-check', 'leave Neo4j out of /readyz')
    .action(async (options: { host?: string; port?: number; neo4jCheck: boolean }) => {
      const config = loadConfig();
      const server = await runServer(
        { ...config, host: options.host ?? config.host, port: options.port ?? config.port },
        { checkNeo4j: options.neo4jCheck },
      );
      server.app.log.info(
        `finkg listening on ${server.url}: dashboard ${server.url}/, API docs ${server.url}/docs, queues ${server.url}/admin`,
      );
      const supervisor = superviseServices(config, server.app.log);
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => supervisor.stop());
    });
}
