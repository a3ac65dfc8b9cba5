import type { Driver } from 'neo4j-driver';
import type { Gazetteer, KnownCompany } from '../link/gazetteer.js';
import { luceneQuery } from './queries/search.js';
import type { Statement } from './queries/statement.js';

/**
 * Companies by code (A-share, Hong Kong, or the H- or B-share code of an A+H or A+B company), full name or short name, each part from an index: the code and name range
 * indexes, and for short names (a list property no range index covers) the entity_names full-text
 * index. The full-text candidates come back marked `candidate`: which of them hold a looked-up name is
 * checked in the linking process (`holdsLookedUpName`), where comparing every candidate's names with every
 * looked-up name costs microseconds, not the seconds it took in the query on a long filing's 200 names.
 * Runs for every document a worker links.
 *
 * The lists travel inside one map parameter: Neo4j plans a list parameter anew for each size bucket
 * (3 names, 12, 150, no code, one, two …), and each such plan cost a document 1–3 s on a loaded server;
 * the size of a list inside a map is unknown to the planner, so one plan serves every document.
 */
export function findCompaniesStatement(names: readonly string[], codes: readonly string[]): Statement {
  return {
    text: `CALL () {
         MATCH (c:Company) USING INDEX c:Company(code) WHERE c.code IN $lookup.codes RETURN c, false AS candidate
         UNION
         MATCH (c:Company) USING INDEX c:Company(hkCode) WHERE c.hkCode IN $lookup.codes RETURN c, false AS candidate
         UNION
         MATCH (c:Company) USING INDEX c:Company(bCode) WHERE c.bCode IN $lookup.codes RETURN c, false AS candidate
         UNION
         MATCH (c:Company) USING INDEX c:Company(name) WHERE c.name IN $lookup.names RETURN c, false AS candidate
         UNION
         CALL db.index.fulltext.queryNodes('entity_names', $lookup.shortNameQuery, {limit: 1000}) YIELD node AS c
         WITH c WHERE c:Company
         RETURN c, true AS candidate
       }
       RETURN properties(c) AS c, candidate`,
    params: {
      lookup: {
        names,
        codes,
        // An impossible query when there are no names; the full-text call needs some query text.
        shortNameQuery: names.length > 0 ? names.map(luceneQuery).join(' OR ') : '"\u0000"',
      },
    },
  };
}

/**
 * Names per lookup query. Lucene refuses a full-text query of more than 1024 clauses (TooManyClauses) and
 * a name can take two (phrase and prefix), so a long filing's names are looked up in batches well below.
 */
export const NAMES_PER_LOOKUP = 200;

/**
 * Runs the lookup once, so a worker's first document does not pay for the server's first plan of it and
 * the connection (seconds on a cold or loaded server: 7 s of a first filing's 7.1 s of linking). A
 * failure is left to the first document's lookup to report.
 */
export async function warmUpCompanyGazetteer(driver: Driver, database: string): Promise<void> {
  const { text, params } = findCompaniesStatement(['预热'], ['000000']);
  await driver.executeQuery(text, params, { database, routing: 'READ' });
}

/** The graph as the linker's gazetteer: companies known by code, full name or short name. */
export function createCompanyGazetteer(driver: Driver, database: string): Gazetteer {
  return {
    async findCompanies({ names, codes }): Promise<KnownCompany[]> {
      if (names.length === 0 && codes.length === 0) return [];
      // The codes go with the first batch; an empty name list still makes one query for them. The
      // batches of a long filing go at once, each on its own connection.
      const batches: string[][] = [];
      for (let start = 0; start === 0 || start < names.length; start += NAMES_PER_LOOKUP)
        batches.push(names.slice(start, start + NAMES_PER_LOOKUP));
      const answers = await Promise.all(
        batches.map(async (batch, i) => {
          const { text, params } = findCompaniesStatement(batch, i === 0 ? codes : []);
          const { records } = await driver.executeQuery(text, params, { database, routing: 'READ' });
          const looked = lookedUpNames(batch);
          return records.flatMap((r) => {
            const company = knownCompany(r.get('c') as Record<string, unknown>);
            return r.get('candidate') !== true || holdsLookedUpName(company, looked) ? [company] : [];
          });
        }),
      );
      const found = new Map<string, KnownCompany>();
      for (const company of answers.flat()) if (!found.has(company.key)) found.set(company.key, company);
      return [...found.values()];
    },
  };
}

/** The names one lookup asked for: exact ones, and those long enough to be looked for inside a name. */
export interface LookedUpNames {
  exact: ReadonlySet<string>;
  parts: readonly string[];
}

export function lookedUpNames(names: readonly string[]): LookedUpNames {
  return { exact: new Set(names), parts: names.filter((n) => [...n].length >= 3) };
}

/**
 * A full-text candidate whose name or a short name is a looked-up name or holds one of three characters or
 * more (a mention's start or end: the resolver decides which fit). The full-text index matches single
 * characters and words, far more than these.
 */
export function holdsLookedUpName(company: KnownCompany, looked: LookedUpNames): boolean {
  return [company.name, ...company.shortNames].some(
    (s) => looked.exact.has(s) || looked.parts.some((n) => s.includes(n)),
  );
}

export function knownCompany(p: Record<string, unknown>): KnownCompany {
  return {
    key: String(p.key),
    name: String(p.name ?? p.key),
    ...(typeof p.code === 'string' ? { code: p.code } : {}),
    ...(typeof p.hkCode === 'string' ? { hkCode: p.hkCode } : {}),
    ...(typeof p.bCode === 'string' ? { bCode: p.bCode } : {}),
    shortNames: Array.isArray(p.shortNames) ? p.shortNames.map(String) : [],
    ...(Array.isArray(p.notAliases) ? { notAliases: p.notAliases.map(String) } : {}),
    ...(Array.isArray(p.splitPeople) ? { splitPeople: p.splitPeople.map(String) } : {}),
  };
}
