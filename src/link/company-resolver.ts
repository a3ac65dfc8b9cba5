import {
  cleanCompanyName,
  isFullName,
  isLatinName,
  isNotCompanyName,
  isPlaceSubsidiaryOf,
  legalFormCore,
  nameCore,
  withoutLeadingClause,
  withoutListingPrefix,
} from './company-name.js';
import type { KnownCompany } from './gazetteer.js';
import type { LinkedEntity } from './graph-document.js';

/** Words an announcement uses for its own issuer. */
const SELF_REFERENCES = new Set([
  '公司',
  '本公司',
  '该公司',
  '上市公司',
  '我公司',
  '发行人',
  '本行',
  '本集团',
]);

/**
 * Why a mention was linked to the node it was: kept on the mention so every merge can be explained
 * and undone. `new` is a node of its own (a full name nobody knew yet).
 */
export type ResolutionReason =
  | 'self_reference'
  | 'same_code'
  | 'same_full_name'
  | 'short_name'
  | 'alias'
  | 'unique_short_name'
  | 'same_core_name'
  | 'truncated_span'
  | 'new';

export interface Resolution {
  entity: LinkedEntity;
  reason: ResolutionReason;
}

/** Short names shorter than this are too ambiguous to match inside another name ("中信", "万华"). */
const MIN_FRAGMENT = 3;

/** Company names are compared in one spelling (see cleanCompanyName). */
export function canonicalName(name: string): string {
  return cleanCompanyName(name);
}

/**
 * Maps a company mention to one graph identity. Exact matches first (self-reference, stock code,
 * full name, a stated short name or alias, with or without its ST mark); then a short name that is
 * the start or end of exactly one known full name (or a full name whose core ends or starts with the
 * one short name a nameless node is known by). A full name nobody knows becomes a node keyed by it;
 * a short name nobody knows stays a mention (undefined), as does a span that is no name at all.
 */
export class CompanyResolver {
  private readonly byName = new Map<string, Set<LinkedEntity>>();
  private readonly byCode = new Map<string, LinkedEntity>();
  private readonly reasons = new Map<string, ResolutionReason>();
  private readonly companies = new Set<LinkedEntity>();
  /** Names an admin split off a node: never matched to it again. */
  private readonly refused = new Map<LinkedEntity, Set<string>>();

  constructor(
    readonly issuer: LinkedEntity | undefined,
    known: readonly KnownCompany[],
  ) {
    // The issuer first: a graph node of the same code then adds its names to the issuer's entity.
    if (issuer) this.add(issuer);
    for (const company of known) {
      const { notAliases, ...rest } = company;
      const entity: LinkedEntity = { label: 'Company', ...rest };
      const target = (entity.code && this.byCode.get(entity.code)) || entity;
      if (notAliases?.length) this.refused.set(target, new Set(notAliases.map(cleanCompanyName)));
      this.add(entity);
    }
  }

  /** Every company this resolver knows: the ones it was given and the ones it created. */
  get known(): readonly LinkedEntity[] {
    return [...this.companies];
  }

  private add(entity: LinkedEntity): void {
    const existing = entity.code ? this.byCode.get(entity.code) : undefined;
    const target = existing ?? entity;
    if (existing && existing !== entity) {
      // One code, one node: the issuer from the header and the graph's node of the same code meet.
      for (const name of [entity.name, ...(entity.shortNames ?? [])]) this.addName(target, name);
      return;
    }
    this.companies.add(target);
    if (target.code) this.byCode.set(target.code, target);
    for (const name of [target.name, ...(target.shortNames ?? [])]) this.addName(target, name);
  }

  private addName(entity: LinkedEntity, raw: string): void {
    const name = cleanCompanyName(raw);
    if (!name || isNotCompanyName(name)) return;
    for (const form of new Set([name, withoutListingPrefix(name).core])) {
      const set = this.byName.get(form) ?? new Set();
      set.add(entity);
      this.byName.set(form, set);
    }
  }

  /** Records an alias a document states ("X有限公司（以下简称“X”）"): the short name is the full name's. */
  addAlias(fullName: string, alias: string): void {
    const short = cleanCompanyName(alias);
    if (isNotCompanyName(short) || SELF_REFERENCES.has(short)) return;
    const name = cleanCompanyName(fullName);
    let entity: LinkedEntity | undefined;
    // The longest tail of the stated name that is a known full name: the clause before it is no name.
    for (let start = 0; start <= name.length - 4 && !entity; start++) {
      const tail = name.slice(start);
      if (isFullName(tail)) entity = this.unique(this.byName.get(tail), tail);
    }
    if (!entity) return;
    if (this.refused.get(entity)?.has(short)) return;
    if (!entity.shortNames?.includes(short)) entity.shortNames = [...(entity.shortNames ?? []), short];
    this.addName(entity, short);
    this.reasons.set(short, 'alias');
  }

