import type { Driver } from 'neo4j-driver';
import type { Config } from '../../src/config/index.js';
import { createNeo4jDriver, ensureGraphSchema } from '../../src/graph/index.js';
import { removeGraphFixture } from './graph-fixture.js';
import { ensureTestServices } from './test-services.js';

/** The test Neo4j with the product's schema, and a close that removes what was written under `prefix`. */
export async function openTestGraph(
  config: Config,
  prefix: string,
): Promise<{ driver: Driver; close(): Promise<void> }> {
  await ensureTestServices(config);
  const driver = createNeo4jDriver(config);
  await ensureGraphSchema(driver, config.neo4jDatabase);
  return {
    driver,
    close: async () => {
      await removeGraphFixture(driver, config.neo4jDatabase, prefix);
      await driver.close();
    },
  };
}
