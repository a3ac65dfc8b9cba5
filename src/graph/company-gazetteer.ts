import type { Driver } from 'neo4j-driver';
import type { Gazetteer, KnownCompany } from '../link/gazetteer.js';

/** The graph as the linker's gazetteer: companies known by code, full name or short name. */
export function createCompanyGazetteer(driver: Driver, database: string): Gazetteer {
  return {
    async findCompanies({ names, codes }): Promise<KnownCompany[]> {
      if (names.length === 0 && codes.length === 0) return [];
      const { records } = await driver.executeQuery(
        `MATCH (c:Company)
         WHERE c.code IN $codes OR c.name IN $names OR any(s IN coalesce(c.shortNames, []) WHERE s IN $names)
         RETURN properties(c) AS c LIMIT 1000`,
        { names, codes },
        { database, routing: 'READ' },
      );
      return records.map((r) => {
        const p = r.get('c') as Record<string, unknown>;
        return {
          key: String(p.key),
          name: String(p.name ?? p.key),
          ...(typeof p.code === 'string' ? { code: p.code } : {}),
          shortNames: Array.isArray(p.shortNames) ? p.shortNames.map(String) : [],
        };
      });
    },
  };
}
