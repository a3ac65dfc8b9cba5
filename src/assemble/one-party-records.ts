/**
 * Record types whose record is one party's: an officer's change is one person's, a penalty one punished party's
 * (guideline §2). The model reads such an event in pieces across sentences: the dated line with no name, the
 * name with no measure, the name in a brand's short form in the headline and in full in the body. These pieces
 * are joined here into the record of the party they belong to.
 */

import { cleanCompanyName } from '../link/company-name.js';
import type { RecordMention } from './document-events.js';

/** The role that names a record's one party, by record type. */
export const ONE_PARTY: Readonly<Record<string, string>> = { 高管变动: '高管姓名', 行政处罚: '处罚对象' };

/** Roles a record carries about the document rather than the event: they tell no piece of it. */
const DOCUMENT_ROLES = new Set(['披露时间', '披露日期']);
/** Roles one record fills several times (measures, posts, change words): two readings of them never disagree. */
const MANY_FILLERS = new Set(['处罚内容', '高管职位', '变动类型']);

/** How many sentences away a piece naming nobody may lie from the party's record it completes. */
const PIECE_REACH = 2;

type Cluster = RecordMention[];

export interface OnePartyContext {
  /** The sentence that is a news item's headline, when it has one. */
  headlineSentence?: number;
}

function typeOf(cluster: Cluster): string {
  return cluster[0]?.documentType ?? '';
}

/** The names a cluster gives its party role, cleaned as company names are (a person's name is unchanged). */
function partyNames(cluster: Cluster, role: string): string[] {
  return cluster.flatMap((m) =>
    m.arguments.filter((a) => a.documentRole === role && !a.inferred).map((a) => cleanCompanyName(a.text)),
  );
}

/** Whether the cluster states anything about its event besides the party (a measure, an authority, a date). */
function statesMoreThanParty(cluster: Cluster, role: string): boolean {
  return cluster.some((m) =>
    m.arguments.some(
      (a) => a.documentRole !== undefined && a.documentRole !== role && !DOCUMENT_ROLES.has(a.documentRole),
    ),
  );
}

/** The fillers of each role that can tell two events apart (an authority, a fine, a date, a company). */
function tellingRoles(cluster: Cluster, party: string): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  for (const m of cluster)
    for (const a of m.arguments) {
      const role = a.documentRole;
      if (!role || role === party || DOCUMENT_ROLES.has(role) || MANY_FILLERS.has(role) || a.inferred)
        continue;
      roles.set(role, [...(roles.get(role) ?? []), cleanCompanyName(a.text)]);
    }
  return roles;
}

/** One reading of a role holds the other (浙江监管局 in 中国证券监督管理委员会浙江监管局). */
function overlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((x) => b.some((y) => x.includes(y) || y.includes(x)));
}

/** Two clusters fill a role with readings that cannot be one (上交所 and 深交所, 4.6亿元 and 1.8亿元). */
function disagree(a: Cluster, b: Cluster, party: string): boolean {
  const other = tellingRoles(b, party);
  for (const [role, fillers] of tellingRoles(a, party)) {
    const theirs = other.get(role);
    if (theirs && !overlap(fillers, theirs)) return true;
  }
  return false;
}

/** Two clusters fill some role alike (the same fine, the same authority). */
function agree(a: Cluster, b: Cluster, party: string): boolean {
  const other = tellingRoles(b, party);
  return [...tellingRoles(a, party)].some(([role, fillers]) => overlap(fillers, other.get(role) ?? []));
}

function sentences(cluster: Cluster): number[] {
  return cluster.map((m) => m.mention.sentence);
}

/** Sentences between two clusters' nearest mentions. */
function distance(a: Cluster, b: Cluster): number {
  let best = Number.POSITIVE_INFINITY;
  for (const x of sentences(a)) for (const y of sentences(b)) best = Math.min(best, Math.abs(x - y));
  return best;
}

/** One name the other's longer form: a company and its branch (某公司 and 某公司上海分公司). */
function extends_(longer: string, shorter: string): boolean {
  return shorter.length >= 4 && longer.length > shorter.length && longer.startsWith(shorter);
}

/** A legal name's ending: a name that ends so is a company's full name, which its short form sits inside. */
const LEGAL_FORM = /(?:有限公司|有限责任公司|（有限合伙）|\(有限合伙\))$/;

/** One name the short form of the other, a company's legal name (中诚致信 in 深圳市中诚致信融资担保有限公司). */
function shortFormOf(full: string, short: string): boolean {
  return short.length >= 3 && full.length > short.length && LEGAL_FORM.test(full) && full.includes(short);
}