  resolve(mention: string): Resolution | undefined {
    const name = withoutLeadingClause(cleanCompanyName(mention));
    if (this.issuer && SELF_REFERENCES.has(name)) return { entity: this.issuer, reason: 'self_reference' };
    if (isNotCompanyName(name)) return undefined;
    if (/^\d{6}$|^\d{5}$/.test(name)) {
      const byCode = this.byCode.get(name);
      return byCode ? { entity: byCode, reason: 'same_code' } : undefined;
    }
    const exact =
      this.unique(this.byName.get(name), name) ??
      this.unique(this.byName.get(withoutListingPrefix(name).core), name);
    if (exact) {
      const reason: ResolutionReason =
        this.reasons.get(name) ?? (isFullName(name) ? 'same_full_name' : 'short_name');
      return { entity: exact, reason };
    }
    const full = isFullName(name);
    if (full) {
      const variant = this.fullNameVariant(name);
      if (variant) {
        this.addName(variant.entity, name);
        this.reasons.set(name, variant.reason);
        return variant;
      }
    }
    const fragment = full ? this.shortNameInside(name) : this.fullNameAround(name);
    if (fragment) {
      if (full) {
        // The node was known by a short name only: the full name becomes its name, the short one stays.
        if (!fragment.shortNames?.includes(fragment.name))
          fragment.shortNames = [...(fragment.shortNames ?? []), fragment.name];
        fragment.name = name;
        this.addName(fragment, name);
      }
      this.reasons.set(name, 'unique_short_name');
      return { entity: fragment, reason: 'unique_short_name' };
    }
    if (!full) return undefined;
    const created: LinkedEntity = { key: `name:${name}`, label: 'Company', name };
    this.add(created);
    return { entity: created, reason: 'new' };
  }

  isSelfReference(mention: string): boolean {
    return SELF_REFERENCES.has(cleanCompanyName(mention));
  }

  private unique(set: Set<LinkedEntity> | undefined, name: string): LinkedEntity | undefined {
    if (!set) return undefined;
    const allowed = [...set].filter((e) => !this.refused.get(e)?.has(name));
    return allowed.length === 1 ? allowed[0] : undefined;
  }

  /**
   * The one known full name with the same core under another legal form (有限公司 / 股份有限公司 after a
   * change of form, 中国银行 / 中国银行股份有限公司), or the one a span cut by a single leading character
   * belongs to (丰速运有限公司 of 顺丰速运有限公司: no place or company name is one character long).
   */
  private fullNameVariant(full: string): Resolution | undefined {
    const core = legalFormCore(full);
    const sameCore = new Set<LinkedEntity>();
    const cut = new Set<LinkedEntity>();
    for (const entity of this.companies) {
      if (this.refused.get(entity)?.has(full)) continue;
      for (const n of [entity.name, ...(entity.shortNames ?? [])].map(cleanCompanyName).filter(isFullName)) {
        if (legalFormCore(n) === core) sameCore.add(entity);
        else if (n.length === full.length + 1 && n.endsWith(full)) cut.add(entity);
      }
    }
    if (sameCore.size === 1) return { entity: [...sameCore][0] as LinkedEntity, reason: 'same_core_name' };
    if (sameCore.size === 0 && cut.size === 1)
      return { entity: [...cut][0] as LinkedEntity, reason: 'truncated_span' };
    return undefined;
  }

  /** The one known full name whose core starts or ends with a short mention ("华辰精密制造" → 华辰精密制造股份有限公司). */
  private fullNameAround(short: string): LinkedEntity | undefined {
    const core = withoutListingPrefix(short).core;
    if (core.length < MIN_FRAGMENT) return undefined;
    const found = new Set<LinkedEntity>();
    for (const entity of this.companies) {
      if (this.refused.get(entity)?.has(short)) continue;
      const fullNames = [entity.name, ...(entity.shortNames ?? [])].map(cleanCompanyName).filter(isFullName);
      if (fullNames.some((n) => shortNameFits(nameCore(n), core))) found.add(entity);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  /**
   * The one known node with no full name yet whose short name starts or ends the mention's core
   * (a news item's 启辰半导体, then the filing's 无锡启辰半导体有限公司). Nodes that have a full name
   * keep it: 万科影视有限公司 is not 万科企业股份有限公司 because both start with 万科.
   */
  private shortNameInside(full: string): LinkedEntity | undefined {
    const core = nameCore(full);
    const found = new Set<LinkedEntity>();
    for (const entity of this.companies) {
      if (isFullName(cleanCompanyName(entity.name)) || this.refused.get(entity)?.has(full)) continue;
      const shorts = [entity.name, ...(entity.shortNames ?? [])].map(
        (n) => withoutListingPrefix(cleanCompanyName(n)).core,
      );
      if (shorts.some((s) => s.length >= MIN_FRAGMENT && shortNameFits(core, s))) found.add(entity);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}

/**
 * True when a short name can stand for a full name of this core: it starts or ends the core, but not
 * when a place follows it (华润置地 is not 华润置地(北京)股份有限公司) and, for a Latin name, only when it
 * is the whole core (SMIC is not SMIC Japan Corporation).
 */
function shortNameFits(core: string, short: string): boolean {
  if (isLatinName(short))
    return core.replace(/[ .]/g, '').toLowerCase() === short.replace(/[ .]/g, '').toLowerCase();
  if (isPlaceSubsidiaryOf(core, short)) return false;
  return core.startsWith(short) || core.endsWith(short);
}
