/**
 * Decides whether an event a document tells is one the graph already holds from another document (an
 * announcement and its follow-up, a news item, a broker note): same type, the same resolved parties,
 * and dates and figures within tolerances. Pure, so each rule is tested on its own; the graph writer
 * reads the candidates and writes the outcome, with the reason kept on the REPORTED_IN relationship.
 */

/** Event dates (day precision) may differ this much: a news item dates a deal by its report, a day or two late. */
export const EVENT_DATE_DAYS = 3;
/** Without an event date on one side, the documents must have been published this close together. */
export const PUBLISHED_DAYS = 30;
/** Amounts, share counts and ratios agree when within this fraction of the larger one (rounding: 9.8亿 vs 98,000万). */
export const FIGURE_TOLERANCE = 0.01;
/**
 * A figure stated to this many significant digits (1.13亿, 1008万股, 1.08%) is rarely met twice by
 * chance, unlike a round one (1000万股, 60万元): with no date on either side, one such figure agreeing
 * and a shared party tell the same event (two news items copying one announcement).
 */
export const DISTINCTIVE_DIGITS = 3;

/** An entity that fills a role: the role's relationship type and the node's key. */
export interface EventParty {
  relationship: string;
  key: string;
}

export interface EventFacts {
  type: string;
  /** yyyy-mm-dd, yyyy-mm or yyyy. */
  date?: string | null;
  /** The upper end when the amount is stated as a range (0.5亿元-1亿元), else the amount. */
  amount?: number | null;
  /** The lower end of an amount stated as a range; absent for a single figure. */
  amountLow?: number | null;
  currency?: string | null;
  shares?: number | null;
  ratio?: number | null;
  /** Publication dates of the documents that tell it (one for an incoming event). */
  published: readonly string[];
  parties: readonly EventParty[];
  /**
   * Keys of the companies the telling documents are about (issuer, or a report's covered company):
   * a broker note's 股东减持 names the holder only, and the company it covers is the one reduced.
   */
  about?: readonly string[];
}

export interface CandidateEvent extends EventFacts {
  id: string;
}

export interface EventMatch {
  id: string;
  /** Why the two are one event, in words kept on the graph (same type 收购; parties …; date …). */
  reason: string;
  /** True when stated figures differ beyond tolerance: kept side by side, per source. */
  conflicting: boolean;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms / DAY_MS;
}

/** 'agree' within `days`, 'differ', or null when either side is missing. A coarse date agrees with the days it covers. */
function compareDates(a: string | null | undefined, b: string | null | undefined, days: number) {
  if (!a || !b) return null;
  const x = dayNumber(a);
  const y = dayNumber(b);
  if (x !== null && y !== null) return Math.abs(x - y) <= days ? 'agree' : 'differ';
  return a.startsWith(b) || b.startsWith(a) ? 'agree' : 'differ';
}

/** 'agree' when some publication dates are close, 'differ' when none are, null when a side has none. */
function comparePublished(a: readonly string[], b: readonly string[]) {
  if (a.length === 0 || b.length === 0) return null;
  const close = a.some((x) =>
    b.some((y) => compareDates(x.slice(0, 10), y.slice(0, 10), PUBLISHED_DAYS) === 'agree'),
  );
  return close ? 'agree' : 'differ';
}