/**
 * The one record of its type read in full whose party only the headline names, and the one cluster that names a
 * party and nothing else: the headline's brand (H&M被罚) and the body's company (海恩斯莫里斯(上海)商业有限公司).
 */
function headlineBrand(
  clusters: readonly Cluster[],
  role: string,
  headline: number | undefined,
): { home: Cluster; bare: Cluster } | undefined {
  if (headline === undefined) return undefined;
  const named = clusters.filter((c) => partyNames(c, role).length > 0);
  const full = named.filter((c) => statesMoreThanParty(c, role));
  const bare = named.filter((c) => !statesMoreThanParty(c, role));
  const [home] = full;
  if (!home || full.length !== 1 || bare.length !== 1) return undefined;
  const partyInHeadlineOnly = home.every(
    (m) =>
      m.mention.sentence === headline || !m.arguments.some((a) => a.documentRole === role && !a.inferred),
  );
  return partyInHeadlineOnly ? { home, bare: bare[0] as Cluster } : undefined;
}

/**
 * Joins the pieces of one-party records: a cluster that names no party joins the nearest one that does and
 * reads no role otherwise; a cluster naming a party whose name another cluster's extends (the branch beside its
 * company) joins it where both read the same fine or authority and nothing otherwise; and in
 * a document with one such record read in full, a cluster naming only a party joins it when the record's own
 * party was read in the headline alone (the brand there, the company's full name in the body).
 */
export function joinOnePartyClusters(clusters: readonly Cluster[], ctx: OnePartyContext): Cluster[] {
  const out = [...clusters];
  const absorb = (from: Cluster, into: Cluster) => {
    into.push(...from);
    out.splice(out.indexOf(from), 1);
  };
  for (const [type, role] of Object.entries(ONE_PARTY)) {
    const ofType = () => out.filter((c) => typeOf(c) === type);
    // The headline's brand and the body's company.
    const brand = headlineBrand(ofType(), role, ctx.headlineSentence);
    if (brand) absorb(brand.bare, brand.home);
    // A piece naming nobody belongs to the party told nearest to it.
    for (const cluster of ofType()) {
      if (partyNames(cluster, role).length > 0) continue;
      const near = ofType().filter(
        (c) =>
          partyNames(c, role).length > 0 &&
          distance(cluster, c) <= PIECE_REACH &&
          !disagree(cluster, c, role),
      );
      const home = near.sort((a, b) => distance(cluster, a) - distance(cluster, b))[0];
      if (home) absorb(cluster, home);
    }
    // A cluster joins the first other one whose party names relate to its own as `related` says.
    const joinNamed = (related: (a: string, b: string) => boolean, readsAlike: boolean) => {
      for (const cluster of ofType()) {
        if (!out.includes(cluster)) continue;
        const names = partyNames(cluster, role);
        const home = ofType().find(
          (c) =>
            c !== cluster &&
            partyNames(c, role).some((n) => names.some((m) => related(n, m))) &&
            (!readsAlike || agree(cluster, c, role)) &&
            !disagree(cluster, c, role),
        );
        if (home) absorb(cluster, home);
      }
    };
    // The branch and its company: one party named twice, where both read the same fine or authority.
    joinNamed((n, m) => extends_(n, m) || extends_(m, n), true);
    // A company named in full and by its short form: one party, unless the two readings tell two events.
    joinNamed(shortFormOf, false);
  }
  return out;
}

/**
 * The party arguments a one-party record keeps: where the body names the party, not the headline's name for it
 * (the headline shortens: H&M被罚; the body states who was fined), and of a company and its branch named both,
 * the branch (the fuller name).
 */
export function keepOneParty<
  T extends { documentRole?: string; text: string; sentence: number; inferred?: boolean },
>(documentType: string, args: T[], headlineSentence: number | undefined): T[] {
  const role = ONE_PARTY[documentType];
  if (!role) return args;
  const isParty = (a: T) => a.documentRole === role && !a.inferred;
  const inBody = args.some((a) => isParty(a) && a.sentence !== headlineSentence);
  const names = args.filter(isParty).map((a) => cleanCompanyName(a.text));
  return args.filter((a) => {
    if (!isParty(a)) return true;
    if (headlineSentence !== undefined && inBody && a.sentence === headlineSentence) return false;
    const name = cleanCompanyName(a.text);
    return !names.some((n) => extends_(n, name) || shortFormOf(n, name));
  });
}
