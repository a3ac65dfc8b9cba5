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

const LEGAL_SUFFIX = /(股份有限公司|有限责任公司|集团有限公司|有限公司|集团股份有限公司)$/;

/** Company names are compared without spaces, full-width brackets and the like. */
export function canonicalName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Maps a company mention to one graph identity: the issuer for self-references and its short name,
 * a known company by code, full name or short name, else a new company keyed by its full name.
 * Companies with a stock code are keyed by it, so full name, short name and code meet in one node.
 */
export class CompanyResolver {
  private readonly byName = new Map<string, LinkedEntity>();
  private readonly byCode = new Map<string, LinkedEntity>();

  constructor(
    readonly issuer: LinkedEntity | undefined,
    known: readonly KnownCompany[],
  ) {
    for (const company of known) this.add({ label: 'Company', ...company });
    if (issuer) this.add(issuer);
  }

  private add(entity: LinkedEntity): void {
    if (entity.code) this.byCode.set(entity.code, entity);
    for (const name of [entity.name, ...(entity.shortNames ?? [])]) {
      if (name) this.byName.set(canonicalName(name), entity);
    }
  }

  resolve(mention: string): LinkedEntity {
    const name = canonicalName(mention);
    if (this.issuer && SELF_REFERENCES.has(name)) return this.issuer;
    const code = /^\d{5,6}$/.test(name) ? this.byCode.get(name) : undefined;
    const known = code ?? this.byName.get(name);
    if (known) return known;
    // "XX股份" / "XX集团" style short forms of a known full name.
    for (const [candidate, entity] of this.byName) {
      if (candidate.length > name.length && LEGAL_SUFFIX.test(candidate) && candidate.startsWith(name)) {
        return entity;
      }
    }
    const created: LinkedEntity = { key: `name:${name}`, label: 'Company', name };
    this.add(created);
    return created;
  }

  isSelfReference(mention: string): boolean {
    return SELF_REFERENCES.has(canonicalName(mention));
  }
}
