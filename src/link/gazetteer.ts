/** A company the graph already knows: what linking matches new mentions against. */
export interface KnownCompany {
  key: string;
  name: string;
  code?: string;
  /** The H-share code of an A+H company (code is then the A-share code). */
  hkCode?: string;
  /** The B-share code of an A+B company (code is then the A-share code). */
  bCode?: string;
  shortNames: string[];
  /** Names an admin split off this company: never linked to it again. */
  notAliases?: string[];
  /**
   * People an admin split off this company's people (`name@document:<id>`): in that document the name
   * is that person, not the company's namesake.
   */
  splitPeople?: string[];
}

/**
 * Read access to what earlier documents taught the graph. Implemented by the graph stage and handed
 * to the linker, so linking improves as documents arrive without the link stage depending on Neo4j.
 */
export interface Gazetteer {
  findCompanies(query: { names: string[]; codes: string[] }): Promise<KnownCompany[]>;
}
