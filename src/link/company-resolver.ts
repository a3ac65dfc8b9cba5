import { classifyMainlandCode } from '../normalize/stock-code.js';
import {
  cleanCompanyName,
  isFullName,
  isLatinName,
  isNotCompanyName,
  isPlaceSubsidiaryOf,
  leadingPlace,
  legalFormCore,
  nameCore,
  withoutGroupWord,
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
  | 'former_name'
  | 'unique_short_name'
  | 'same_core_name'
  | 'truncated_span'
  | 'same_name_without_place'
  | 'new';

export interface Resolution {
  entity: LinkedEntity;
  reason: ResolutionReason;
}

/**
 * A branch's registered name: its company's name, then a place or line of business (宝硕股份氯碱分公司). A short
 * name alone names the company, never one of its branches.
 */
const BRANCH = /(?:分公司|分行|支行|分所|营业部)$/;

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
  /** Each company's names in the forms the partial matches compare (see formsOf). */
  private readonly forms = new WeakMap<LinkedEntity, NameForms>();
  /** Names an admin split off a node: never matched to it again. */
  private readonly refused = new Map<LinkedEntity, Set<string>>();
  /** Short names the document defines for a full name, whether or not that company was read. */
  private readonly defined = new Set<string>();
  /** Names the document uses for a company on their own, short of a full name (中芯宁波). */
  private readonly usedAlone = new Set<string>();
  /** Full names the model read as spans of their own in the document. */
  private readonly readAlone = new Set<string>();
  /** Spans the model started at the 人 of a role noun (呈请人X有限公司): the name follows the 人. */
  private readonly roleNounCuts = new Set<string>();

  /**
   * `stated` are the names the document's text gives companies: a graph node of one of them may be the
   * issuer its header names by short name only (see namedNodeOfIssuer).
   */
  constructor(
    readonly issuer: LinkedEntity | undefined,
    known: readonly KnownCompany[],
    stated: Iterable<string> = [],
  ) {
    // The issuer first: a graph node of the same code then adds its names to the issuer's entity.
    if (issuer) this.add(issuer);
    // Whether the graph has a node under the issuer's own key; if not, the issuer may be a node the
    // graph knows otherwise.
    const issuerKeyKnown = known.some((k) => k.key === issuer?.key);
    const listedIssuer = issuerKeyKnown ? undefined : listedNodeOfShortName(issuer, known);
    const namedIssuer = issuerKeyKnown ? undefined : namedNodeOfIssuer(issuer, known, stated);
    for (const company of known) {
      const { notAliases, ...rest } = company;
      const entity: LinkedEntity = { label: 'Company', ...rest };
      let target = this.byCodes(entity) ?? entity;
      // The graph's node of the issuer's own key (a news item's company known by name alone) is the
      // issuer: two entities of one name would make every mention of it ambiguous.
      if (issuer && entity.key === issuer.key) target = issuer;
      // A news item's company named by its short name only (*ST美丽) is the one listed node of that name.
      if (company === listedIssuer) target = issuer as LinkedEntity;
      // A news item's company named in full before any filing of it (name:X), then its filing, whose
      // header gives a code and the short name only, stating X in its text: one company, which takes the
      // full name, as it would had the filing come first.
      if (issuer && company === namedIssuer) {
        target = issuer;
        issuer.shortNames = [...new Set([...(issuer.shortNames ?? []), issuer.name])];
        issuer.name = company.name;
      }
      // A node of the issuer's full name made before any filing of it gave its code, or, for a filing
      // whose header names its issuer without a code (an independent directors' statement), the
      // listed node of that full name.
      if (
        issuer &&
        !issuerKeyKnown &&
        isFullName(entity.name) &&
        sameName(entity, issuer) &&
        (!entity.code || codesOf(issuer).length === 0)
      )
        target = issuer;
      // The graph knows the issuer by its other code (an A+H company's node met by its H-share filing)
      // or by its full name alone: the issuer is that node.
      if (target === issuer && !issuerKeyKnown) issuer.key = entity.key;
      if (notAliases?.length) this.refused.set(target, new Set(notAliases.map(cleanCompanyName)));
      if (target === entity) this.add(entity);
      else this.merge(target, entity);
    }
  }

  /** A name the document gives some company (a Latin name without its legal form): never a person's. */
  noteCompanyName(name: string): void {
    this.defined.add(name);
  }

  /** Short names the document defines for full company names (X（以下简称“Y”）): a company's, never a person's. */
  get definedNames(): ReadonlySet<string> {
    return this.defined;
  }

  /** Every company this resolver knows: the ones it was given and the ones it created. */
  get known(): readonly LinkedEntity[] {
    return [...this.companies];
  }

  /** Another record of the same company: its names and codes become the target's. */
  private merge(target: LinkedEntity, entity: LinkedEntity): void {
    for (const name of [entity.name, ...(entity.shortNames ?? [])]) this.addName(target, name);
    this.addCodes(target, entity.code, entity.hkCode);
    if (entity.bCode) this.addCodes(target, entity.bCode, undefined);
  }

  /** The known company with one of the entity's codes (its A-share or H-share code). */
  private byCodes(entity: LinkedEntity): LinkedEntity | undefined {
    for (const code of codesOf(entity)) {
      const found = this.byCode.get(code);
      if (found) return found;
    }
    return undefined;
  }

  private add(entity: LinkedEntity): void {
    const existing = this.byCodes(entity);
    const target = existing ?? entity;
    // One code, one node: the issuer from the header and the graph's node of the same code meet.
    if (existing && existing !== entity) {
      this.merge(existing, entity);
      return;
    }
    this.companies.add(target);
    for (const code of codesOf(target)) this.byCode.set(code, target);
    for (const name of [target.name, ...(target.shortNames ?? [])]) this.addName(target, name);
  }

  /**
   * An A+H company's two codes on its one node: the A-share code as `code`, the H-share code as
   * `hkCode` (a node first known by its H-share code keeps its key and gains the A-share code).
   */
  private addCodes(entity: LinkedEntity, aCode: string | undefined, hkCode: string | undefined): void {
    // A B-share code beside an A-share code: the node is known by its A-share code (A+B, like A+H).
    if (aCode && isBShareCode(aCode)) {
      if (!entity.code) entity.code = aCode;
      else if (entity.code !== aCode) entity.bCode ??= aCode;
      aCode = undefined;
    }
    if (entity.code && isBShareCode(entity.code) && aCode && isAShareCode(aCode)) {
      entity.bCode ??= entity.code;
      entity.code = undefined;
    }
    if (aCode && isAShareCode(aCode) && (!entity.code || !isAShareCode(entity.code))) {
      if (entity.code && !isAShareCode(entity.code)) entity.hkCode ??= entity.code;
      entity.code = aCode;
    }
    if (hkCode && !isAShareCode(hkCode) && hkCode !== entity.code) entity.hkCode ??= hkCode;
    for (const code of codesOf(entity)) this.byCode.set(code, entity);
  }

  /**
   * A company a document states with both its A-share and its H-share code ("中芯国际(证券代码:
   * 00981.HK/688981.SH)"): one node carrying both. The company is the one either code already names,
   * else the longest tail of the stated name that resolves, else a node keyed by the A-share code.
   */
  addListingCodes(statedName: string, aCode: string, hkCode: string): LinkedEntity | undefined {
    let entity = this.byCode.get(aCode) ?? this.byCode.get(hkCode);
    const name = cleanCompanyName(statedName);
    // The longest tail a known company answers to: what comes before it is the clause around the name.
    for (let start = 0; start <= name.length - 2 && !entity; start++) {
      entity = this.find(name.slice(start), false)?.entity;
    }
    if (!entity && isFullName(withoutLeadingClause(name))) entity = this.resolve(name)?.entity;
    if (!entity) {
      if (isNotCompanyName(name) || name.length > 12) return undefined;
      entity = { key: aCode, label: 'Company', name, code: aCode, hkCode, shortNames: [name] };
      this.add(entity);
      return entity;
    }
    this.addCodes(entity, aCode, hkCode);
    return entity;
  }

  private addName(entity: LinkedEntity, raw: string): void {
    const name = cleanCompanyName(raw);
    if (!name || isNotCompanyName(name)) return;
    for (const form of new Set([name, withoutListingPrefix(name).core, latinSpelling(name)])) {
      const set = this.byName.get(form) ?? new Set();
      set.add(entity);
      this.byName.set(form, set);
    }
  }

  /** Records an alias a document states ("X有限公司（以下简称“X”）"): the short name is the full name's. */
  addAlias(fullName: string, alias: string): void {
    const short = cleanCompanyName(alias);
    if (isNotCompanyName(short) || SELF_REFERENCES.has(short)) return;
    this.defined.add(short);
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

  /**
   * Records a former name a document states (原名, 曾用名, 更名为): the company of the present name, or
   * the issuer when the document says it of itself, answers to it too (kept among its names). Called
   * before the document's full names are resolved, so the former name never becomes a node of its own.
   */
  addFormerName(presentName: string | undefined, formerName: string): LinkedEntity | undefined {
    const former = withoutLeadingClause(cleanCompanyName(formerName));
    if (!isFullName(former)) return undefined;
    const entity =
      presentName === undefined
        ? this.issuer
        : this.resolve(this.readTail(cleanCompanyName(presentName)))?.entity;
    if (!entity || sameName(entity, { ...entity, name: former }) || this.refused.get(entity)?.has(former))
      return undefined;
    // A former name another known company bears now is that company's, not a second name of this one.
    const holders = [...(this.byName.get(former) ?? [])].filter((e) => e !== entity);
    if (holders.length > 0) return undefined;
    if (!entity.shortNames?.includes(former)) entity.shortNames = [...(entity.shortNames ?? []), former];
    this.addName(entity, former);
    this.reasons.set(former, 'former_name');
    return entity;
  }

  /**
   * Notes the names a document gives companies on their own, so that a span joining one of them to a
   * full name by a conjunction (中芯宁波和芯联集成电路制造股份有限公司) reads as the full name after it.
   */
  noteNamesUsed(names: Iterable<string>): void {
    for (const raw of names) {
      const name = cleanCompanyName(raw);
      if (name.length < 2 || isNotCompanyName(name)) continue;
      if (isFullName(name)) this.readAlone.add(name);
      else this.usedAlone.add(name);
    }
  }

  /** Spans the text shows right after a role noun's stem (呈请 + 人X有限公司): each is the name after its 人. */
  noteRoleNounCuts(spans: Iterable<string>): void {
    for (const raw of spans) this.roleNounCuts.add(cleanCompanyName(raw));
  }

  /**
   * The longest tail of a name a pattern read from the text with no boundary before it (本期处置X有限公司 of
   * "本期处置X有限公司（原名称：Y）") that the model read alone or the resolver knows; the name itself if none.
   */
  private readTail(name: string): string {
    for (let start = 0; start <= name.length - 6; start++) {
      const tail = name.slice(start);
      if (isFullName(tail) && (this.readAlone.has(tail) || this.byName.has(tail))) return tail;
    }
    return name;
  }

  /**
   * A full name with another company's name and a conjunction read before it, or 为 ("is": 成立于…，为X有限公司
   * 全资子公司) when the document names X alone too: the name after them.
   */
  private withoutLeadingName(name: string): string {
    if (this.roleNounCuts.has(name) && isFullName(name.slice(1))) return name.slice(1);
    if (name.startsWith('为')) {
      const rest = name.slice(1);
      if (isFullName(rest) && (this.readAlone.has(rest) || this.byName.has(rest))) return rest;
    }
    for (const m of name.matchAll(/[和与及]/g)) {
      const head = name.slice(0, m.index);
      const rest = name.slice(m.index + 1);
      if (
        head.length >= 2 &&
        (this.usedAlone.has(head) || this.byName.has(head)) &&
        isFullName(rest) &&
        nameCore(rest).length >= 4
      )
        return rest;
    }
    return name;
  }

  resolve(mention: string): Resolution | undefined {
    return this.find(mention, true);
  }

  /** resolve(), but with `create` false a full name nobody knows stays unresolved instead of a new node. */
  private find(mention: string, create: boolean): Resolution | undefined {
    const name = this.withoutLeadingName(withoutLeadingClause(cleanCompanyName(mention)));
    if (this.issuer && SELF_REFERENCES.has(name)) return { entity: this.issuer, reason: 'self_reference' };
    if (isNotCompanyName(name)) return undefined;
    if (/^\d{6}$|^\d{5}$/.test(name)) {
      const byCode = this.byCode.get(name);
      return byCode ? { entity: byCode, reason: 'same_code' } : undefined;
    }
    const shorthand = this.definedNameWithForm(name);
    if (shorthand) return { entity: shorthand, reason: 'alias' };
    const exact =
      this.unique(this.byName.get(name), name) ??
      this.unique(this.byName.get(withoutListingPrefix(name).core), name) ??
      this.unique(this.byName.get(latinSpelling(name)), name);
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
    if (!full || !create) return undefined;
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
   * A short name the document defines for one company's full name, written with a legal form after it
   * (辽宁益康股份有限公司 where the document defines 辽宁益康 for 辽宁益康生物股份有限公司): the writer's shorthand
   * for that company, not another one. Only names of four characters or more the document itself defines,
   * and only under the company's own legal form: 惠威科技有限公司 beside 惠威科技 (广州惠威电声科技股份有限公司)
   * is another registration (an overseas company's Chinese name), not the writer's shorthand.
   */
  private definedNameWithForm(full: string): LinkedEntity | undefined {
    const core = legalFormCore(full);
    if (core === full || core.length < 4 || !this.defined.has(core)) return undefined;
    const form = full.slice(core.length);
    const holders = [...(this.byName.get(core) ?? [])].filter(
      (e) =>
        !this.refused.get(e)?.has(full) &&
        this.formsOf(e).hasFullName &&
        cleanCompanyName(e.name) !== full &&
        this.formsOf(e).full.some((n) => n.name.slice(n.legalFormCore.length) === form),
    );
    return holders.length === 1 ? holders[0] : undefined;
  }

  /**
   * A company's names cleaned, and its full names' cores and places, kept until its name or short names
   * change (both are replaced, never edited in place): the partial matches run over every known company
   * for each mention they see, so a long filing would otherwise clean the same names again and again.
   */
  private formsOf(entity: LinkedEntity): NameForms {
    const kept = this.forms.get(entity);
    if (kept && kept.name === entity.name && kept.shortNames === entity.shortNames) return kept;
    const cleaned = [entity.name, ...(entity.shortNames ?? [])].map(cleanCompanyName);
    const forms: NameForms = {
      name: entity.name,
      shortNames: entity.shortNames,
      hasFullName: isFullName(cleaned[0] ?? ''),
      full: cleaned.filter(isFullName).map((n) => ({
        name: n,
        core: nameCore(n),
        legalFormCore: legalFormCore(n),
        groupless: withoutGroupWord(n),
        place: leadingPlace(n),
      })),
      unmarked: cleaned.map((n) => withoutListingPrefix(n).core),
    };
    this.forms.set(entity, forms);
    return forms;
  }

  /**
   * The one known full name with the same core under another legal form (有限公司 / 股份有限公司 after a
   * change of form, 中国银行 / 中国银行股份有限公司) or with and without (集团) before 股份有限公司, or the one a span cut by a single leading character
   * belongs to (丰速运有限公司 of 顺丰速运有限公司: no place or company name is one character long).
   */
  private fullNameVariant(full: string): Resolution | undefined {
    const core = legalFormCore(full);
    const groupless = withoutGroupWord(full);
    const place = leadingPlace(full);
    const sameCore = new Set<LinkedEntity>();
    const cut = new Set<LinkedEntity>();
    const placed = new Set<LinkedEntity>();
    for (const entity of this.companies) {
      if (this.refused.get(entity)?.has(full)) continue;
      for (const n of this.formsOf(entity).full) {
        if (n.legalFormCore === core || n.groupless === groupless) sameCore.add(entity);
        else if (n.name.length === full.length + 1 && n.name.endsWith(full)) cut.add(entity);
        else if (samePlacedName(n.place, place, core) || samePlacedFirm(n.name, place)) placed.add(entity);
      }
    }
    if (sameCore.size === 1) return { entity: [...sameCore][0] as LinkedEntity, reason: 'same_core_name' };
    if (sameCore.size > 0) return undefined;
    if (cut.size === 1) return { entity: [...cut][0] as LinkedEntity, reason: 'truncated_span' };
    if (cut.size === 0 && placed.size === 1)
      return { entity: [...placed][0] as LinkedEntity, reason: 'same_name_without_place' };
    return undefined;
  }

  /**
   * The one known full name whose core starts or ends with a short mention ("华辰精密制造" → 华辰精密制造股份有限公司).
   * A mention that is also the start of another company's short name (大唐控 of the 大唐控股 a report defines
   * for 大唐电信科技产业控股有限公司, beside 大唐控股(香港)投资有限公司) may be that short name cut at a line end:
   * two companies fit, so it stays a mention.
   */
  private fullNameAround(short: string): LinkedEntity | undefined {
    const core = withoutListingPrefix(short).core;
    if (core.length < MIN_FRAGMENT) return undefined;
    const found = new Set<LinkedEntity>();
    let cutOfOther = false;
    for (const entity of this.companies) {
      if (this.refused.get(entity)?.has(short)) continue;
      const forms = this.formsOf(entity);
      if (forms.full.some((n) => !BRANCH.test(n.name) && shortNameFits(n.core, core))) found.add(entity);
      else if (forms.unmarked.some((s) => s.length > core.length && s.startsWith(core) && !isFullName(s)))
        cutOfOther = true;
    }
    return found.size === 1 && !cutOfOther ? [...found][0] : undefined;
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
      const forms = this.formsOf(entity);
      if (forms.hasFullName || this.refused.get(entity)?.has(full)) continue;
      if (forms.unmarked.some((s) => s.length >= MIN_FRAGMENT && shortNameFits(core, s))) found.add(entity);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }
}

/** What formsOf keeps of a company's names, with the name and short-name list it was made from. */
interface NameForms {
  name: string;
  shortNames: string[] | undefined;
  /** Whether the company's own name is a full name. */
  hasFullName: boolean;
  full: Array<{
    name: string;
    core: string;
    legalFormCore: string;
    /** The name without a (集团) before 股份有限公司 (withoutGroupWord). */
    groupless: string;
    place: { place: string; rest: string } | undefined;
  }>;
  /** Every name without its listing mark. */
  unmarked: string[];
}

/**
 * True when a known full name (its leading place split off as `known`) is the mention's company: the
 * mention is the known name without its place (京新药业有限公司 of 浙江京新药业股份有限公司), or both
 * start with one place written with and without 市/省 (深圳万佳百货 / 深圳市万佳百货). A mention with a
 * place the known name lacks is another company (大连万科房地产开发 is not 万科房地产开发).
 */
function samePlacedName(
  known: { place: string; rest: string } | undefined,
  mention: { place: string; rest: string } | undefined,
  mentionCore: string,
): boolean {
  if (!known) return false;
  if (!mention) return known.rest === mentionCore;
  return known.place === mention.place && known.rest === mention.rest;
}

/**
 * A Latin name's spelling without spaces, dots and case, under which names a text layer split or joined
 * differently meet (SIGN INVESTMENTS LIMITED / SIGNINVESTMENTS LIMITED); a Chinese name has none.
 */
function latinSpelling(name: string): string {
  return isLatinName(name) ? `latin:${name.replace(/[ .]/g, '').toLowerCase()}` : name;
}

/**
 * An audit or law firm written with its city before its name (深圳中天勤会计师事务所) is the firm known
 * without it (中天勤会计师事务所): a firm's branches are named 分所 after the name, never by a leading place.
 */
function samePlacedFirm(known: string, mention: { place: string; rest: string } | undefined): boolean {
  return mention !== undefined && /事务所$/.test(known) && !leadingPlace(known) && mention.rest === known;
}

/** A Shanghai or Shenzhen share code (6 digits) as opposed to a Hong Kong one (5 digits). */
function isAShareCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** A B-share code: Shenzhen 200xxx, Shanghai 900xxx. */
export function isBShareCode(code: string): boolean {
  return classifyMainlandCode(code)?.board === 'b_share';
}

/**
 * The one known company with a code whose name or a short name is the codeless issuer's short name, with
 * or without its listing mark (*ST美丽, ST美丽); none when the issuer has a code or a full name, or two fit.
 */
function listedNodeOfShortName(
  issuer: LinkedEntity | undefined,
  known: readonly KnownCompany[],
): KnownCompany | undefined {
  if (!issuer || codesOf(issuer).length > 0 || isFullName(cleanCompanyName(issuer.name))) return undefined;
  const core = (name: string) => withoutListingPrefix(cleanCompanyName(name)).core;
  const wanted = core(issuer.name);
  if (wanted.length < 2) return undefined;
  const fits = known.filter(
    (k) => (k.code || k.hkCode || k.bCode) && [k.name, ...k.shortNames].some((name) => core(name) === wanted),
  );
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * The one graph node with no code, known by a full name the document states, whose core begins or ends
 * with the short name of an issuer that has a code and whose header gives no full name (远山智能制造股份有限公司
 * for 远山, code 900001): the node a news item made of the issuer before its filing was read. None when
 * the issuer's full name is known, its short name is under three characters, or two nodes fit.
 */
function namedNodeOfIssuer(
  issuer: LinkedEntity | undefined,
  known: readonly KnownCompany[],
  stated: Iterable<string>,
): KnownCompany | undefined {
  if (!issuer || codesOf(issuer).length === 0 || isFullName(cleanCompanyName(issuer.name))) return undefined;
  const short = withoutListingPrefix(cleanCompanyName(issuer.name)).core;
  if (short.length < MIN_FRAGMENT) return undefined;
  const statedNames = new Set([...stated].map(cleanCompanyName));
  const fits = known.filter((k) => {
    const name = cleanCompanyName(k.name);
    return (
      !(k.code || k.hkCode || k.bCode) &&
      isFullName(name) &&
      statedNames.has(name) &&
      !k.notAliases?.some((n) => cleanCompanyName(n) === short) &&
      shortNameFits(nameCore(name), short)
    );
  });
  return fits.length === 1 ? fits[0] : undefined;
}

function sameName(a: LinkedEntity, b: LinkedEntity): boolean {
  return cleanCompanyName(a.name) === cleanCompanyName(b.name);
}

function codesOf(entity: LinkedEntity): string[] {
  return [entity.code, entity.hkCode, entity.bCode].filter((c): c is string => c !== undefined);
}

/**
 * True when a short name can stand for a full name of this core: it starts or ends the core, but not
 * when a place follows it (华润置地 is not 华润置地(北京)股份有限公司) and, for a Latin name, only when it
 * is the whole core (SMIC is not SMIC Japan Corporation); a group's short name (…集团) never stands for a
 * company whose name goes on after it.
 */
function shortNameFits(core: string, short: string): boolean {
  if (isLatinName(short))
    return core.replace(/[ .]/g, '').toLowerCase() === short.replace(/[ .]/g, '').toLowerCase();
  if (isPlaceSubsidiaryOf(core, short)) return false;
  // A group's short name is the group, not a company named after it (顺丰集团 / 顺丰集团衢州运输有限公司).
  if (/集团$/.test(short) && core !== short && core.startsWith(short)) return false;
  return core.startsWith(short) || core.endsWith(short);
}
