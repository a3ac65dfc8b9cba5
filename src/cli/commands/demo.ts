import path from 'node:path';
import type { Command } from 'commander';
import { startServer } from '../../api/server.js';
import { loadConfig, projectRoot } from '../../config/index.js';
import { createNeo4jDriver, type GraphSummary, summarizeGraph } from '../../graph/index.js';
import { createLogger } from '../../log/logger.js';
import { servicesUp, startBackgroundWorker, superviseServices } from '../../services/index.js';
import { submitPaths } from './submit.js';

function printSummary(summary: GraphSummary): void {
  const counts = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  console.log('\nThe graph now holds');
  console.log(`  documents: ${summary.documents} (${summary.ratings} research-report ratings)`);
  console.log(`  nodes:     ${counts(summary.nodes)}`);
  console.log(`  entity mentions by type: ${counts(summary.mentionsByType)}`);
  console.log(`  events by type:          ${counts(summary.eventsByType)}`);
  console.log('\nExample facts, each with the sentence it was read in:');
  for (const fact of summary.examples) {
    const args = fact.arguments.map((a) => `${a.role}=${a.text}`).join('; ');
    console.log(
      `  • ${fact.type} 「${fact.trigger}」${fact.date ? ` ${fact.date}` : ''} (confidence ${fact.confidence.toFixed(2)})`,
    );
    if (args) console.log(`      ${args}`);
    console.log(`      ${fact.document}, p.${fact.page}: ${fact.sentence}`);
  }
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'the main job: start services, the API and a worker, process samples/, print what the graph holds',
    )
    .argument('[paths...]', 'documents or folders to process', [path.join(projectRoot, 'samples')])
    .option('--keep-running', 'keep the API running afterwards (Ctrl-C stops it)')
    .action(async (paths: string[], options: { keepRunning?: boolean }) => {
      // The demo prints its own progress; keep service logs (also of the sandboxed processors, which
      // inherit this environment) to warnings, in readable lines rather than JSON.
      process.env.LOG_LEVEL ??= 'warn';
      process.env.LOG_FORMAT ??= 'human';
      const config = loadConfig();
      console.log('Starting Redis and Neo4j (a first start resolves Neo4j from Maven Central)…');
      for (const status of await servicesUp(config)) {
        console.log(
          `  ${status.name} ${status.version ?? ''} at ${status.url}${status.managed ? ` (data in ${config.dataDir})` : ''}`,
        );
      }
      // In the background, so it goes on taking what is submitted after the demo; services down stops it.
      const worker = await startBackgroundWorker(config);
      const server = await startServer(config);
      console.log(
        `API listening on ${server.url}; a worker is running in the background (pid ${worker.pid}, log ${worker.logFile}).\n`,
      );

      let failures = 0;
      try {
        const outcome = await submitPaths(config, paths, { wait: true });
        failures = outcome.failures;
        console.log(
          `\n${outcome.total - failures} of ${outcome.total} documents processed${failures ? `, ${failures} failed` : ''}`,
        );
        const driver = createNeo4jDriver(config);
        try {
          printSummary(await summarizeGraph(driver, config.neo4jDatabase));
        } finally {
          await driver.close();
        }
        console.log(`
Browse it:  npx finkg serve, then open ${server.url}/ (the dashboard; ${server.url}/admin for the queue)
Query it:
  npx finkg query "MATCH (e:Event)-[r]->(c:Company) RETURN e.type, type(r), c.name LIMIT 20"
  npx finkg query "MATCH (d:ResearchReport)-[r:RATES]->(c:Company) RETURN c.name, r.rating, r.targetPrice"
  npx finkg serve, then: curl ${server.url}/v1/search?q=<name>   (docs/api.md; ${server.url}/docs while it runs)
Submit more:  npx finkg submit <files or folders> --wait      Stop the services: npx finkg services down`);
        console.log(
          `The worker keeps running in the background; npx finkg services down stops it with the services.`,
        );
      } finally {
        if (!options.keepRunning) await server.close();
      }
      if (options.keepRunning) {
        // While the API stays up, a managed Redis or Neo4j that dies is started again.
        const supervisor = superviseServices(config, createLogger(config, 'demo'));
        process.on('SIGINT', () => {
          supervisor.stop();
          void server.close();
        });
        return;
      }
      if (failures > 0) process.exitCode = 1;
    });
}