/** Significant digits of a figure (113000000 → 3, 0.0108 → 3, 600000 → 1). */
export function significantDigits(x: number): number {
  const digits = Math.abs(x)
    .toPrecision(12)
    .replace(/e.*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return digits.length;
}

function figureAgrees(a: number | null | undefined, b: number | null | undefined): boolean | null {
  if (a == null || b == null) return null;
  const larger = Math.max(Math.abs(a), Math.abs(b));
  return larger === 0 || Math.abs(a - b) <= FIGURE_TOLERANCE * larger;
}

/**
 * Amounts agree within tolerance; a range (0.5亿元-1亿元) agrees with the same range or with a figure
 * inside it (a plan's bounds and the sum a later item reports). Null when either side states none.
 */
function amountAgrees(a: EventFacts, b: EventFacts): boolean | null {
  if (a.amount == null || b.amount == null) return null;
  if (a.currency && b.currency && a.currency !== b.currency) return false;
  const aRange = a.amountLow != null;
  const bRange = b.amountLow != null;
  if (aRange && bRange) return figureAgrees(a.amount, b.amount) && figureAgrees(a.amountLow, b.amountLow);
  if (!aRange && !bRange) return figureAgrees(a.amount, b.amount);
  const [range, point] = aRange ? [a, b] : [b, a];
  const low = (range.amountLow as number) * (1 - FIGURE_TOLERANCE);
  const high = (range.amount as number) * (1 + FIGURE_TOLERANCE);
  return (point.amount as number) >= low && (point.amount as number) <= high;
}

/** Whether an agreeing amount is distinctive: a figure of DISTINCTIVE_DIGITS digits, or the same range on both sides. */
function amountIsDistinctive(a: EventFacts, b: EventFacts): boolean {
  // A range is two figures stated together; the same two bounds are rarely met twice by chance.
  if (a.amountLow != null && b.amountLow != null) return true;
  if (a.amountLow != null || b.amountLow != null) return false;
  return (
    Math.min(significantDigits(a.amount as number), significantDigits(b.amount as number)) >=
    DISTINCTIVE_DIGITS
  );
}

const SAME_RANGE = 'amount range';

/** Why agreeing figures are distinctive, in words kept on the graph. */
function distinctiveInWords(distinctive: readonly string[]): string {
  const digits = distinctive.filter((d) => d !== SAME_RANGE);
  return [
    ...(digits.length > 0 ? [`${digits.join(', ')} stated to ${DISTINCTIVE_DIGITS} or more digits`] : []),
    ...(distinctive.includes(SAME_RANGE) ? ['the same amount range on both sides'] : []),
  ].join('; ');
}

/**
 * Stated figures that agree within tolerance and those that differ beyond it (an amount in another
 * currency differs), and the agreeing ones both sides state to DISTINCTIVE_DIGITS or more.
 */
function compareFigures(
  a: EventFacts,
  b: EventFacts,
): { agreeing: string[]; conflicting: string[]; distinctive: string[] } {
  const outcome = { agreeing: [] as string[], conflicting: [] as string[], distinctive: [] as string[] };
  const amount = amountAgrees(a, b);
  if (amount === true) outcome.agreeing.push('amount');
  if (amount === false) outcome.conflicting.push('amount');
  if (amount && amountIsDistinctive(a, b))
    outcome.distinctive.push(a.amountLow != null ? SAME_RANGE : 'amount');
  for (const [name, agrees] of [
    ['shares', figureAgrees(a.shares, b.shares)],
    ['ratio', figureAgrees(a.ratio, b.ratio)],
  ] as const) {
    if (agrees === true) outcome.agreeing.push(name);
    if (agrees === false) outcome.conflicting.push(name);
    const x = a[name];
    const y = b[name];
    if (
      agrees &&
      x != null &&
      y != null &&
      Math.min(significantDigits(x), significantDigits(y)) >= DISTINCTIVE_DIGITS
    )
      outcome.distinctive.push(name);
  }
  return outcome;
}

function rolesOf(parties: readonly EventParty[]): Map<string, Set<string>> {
  const roles = new Map<string, Set<string>>();
  for (const p of parties) {
    const keys = roles.get(p.relationship) ?? new Set<string>();
    keys.add(p.key);
    roles.set(p.relationship, keys);
  }
  return roles;
}

/**
 * A party of one side, not shared already, that the other side's document is about (the covered
 * company of a report that tells its holder's reduction without naming the company).
 */
function documentCompanyIsParty(
  incoming: EventFacts,
  candidate: EventFacts,
  shared: readonly string[],
): string | undefined {
  const keysOf = (e: EventFacts) => e.parties.map((p) => p.key).filter((k) => !shared.includes(k));
  return (
    keysOf(candidate).find((k) => incoming.about?.includes(k)) ??
    keysOf(incoming).find((k) => candidate.about?.includes(k))
  );
}

interface Scored {
  match: EventMatch;
  shared: number;
  dateGap: number;
}

function judge(incoming: EventFacts, candidate: CandidateEvent): Scored | null {
  if (incoming.type !== candidate.type) return null;
  const mine = rolesOf(incoming.parties);
  const theirs = rolesOf(candidate.parties);
  // Parties are shared by entity: documents may read one party under two roles (收购方 / 投资方).
  const myKeys = new Set(incoming.parties.map((p) => p.key));
  const theirKeys = new Set(candidate.parties.map((p) => p.key));
  const shared = [...myKeys].filter((k) => theirKeys.has(k)).sort();
  if (shared.length === 0) return null;
  // A role both fill with different entities is a different deal (another target, another pledgee).
  for (const [relationship, keys] of mine) {
    const other = theirs.get(relationship);
    if (other && ![...keys].some((k) => other.has(k))) return null;
  }
  const figures = compareFigures(incoming, candidate);
  const dates = compareDates(incoming.date, candidate.date, EVENT_DATE_DAYS);
  let when: string;
  if (dates === 'differ') return null;
  if (dates === 'agree') when = `event dates within ${EVENT_DATE_DAYS} days`;
  else {
    // Without both event dates, more must agree: two parties or a figure, within a month of publication.
    const published = comparePublished(incoming.published, candidate.published);
    if (published === 'differ') return null;
    const aboutParty = documentCompanyIsParty(incoming, candidate, shared);
    const corroborated = shared.length >= 2 || figures.agreeing.length > 0 || aboutParty !== undefined;
    if (published === 'agree' && corroborated)
      when = `published within ${PUBLISHED_DAYS} days${
        shared.length < 2 && figures.agreeing.length === 0
          ? `; ${aboutParty} is the telling document's company`
          : ''
      }`;
    else if (published === null && shared.length >= 2 && figures.agreeing.length > 0)
      when = 'no dates to compare';
    else if (published === null && figures.distinctive.length > 0)
      when = `no dates to compare; ${distinctiveInWords(figures.distinctive)}`;
    else if (published === null && aboutParty !== undefined && figures.agreeing.length > 0)
      // The telling document's own company as the other side's party is a second shared party.
      when = `no dates to compare; ${aboutParty} is the telling document's company`;
    else return null;
  }
  const exactParties = myKeys.size === theirKeys.size && shared.length === myKeys.size;
  // Figures that disagree are two events unless type, every party and the event date agree: then one
  // event, both values kept.
  if (figures.conflicting.length > 0 && !(exactParties && dates === 'agree')) return null;
  const reason = [
    `same type ${incoming.type}`,
    `${exactParties ? 'same parties' : 'shared parties'} ${shared.join(', ')}`,
    when,
    figures.conflicting.length > 0
      ? `figures differ (${figures.conflicting.join(', ')}), kept per source`
      : figures.agreeing.length > 0
        ? `${figures.agreeing.join(', ')} agree within ${FIGURE_TOLERANCE * 100} %`
        : 'no figures to compare',
  ].join('; ');
  const x = incoming.date ? dayNumber(incoming.date) : null;
  const y = candidate.date ? dayNumber(candidate.date) : null;
  return {
    match: { id: candidate.id, reason, conflicting: figures.conflicting.length > 0 },
    shared: shared.length,
    dateGap: x !== null && y !== null ? Math.abs(x - y) : EVENT_DATE_DAYS + 1,
  };
}

/**
 * Matches each incoming event (by index) to at most one candidate, and each candidate to at most one
 * incoming event: a document's two records are two events, so they never join the same one. Best
 * pairs first: most shared parties, then the closest dates.
 */
export function matchEvents(
  incoming: readonly EventFacts[],
  candidates: readonly (readonly CandidateEvent[])[],
): (EventMatch | null)[] {
  const pairs: { index: number; scored: Scored }[] = [];
  incoming.forEach((event, index) => {
    for (const candidate of candidates[index] ?? []) {
      const scored = judge(event, candidate);
      if (scored) pairs.push({ index, scored });
    }
  });
  pairs.sort(
    (a, b) =>
      b.scored.shared - a.scored.shared ||
      a.scored.dateGap - b.scored.dateGap ||
      a.index - b.index ||
      a.scored.match.id.localeCompare(b.scored.match.id),
  );
  const result: (EventMatch | null)[] = incoming.map(() => null);
  const taken = new Set<string>();
  for (const { index, scored } of pairs) {
    if (result[index] || taken.has(scored.match.id)) continue;
    result[index] = scored.match;
    taken.add(scored.match.id);
  }
  return result;
}
