import type { Driver } from 'neo4j-driver';
import type { Gazetteer, KnownCompany } from '../link/gazetteer.js';
import { luceneQuery } from './queries/search.js';
import type { Statement } from './queries/statement.js';

/**
 * Companies by code (A-share, Hong Kong, or the H- or B-share code of an A+H or A+B company), full name or short name, each part from an index: the code and name range
 * indexes, and for short names (a list property no range index covers) the entity_names full-text
 * index, its candidates then checked for an exact short name. Runs for every document a worker links.
 */
export function findCompaniesStatement(names: readonly string[], codes: readonly string[]): Statement {
  return {
    text: `CALL () {
         MATCH (c:Company) USING INDEX c:Company(code) WHERE c.code IN $codes RETURN c
         UNION
         MATCH (c:Company) USING INDEX c:Company(hkCode) WHERE c.hkCode IN $codes RETURN c
         UNION
         MATCH (c:Company) USING INDEX c:Company(bCode) WHERE c.bCode IN $codes RETURN c
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

/**
 * Names per lookup query. Lucene refuses a full-text query of more than 1024 clauses (TooManyClauses) and
 * a name can take two (phrase and prefix), so a long filing's names are looked up in batches well below.
 */
export const NAMES_PER_LOOKUP = 200;

/** The graph as the linker's gazetteer: companies known by code, full name or short name. */
export function createCompanyGazetteer(driver: Driver, database: string): Gazetteer {
  return {
    async findCompanies({ names, codes }): Promise<KnownCompany[]> {
      if (names.length === 0 && codes.length === 0) return [];
      const found = new Map<string, KnownCompany>();
      // The codes go with the first batch; an empty name list still makes one query for them.
      for (let start = 0; start === 0 || start < names.length; start += NAMES_PER_LOOKUP) {
        const batch = names.slice(start, start + NAMES_PER_LOOKUP);
        const { text, params } = findCompaniesStatement(batch, start === 0 ? codes : []);
        const { records } = await driver.executeQuery(text, params, { database, routing: 'READ' });
        for (const r of records) {
          const company = knownCompany(r.get('c') as Record<string, unknown>);
          if (!found.has(company.key)) found.set(company.key, company);
        }
      }
      return [...found.values()];
    },
  };
}

function knownCompany(p: Record<string, unknown>): KnownCompany {
  return {
    key: String(p.key),
    name: String(p.name ?? p.key),
    ...(typeof p.code === 'string' ? { code: p.code } : {}),
    ...(typeof p.hkCode === 'string' ? { hkCode: p.hkCode } : {}),
    ...(typeof p.bCode === 'string' ? { bCode: p.bCode } : {}),
    shortNames: Array.isArray(p.shortNames) ? p.shortNames.map(String) : [],
    ...(Array.isArray(p.notAliases) ? { notAliases: p.notAliases.map(String) } : {}),
  };
}
