import type { Driver } from 'neo4j-driver';
import type { Gazetteer, KnownCompany } from '../link/gazetteer.js';
import { holdsLookedUpName, knownCompany, lookedUpNames } from './company-gazetteer.js';

/**
 * The graph's companies held in memory, answering the linker's lookups as `createCompanyGazetteer`'s
 * query does (codes, full names, short names, and names that hold a looked-up name of three characters
 * or more), without a round trip on the document's path. Kept current by re-reading the companies its
 * own worker has just written (`noteWritten`, after each commit; a lookup waits for those re-reads, so it
 * sees what the worker committed before, as the query does) and by re-reading every company every
 * `refreshMs` in the background (what other workers and admin splits changed), which no lookup waits for.
 * A whole read that started before a commit's re-read keeps that re-read's companies over its own.
 */
export class CompanyMirror implements Gazetteer {
  private index = new CompanyIndex([]);
  private ready = false;
  /** The re-reads of this worker's commits, chained, so a later one is applied after an earlier one. */
  private commitReads: Promise<void> = Promise.resolve();
  private wholeRead: Promise<void> | undefined;
  /** Reads are numbered as they start. */
  private reads = 0;
  /** What commit re-reads found since the last whole read (undefined: no longer in the graph), by key. */
  private readonly recent = new Map<string, { company: KnownCompany | undefined; read: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: CompanySource,
    private readonly options: { refreshMs: number; onRefreshError?: (error: unknown) => void },
  ) {}

  /** Every company of the graph, read again (one whole read at a time; a caller joins the one running). */
  load(): Promise<void> {
    this.wholeRead ??= (async () => {
      const started = ++this.reads;
      try {
        const index = new CompanyIndex(await this.source.all());
        for (const [key, r] of this.recent) {
          if (r.read > started) index.replace([key], r.company ? [r.company] : []);
          else this.recent.delete(key);
        }
        this.index = index;
        this.ready = true;
      } finally {
        this.wholeRead = undefined;
      }
    })();
    return this.wholeRead;
  }

  /** Starts the background re-read of every company; `stop` ends it. */
  start(): void {
    if (this.options.refreshMs <= 0 || this.timer) return;
    const tick = () => {
      this.load()
        .catch((error: unknown) => this.options.onRefreshError?.(error))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.refreshMs).unref();
        });
    };
    this.timer = setTimeout(tick, this.options.refreshMs).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Companies a commit of this worker wrote: read again before the next lookup is answered. */
  noteWritten(keys: readonly string[]): void {
    if (keys.length === 0) return;
    const asked = [...new Set(keys)];
    this.commitReads = this.commitReads
      .catch(() => undefined)
      .then(async () => {
        const read = ++this.reads;
        const found = await this.source.byKeys(asked);
        this.index.replace(asked, found);
        const byKey = new Map(found.map((c) => [c.key, c]));
        for (const key of asked) this.recent.set(key, { company: byKey.get(key), read });
      });
    this.commitReads.catch((error: unknown) => this.options.onRefreshError?.(error));
  }

  async findCompanies(query: { names: string[]; codes: string[] }): Promise<KnownCompany[]> {
    if (query.names.length === 0 && query.codes.length === 0) return [];
    // A failed re-read is answered from what was read before; nothing read yet is the lookup's failure.
    await this.commitReads.catch(() => undefined);
    if (!this.ready) await this.load();
    return this.index.find(query.names, query.codes);
  }
}

/** Where the mirror reads companies from: the graph, or a list in tests. */
export interface CompanySource {
  all(): Promise<KnownCompany[]>;
  /** The companies of these keys that exist now. */
  byKeys(keys: readonly string[]): Promise<KnownCompany[]>;
}

const COMPANY_PROJECTION =
  'c { .key, .name, .code, .hkCode, .bCode, .shortNames, .notAliases, .splitPeople }';

export function graphCompanySource(driver: Driver, database: string): CompanySource {
  const read = async (text: string, params: Record<string, unknown>) => {
    const { records } = await driver.executeQuery(text, params, { database, routing: 'READ' });
    return records.map((r) => knownCompany(r.get('c') as Record<string, unknown>));
  };
  return {
    all: () => read(`MATCH (c:Company) RETURN ${COMPANY_PROJECTION} AS c`, {}),
    // The keys inside a map, so one plan serves every list size (see findCompaniesStatement).
    byKeys: (keys) =>
      read(
        `MATCH (c:Company) USING INDEX c:Company(key) WHERE c.key IN $lookup.keys RETURN ${COMPANY_PROJECTION} AS c`,
        { lookup: { keys } },
      ),
  };
}

/**
 * Companies by code, by exact name or short name, and by the three-character pieces of their names, so a
 * looked-up name is checked only against the companies whose names hold its first three characters.
 */
export class CompanyIndex {
  private readonly byKey = new Map<string, KnownCompany>();
  private readonly byCode = new Map<string, Set<string>>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly byPiece = new Map<string, Set<string>>();

  constructor(companies: readonly KnownCompany[]) {
    for (const c of companies) this.add(c);
  }

  /** `keys` replaced by `found`, in place (a key not found is a company no longer in the graph). */
  replace(keys: readonly string[], found: readonly KnownCompany[]): void {
    for (const key of keys) this.remove(key);
    for (const c of found) this.add(c);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** What `findCompaniesStatement` plus `holdsLookedUpName` give for these names and codes, by key. */
  find(names: readonly string[], codes: readonly string[]): KnownCompany[] {
    const keys = new Set<string>();
    const addAll = (set: Set<string> | undefined) => {
      for (const k of set ?? []) keys.add(k);
    };
    for (const code of codes) addAll(this.byCode.get(code));
    for (const name of names) addAll(this.byName.get(name));
    const looked = lookedUpNames(names);
    for (const part of looked.parts)
      for (const key of this.byPiece.get(firstPiece(part)) ?? [])
        if (!keys.has(key) && holdsLookedUpName(this.byKey.get(key) as KnownCompany, looked)) keys.add(key);
    return [...keys].sort().map((k) => this.byKey.get(k) as KnownCompany);
  }

  private add(c: KnownCompany): void {
    this.remove(c.key);
    this.byKey.set(c.key, c);
    this.entries(c, (map, value) => {
      const set = map.get(value) ?? new Set<string>();
      set.add(c.key);
      map.set(value, set);
    });
  }

  private remove(key: string): void {
    const c = this.byKey.get(key);
    if (!c) return;
    this.byKey.delete(key);
    this.entries(c, (map, value) => {
      const set = map.get(value);
      set?.delete(key);
      if (set?.size === 0) map.delete(value);
    });
  }

  /** Each (map, value) the company is filed under. */
  private entries(c: KnownCompany, visit: (map: Map<string, Set<string>>, value: string) => void): void {
    for (const code of [c.code, c.hkCode, c.bCode]) if (code !== undefined) visit(this.byCode, code);
    for (const name of new Set([c.name, ...c.shortNames])) {
      visit(this.byName, name);
      const chars = [...name];
      for (let i = 0; i + 3 <= chars.length; i++) visit(this.byPiece, chars.slice(i, i + 3).join(''));
    }
  }
}

function firstPiece(name: string): string {
  return [...name].slice(0, 3).join('');
}
