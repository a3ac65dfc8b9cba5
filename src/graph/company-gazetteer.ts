import type { Driver } from 'neo4j-driver';
import type { Gazetteer, KnownCompany } from '../link/gazetteer.js';
import { luceneQuery } from './queries/search.js';
import type { Statement } from './queries/statement.js';

/**
 * Companies by code, full name or short name, each part from an index: the code and name range
 * indexes, and for short names (a list property no range index covers) the entity_names full-text
 * index, its candidates then checked for an exact short name. Runs for every document a worker links.
 */
export function findCompaniesStatement(names: readonly string[], codes: readonly string[]): Statement {
  return {
    text: `CALL () {
         MATCH (c:Company) USING INDEX c:Company(code) WHERE c.code IN $codes RETURN c
         UNION
         MATCH (c:Company) USING INDEX c:Company(name) WHERE c.name IN $names RETURN c
         UNION
         CALL db.index.fulltext.queryNodes('entity_names', $shortNameQuery, {limit: 1000}) YIELD node AS c
         // Exact short names, and names a mention starts or ends (the resolver decides which fit).
         WITH c WHERE c:Company AND any(s IN [c.name] + coalesce(c.shortNames, []) WHERE s IN $names OR
           any(n IN $names WHERE size(n) >= 3 AND s CONTAINS n))
         RETURN c
       }
       RETURN properties(c) AS c LIMIT 1000`,
    params: {
      names,
      codes,
      // An impossible query when there are no names; the full-text call needs some query text.
      shortNameQuery: names.length > 0 ? names.map(luceneQuery).join(' OR ') : '"\u0000"',
    },
  };
}

/** The graph as the linker's gazetteer: companies known by code, full name or short name. */
export function createCompanyGazetteer(driver: Driver, database: string): Gazetteer {
  return {
    async findCompanies({ names, codes }): Promise<KnownCompany[]> {
      if (names.length === 0 && codes.length === 0) return [];
      // Lucene refuses a query of more than 1024 clauses: a long report names hundreds of companies.
      const records = [];
      for (let i = 0; i === 0 || i < names.length; i += NAMES_PER_QUERY) {
        const { text, params } = findCompaniesStatement(names.slice(i, i + NAMES_PER_QUERY), codes);
        records.push(...(await driver.executeQuery(text, params, { database, routing: 'READ' })).records);
      }
      const seen = new Set<string>();
      return records.flatMap((r) => {
        const p = r.get('c') as Record<string, unknown>;
        if (seen.has(String(p.key))) return [];
        seen.add(String(p.key));
        return [toKnownCompany(p)];
      });
    },
  };
}

const NAMES_PER_QUERY = 100;

function toKnownCompany(p: Record<string, unknown>): KnownCompany {
  return {
    key: String(p.key),
    name: String(p.name ?? p.key),
    ...(typeof p.code === 'string' ? { code: p.code } : {}),
    shortNames: Array.isArray(p.shortNames) ? p.shortNames.map(String) : [],
    ...(Array.isArray(p.notAliases) ? { notAliases: p.notAliases.map(String) } : {}),
  };
}
