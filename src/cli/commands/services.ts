import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { type ServiceStatus, servicesDown, servicesStatus, servicesUp } from '../../services/index.js';

function describe(status: ServiceStatus): string {
  const health = status.healthy ? 'healthy' : 'DOWN';
  const owner = status.managed
    ? `started by finkg, pid ${status.pid}`
    : status.lostPid !== undefined
      ? 'started by finkg'
      : 'not started by finkg';
  const version = status.version ? ` ${status.version}` : '';
  return `${status.name.padEnd(6)} ${health.padEnd(8)} ${status.url}${version}  (${owner}; ${status.detail})`;
}

export function registerServicesCommand(program: Command): void {
  const services = program
    .command('services')
    .description('Run the local Redis and Neo4j, or use the ones REDIS_URL and NEO4J_URI point at');

  services
    .command('up')
    .description('start Redis and Neo4j unless they already answer')
    .action(async () => {
      const started = Date.now();
      const statuses = await servicesUp(loadConfig());
      for (const status of statuses) console.log(describe(status));
      console.log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    });

  services
    .command('status')
    .description('report whether Redis and Neo4j answer; exits 1 if either does not')
    .action(async () => {
      const statuses = await servicesStatus(loadConfig());
      for (const status of statuses) console.log(describe(status));
      if (statuses.some((s) => !s.healthy)) process.exitCode = 1;
    });

  services
    .command('down')
    .description('stop the background worker and the servers finkg started (external ones are left alone)')
    .action(async () => {
      const stopped = await servicesDown(loadConfig());
      console.log(`worker: ${stopped.worker ? 'stopped' : 'not started by finkg'}`);
      console.log(`redis: ${stopped.redis ? 'stopped' : 'not started by finkg'}`);
      console.log(`neo4j: ${stopped.neo4j ? 'stopped' : 'not started by finkg'}`);
    });
}
