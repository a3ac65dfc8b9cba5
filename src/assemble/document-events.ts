/**
 * Document-level event records: one per real-world event a document tells. Sentence mentions are typed
 * by their wording, their roles mapped onto the record's roles, running totals set apart, mentions of
 * one event merged, and the roles a document states elsewhere (its issuer, its date) filled in.
 */

import { cleanCompanyName } from '../link/company-name.js';
import type {
  EventArgumentRow,
  EventTypeInfo,
  LinkedEntity,
  LinkedEvent,
  SentenceEvent,
} from '../link/index.js';
import { documentValue } from '../normalize/index.js';
import type { DocumentKind } from '../vocabulary/document-kinds.js';
import { tidyAcquisitionRoles } from './acquisition-roles.js';
import { tidyBidRoles } from './bid-roles.js';
import { isAdjustedFigure, isCumulativeFigure, ratioBase, restatesBodyTotal } from './figures.js';
import { type SentenceOf, tidyFinancingParties, withCurrencyWord } from './financing-parties.js';
import { followingFigures } from './following-roles.js';
import { oneSidePerParty } from './lawsuit-sides.js';
import { keepOneLossPeriod } from './loss-period.js';
import { withoutNestedReadings } from './nested-fillers.js';
import { keepOwnPostAndChange } from './officer-posts.js';
import { joinOnePartyClusters, keepOneParty, ONE_PARTY } from './one-party-records.js';
import { carriedAuthority, oneReadingPerMeasure } from './penalty-roles.js';
import { datedByYearAlone, recalledHistory } from './recalled-history.js';
import { pledgedAndReleased, retype } from './retype.js';
import { HOLDS_POST, OFFICER_CHANGE_WORD } from './rule-officers.js';
import { DAY_OF_MONTH } from './rule-values.js';
import { namedAsSeller, sentenceAuthority } from './sentence-roles.js';
import { tidyTransferParties } from './transfer-parties.js';
import { hasRecordWording, isRepresentative, namedAsSubsidiary, notOfType } from './type-wording.js';

export interface AssembleContext {
  documentId: string;
  kind: DocumentKind;
  publishedAt?: string;
  issuer?: LinkedEntity;
  /** The announcement's title. */
  title?: string;
  /** The day a news item gives for the company's notice (1月6日晚间公告): the disclosure date when no full date is known. */
  noticeDate?: string;
  eventTypes: ReadonlyMap<string, EventTypeInfo>;
  /** Where each sentence starts in the document text, by sentence index. */
  sentenceStarts: readonly number[];
  /** Each sentence's text as the document writes it, by sentence index. */
  sentences?: readonly string[];
  /** The year the document was written (recalled-history.ts): deals dated years before it are background. */
  documentYear?: number;
  /** The sentence that is a news item's headline, when it has one. */
  headlineSentence?: number;
}

/** A sentence mention typed and mapped onto its record's roles. */
export interface RecordMention extends SentenceEvent {
  documentType: string;
  /** The record role the issuer fills when the text only says 公司. */
  issuerRole?: string;
  /** Read by a rule from the document's fixed wording or its contract fields, not by the model. */
  fixedWording?: true;
}

/**
 * Words that date an event by the announcement itself: today. 近日, 日前, 本月 state no day, and the guideline
 * leaves an event date out where the document states none (§3).
 */
const DATED_BY_ANNOUNCEMENT = /今日|当日|于今天/;
/** Words an announcement uses for its issuer when it is the actor. */
const SELF_REFERENCE = /(^|[，,。；\s])(本?公司|上市公司|本行|本集团)/;
/**
 * The record role the issuer takes in its own announcement, per record type, when the text says 公司
 * (the roles that are always the issuer's are ABOUT_ISSUER's).
 */
const ISSUER_ROLE: Readonly<Record<string, string>> = {
  企业收购: '收购方',
  中标: '中标公司',
  签署合同: '乙方',
  担保: '担保方',
  投资: '投资方',
};
/** Record types whose two parties the wording often swaps: the issuer is the contractor or the winner. */
const ISSUER_SIDE: Readonly<Record<string, [issuerSide: string, otherSide: string]>> = {
  签署合同: ['乙方', '甲方'],
  中标: ['中标公司', '招标方'],
};
const DISCLOSURE_ROLES = ['披露时间', '披露日期'];
/** Words after a date that make it the day of a disclosure (8月5日晚间公告, 5月15日公开信息显示). */
const DISCLOSURE_AFTER = /^(晚间|早间|晚)?(公告|发布公告|披露|发布|公开信息显示)/;
/**
 * A date whose clause tells that a plan was put forward or a holder's letter received (2021年8月13日，某某提出减持计划;
 * 于1月21日收到…告知函): the day of a notice, not the day a trade was done (截至…，减持计划实施完毕 is that day).
 */
const NOTICE_CLAUSE =
  /^[^，,。；;]{0,30}?(?:提出|收到|接到|告知函|计划(?!已?(?:实施)?(?:完毕|完成|届满|到期)))/;
/** Words after a date that make it an outlet's dateline (1月19日讯): the item's date, no date of the event. */
const OUTLET_DATELINE_AFTER = /^(讯|电|消息)/;
/**
 * A news sentence dating a company's own disclosure: "8月2日，某某股份公告称…", "1月21日丨某某基金发布公告",
 * "某某8月4日下午公告". The date is the disclosure's; a dateline alone (8月2日讯) dates no disclosure.
 */
const DISCLOSED_ON = new RegExp(
  `(?<date>${DAY_OF_MONTH.source})(?:晚间|早间|晚|下午|上午|盘后)?[，,丨|\\s]?(?:[^，。；,（(]|[（(][^）)]{0,30}[）)]){0,30}?(?:发布|披露)?(?:了)?(?:公告|宣布|公布|公开信息显示)`,
  'du',
);
/**
 * The role the issuer fills in every record of these types, whatever the sentence says: the pledged
 * shares, the shares bought or sold, the shares bought back are the issuer's (or the news item's company's).
 */
const ABOUT_ISSUER: Readonly<Record<string, string>> = {
  质押: '质押物所属公司',
  解除质押: '质押物所属公司',
  股东增持: '股票简称',
  股东减持: '股票简称',
  股份回购: '回购方',
  高管变动: '任职公司',
};
/**
 * Lawsuits, rulings, penalties and summonses narrate acts years older than the decision they report: an old
 * year in their sentence is no sign of background.
 */
const ACTS_JUDGED_LATER = new Set(['起诉', '判决', '行政处罚', '被约谈']);
/** Roles that name a company by its 证券简称. */
const SHORT_NAME_ROLES = new Set(['股票简称']);
/**
 * Record types an announcement tells once: its deal, its buy-back, its financing. Every mention of such a
 * type in one announcement is that one record, even where the model read a party differently; types
 * that come several to a document (pledges of several holders, contracts, guarantees, executives) do not.
 */
/** Types whose rule reading gives one record per contract already (contract-fields.ts): never merged. */
const SEPARATE_FIXED_RECORDS = new Set(['签署合同', '中标']);
const ONE_PER_ANNOUNCEMENT = new Set(['企业收购', '股份回购', '企业融资', '公司上市', '亏损', '企业破产']);
/**
 * What the model's record of these types must state besides the listed company's side: a contract the
 * company "enters into" with nobody, on no terms, is a policy sentence (关联交易按商业原则订立), not a signing.
 */
const TERMS_NEEDED: Readonly<Record<string, readonly string[]>> = {
  签署合同: ['甲方', '合同名称', '项目名称', '合同金额'],
};
/**
 * What any record of these types outside an announcement must state to be an event of its own, not a mention in
 * passing: news recalls a holder's pledges as background to a price fall, a default or a write-down (股份质押比例
 * 较高), naming neither the shares pledged nor the pledgee, which any report of a pledge itself states.
 */
const OWN_TERMS_OUTSIDE_ANNOUNCEMENTS: Readonly<Record<string, readonly string[]>> = {
  质押: ['质押股票/股份数量', '质权方'],
};
/**
 * Roles that outside an announcement the story's own company (its issuer) must fill in a record the model alone
 * read: news name investors in passing (a fund manager's buys, a company's past backers, a partner's stake), and
 * an investment the story reports is its company's own; rules read others where a subsidiary is named as such.
 */
const ISSUER_ACTS_OUTSIDE_ANNOUNCEMENTS: Readonly<Record<string, string>> = {
  投资: '投资方',
};
/**
 * Roles that alone tell no event outside an announcement: a news item or a report names a listed company beside a
 * trade word (某股份遭减持), a company whose stake is talked of, a court or a guarantor, and the model reads a
 * record with that one role. A record of the model's needs one more role read in the text than one of these.
 */
const NOT_ALONE: Readonly<Record<string, ReadonlySet<string>>> = {
  股东减持: new Set(['股票简称']),
  股东增持: new Set(['股票简称']),
  股份股权转让: new Set(['标的公司']),
  担保: new Set(['担保方']),
  判决: new Set(['法院']),
  企业收购: new Set(['收购方', '被收购方']),
  投资: new Set(['被投资方']),
};

const PLEDGE_RATIO: Readonly<Record<string, string>> = {
  holding: '质押物占持股比',
  capital: '质押物占总股比',
};
const HOLDING_RATIO: Readonly<Record<string, Record<string, string>>> = {
  股东减持: { holding: '减持部分占所持比例', capital: '减持部分占总股本比例' },
  股东增持: { holding: '增持部分占所持比例', capital: '增持部分占总股本比例' },
  质押: PLEDGE_RATIO,
  解除质押: PLEDGE_RATIO,
};

/**
 * Deals, financings and trades: outside an announcement, one dated by a year alone is the company's
 * past that a report or a story retells (公司2020年收购某某，布局…), not the news it reports.
 */
const RETOLD_BY_YEAR = new Set(['企业收购', '投资', '股份股权转让', '企业融资', '股东增持', '股东减持']);

/** Bracketed asides (（原名某某）, （2017年12月卸任财务总监）) taken out of a sentence. */
function withoutAsides(sentence: string): string {
  return sentence.replace(/[（(][^（()）]*[)）]/g, '');
}

/** A mention of history the document recalls (guideline §2: background), not of its own news. */
function isBackground(
  documentType: string,
  sentence: string,
  triggerAt: number,
  ctx: AssembleContext,
): boolean {
  if (ACTS_JUDGED_LATER.has(documentType)) return false;
  if (recalledHistory(sentence, triggerAt, ctx.documentYear)) return true;
  return (
    ctx.kind !== 'announcement' &&
    RETOLD_BY_YEAR.has(documentType) &&
    datedByYearAlone(sentence, triggerAt, ctx.documentYear)
  );
}

/**
 * Types one sentence mention and maps its arguments onto the record's roles. Figures that are running
 * totals or holdings after the event are dropped: they are not this event's own.
 */
export function toRecordMention(event: SentenceEvent, ctx: AssembleContext): RecordMention | undefined {
  const sentenceStart = ctx.sentenceStarts[event.mention.sentence] ?? 0;
  const changed = retype(event, sentenceStart, {
    kind: ctx.kind,
    ...(ctx.title ? { title: ctx.title } : {}),
  });
  const type = changed?.type ?? event.type;
  const info = ctx.eventTypes.get(type);
  if (!info) return undefined;
  // A change told only in brackets (孙某（2017年12月卸任财务总监）) says who someone is, not what happened.
  if (info.documentType === '高管变动' && !OFFICER_CHANGE_WORD.test(withoutAsides(event.sentenceText)))
    return undefined;
  const triggerAt = event.mention.start - sentenceStart;
  if (notOfType(info.documentType, event.sentenceText, triggerAt, ctx.kind)) return undefined;
  if (isBackground(info.documentType, event.sentenceText, triggerAt, ctx)) return undefined;
  const lawsuit = info.documentType === '起诉' || info.documentType === '判决';
  const modelInfo = ctx.eventTypes.get(event.type);
  const args: EventArgumentRow[] = [];
  for (const a of event.arguments) {
    let role = changed ? changed.roles[a.role] : modelInfo?.roles.get(a.role)?.documentRole;
    const kind = role ? info.documentRoles.get(role)?.value : undefined;
    const at = a.start - sentenceStart;
    if (kind && kind !== 'date' && kind !== 'change' && isCumulativeFigure(event.sentenceText, at)) continue;
    if (kind === 'shares' && headlineTotal(event, at, ctx)) return undefined;
    if (lawsuit && isRepresentative(event.sentenceText, at)) continue;
    if (role === '被收购方' && namedAsSeller(event.sentenceText, at + a.text.length)) continue;
    if (role && kind === 'date') {
      const after = event.sentenceText.slice(at + a.text.length);
      if (OUTLET_DATELINE_AFTER.test(after)) continue;
      if (role === '交易完成时间' && NOTICE_CLAUSE.test(after.replace(/^[，,]/, ''))) continue;
      // A date read with the 晚 of 晚间 (7月30日晚|间公告) is the notice's, which the document's notice date gives whole.
      if (/[晚早]$/.test(a.text) && DISCLOSURE_AFTER.test(after.replace(/^间/, ''))) continue;
      if (DISCLOSURE_AFTER.test(after))
        role = DISCLOSURE_ROLES.find((r) => info.documentRoles.has(r)) ?? role;
    }
    if (role && kind === 'ratio') {
      const base = ratioBase(event.sentenceText, at, at + a.text.length);
      const byBase = HOLDING_RATIO[info.documentType];
      if (base && byBase?.[base]) role = byBase[base];
    }
    args.push({ ...a, ...(role ? { documentRole: role } : {}) });
  }
  const sides = ISSUER_SIDE[info.documentType];
  if (sides) subsidiaryToIssuerSide(args, sides, event.sentenceText, sentenceStart, info);
  return {
    ...event,
    type,
    typeKey: info.key,
    documentType: info.documentType,
    arguments: args,
    ...(changed?.issuerRole ? { issuerRole: changed.issuerRole } : {}),
  };
}

/** Whether the share count at `at` of a headline mention is the body's running total (the headline tells no event). */
function headlineTotal(event: SentenceEvent, at: number, ctx: AssembleContext): boolean {
  const headline = ctx.headlineSentence;
  if (headline === undefined || event.mention.sentence !== headline || !ctx.sentences) return false;
  return restatesBodyTotal(
    event.sentenceText,
    at,
    ctx.sentences.filter((_, i) => i !== headline),
  );
}

/**
 * A pledge mention with the release it tells too (此次质押及解除质押435万股): the same parties and figures,
 * typed 解除质押.
 */
function withRelease(mention: RecordMention, ctx: AssembleContext): RecordMention[] {
  if (mention.documentType !== '质押' || !pledgedAndReleased(mention)) return [mention];
  const entry = [...ctx.eventTypes].find(([, info]) => info.documentType === '解除质押');
  if (!entry) return [mention];
  const [type, info] = entry;
  const release: RecordMention = {
    ...mention,
    type,
    typeKey: info.key,
    documentType: info.documentType,
    arguments: mention.arguments
      .filter((a) => !a.documentRole || info.documentRoles.has(a.documentRole))
      .map((a) => ({
        ...a,
        ...(a.documentRole ? { roleKey: info.documentRoles.get(a.documentRole)?.key ?? a.roleKey } : {}),
      })),
  };
  return [mention, release];
}

/** Words that point back at the deal the document already told: 本轮融资, 此次收购, 该笔交易. */
const TOLD_BEFORE =
  /(?:本轮|此轮|该轮|这轮|本次|此次|这次|该笔|该次)(?:融资|收购|并购|交易|增持|减持|投资|增资|转让)/;

/**
 * Merges the record mentions of a document into records. An announcement tells one event in its title
 * and again across body sentences and table rows: mentions of one record type merge unless they name
 * different parties in the same role. News mentions merge only when they share a party, since a news
 * item often reports several unrelated deals of one type.
 */
export function mergeRecordMentions(mentions: readonly RecordMention[], ctx: AssembleContext): LinkedEvent[] {
  const clusters: RecordMention[][] = [];
  // In reading order, so that "told just before" holds for what the rules and the model read alike.
  const inOrder = mentions
    .flatMap(onePartyEach)
    .flatMap((m) => withRelease(m, ctx))
    .sort((a, b) => a.mention.sentence - b.mention.sentence || a.mention.start - b.mention.start);
  for (const mention of inOrder) {
    const single = ctx.kind === 'announcement' && ONE_PER_ANNOUNCEMENT.has(mention.documentType);
    // A mention that names no party adds figures to the record of its type told just before it.
    const partyless = partiesOf([mention], ctx.eventTypes).size === 0;
    const sameType = clusters.filter((cluster) => cluster[0]?.documentType === mention.documentType);
    // 本轮融资由某某领投, 此次收购…: the sentence points back at the deal already told.
    const toldBefore = sameType.length > 0 && TOLD_BEFORE.test(mention.sentenceText);
    const home =
      single || toldBefore || (partyless && sameType.length > 0)
        ? sameType.at(-1)
        : sameType.find((cluster) => compatible(cluster, mention, ctx));
    if (home) home.push(mention);
    else clusters.push([mention]);
  }
  return (
    joinOnePartyClusters(joinSides(joinBareStockClusters(clusters, ctx), ctx), ctx)
      .map((cluster) => ({
        record: toRecord(
          cluster,
          ctx,
          ctx.kind === 'announcement' && ONE_PER_ANNOUNCEMENT.has(cluster[0]?.documentType ?? ''),
        ),
        // Rule records read fixed wording, where a loss figure alone still is a fact; the model's sentence
        // fragments need a party: figures or words such as "股份" with nobody to hold them are none.
        partyNeeded: !cluster.some((m) => m.fixedWording),
        worded: cluster.some((m) => m.fixedWording || hasRecordWording(m.documentType, m.sentenceText)),
      }))
      // A record needs something read in the text, or at least its actor: a bare trigger is no fact.
      .filter(({ record, partyNeeded, worded }) => {
        if (!worded) return false;
        const info = ctx.eventTypes.get(record.type);
        const states = (roles: readonly string[] | undefined) =>
          !roles || record.arguments.some((a) => roles.includes(a.documentRole ?? ''));
        if (partyNeeded && !states(TERMS_NEEDED[record.documentType])) return false;
        if (ctx.kind !== 'announcement' && !states(OWN_TERMS_OUTSIDE_ANNOUNCEMENTS[record.documentType]))
          return false;
        if (ctx.kind !== 'announcement' && partyNeeded && statesOnly(record, NOT_ALONE[record.documentType]))
          return false;
        const issuerRole = ISSUER_ACTS_OUTSIDE_ANNOUNCEMENTS[record.documentType];
        if (ctx.kind !== 'announcement' && partyNeeded && issuerRole && !issuerFills(record, issuerRole, ctx))
          return false;
        return record.arguments.some(
          (a) =>
            a.documentRole !== undefined &&
            (!partyNeeded || (info?.documentRoles.get(a.documentRole)?.entityTypes.length ?? 0) > 0) &&
            (!a.inferred || a.entityKey !== undefined),
        );
      })
      .map(({ record }, i) => ({ ...record, id: `${ctx.documentId}:e${i}` }))
  );
}

/** Deal types whose two sides a news item often names in two sentences: the buyer in one, the target in the other. */
const TWO_SIDES: Readonly<Record<string, readonly [string, string]>> = {
  企业收购: ['收购方', '被收购方'],
};

/**
 * Outside an announcement, the one cluster of a deal type naming only its buyer and the one naming only its
 * target are one deal (苹果收购… / 被收购的AI Music…): joined, where the document reads no other deal of the type.
 */
function joinSides(clusters: RecordMention[][], ctx: AssembleContext): RecordMention[][] {
  if (ctx.kind === 'announcement') return clusters;
  const out = [...clusters];
  for (const [type, sides] of Object.entries(TWO_SIDES)) {
    const ofType = out.filter((c) => c[0]?.documentType === type);
    if (ofType.length !== 2) continue;
    const only = (side: string) =>
      ofType.find((c) => {
        const parties = partiesOf(c, ctx.eventTypes);
        return parties.size === 1 && parties.has(side);
      });
    const [buyer, target] = [only(sides[0]), only(sides[1])];
    if (!buyer || !target) continue;
    buyer.push(...target);
    out.splice(out.indexOf(target), 1);
  }
  return out;
}

/** Whether the record read at most one role in the text (besides the disclosure date), one of `roles`. */
function statesOnly(record: LinkedEvent, roles: ReadonlySet<string> | undefined): boolean {
  if (!roles) return false;
  const read = new Set(
    record.arguments
      .filter((a) => a.documentRole && !a.inferred && !DISCLOSURE_ROLES.includes(a.documentRole))
      .map((a) => a.documentRole as string),
  );
  return read.size <= 1 && [...read].every((r) => roles.has(r));
}

/**
 * Record types whose record names the company whose shares change hands beside the party that acts: a mention
 * naming only that company (a headline's 某股份 beside the body's 某集团减持) tells no trade of its own.
 */
const STOCK_ROLE: Readonly<Record<string, string>> = {
  股东增持: '股票简称',
  股东减持: '股票简称',
  质押: '质押物所属公司',
  解除质押: '质押物所属公司',
};

/** One company's names as read: the same, or one a short form of the other (众安 and 众安保险). */
function sameStock(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a)
    for (const y of b) {
      if (x === y) return true;
      const [p, q] = [x.replace(/^text:/, ''), y.replace(/^text:/, '')];
      if (x.startsWith('text:') && y.startsWith('text:') && p.length >= 2 && q.length >= 2)
        if (p.startsWith(q) || q.startsWith(p)) return true;
    }
  return false;
}

/**
 * Clusters naming no party but the traded company join the record of their type that names who acted, where
 * that record names no other company: a news item's headline and body tell one trade.
 */
function joinBareStockClusters(clusters: RecordMention[][], ctx: AssembleContext): RecordMention[][] {
  const stockOnly = (cluster: RecordMention[]) => {
    const role = STOCK_ROLE[cluster[0]?.documentType ?? ''];
    const parties = partiesOf(cluster, ctx.eventTypes);
    return role !== undefined && parties.size === 1 && parties.has(role);
  };
  const actors = clusters.filter((cluster) => !stockOnly(cluster));
  const joined = new Set<RecordMention[]>();
  for (const cluster of clusters) {
    if (!stockOnly(cluster)) continue;
    const type = cluster[0]?.documentType ?? '';
    const role = STOCK_ROLE[type] as string;
    const stock = partiesOf(cluster, ctx.eventTypes).get(role) ?? new Set<string>();
    const fits = actors.filter((other) => {
      if (other[0]?.documentType !== type) return false;
      const named = partiesOf(other, ctx.eventTypes).get(role);
      return !named || sameStock(named, stock);
    });
    // Only where the record it belongs to is plain: with two traders it could be either's.
    const home = fits.length === 1 ? fits[0] : undefined;
    if (!home) continue;
    home.push(...cluster);
    joined.add(cluster);
  }
  return clusters.filter((cluster) => !joined.has(cluster));
}

/** Record types whose record is one person's change: a sentence naming several people tells one change each. */
const ONE_PERSON: Readonly<Record<string, string>> = { 高管变动: ONE_PARTY.高管变动 as string };

/**
 * Record types told once per party (guideline: one event per person changing posts, per company listing or
 * going bankrupt, per punished party): a sentence naming several (证监会同意A公司、B公司、C公司首次公开发行股票注册,
 * 对A公司、张某、李某采取出具警示函措施) tells one each.
 */
const ONE_EACH: Readonly<Record<string, string>> = {
  ...ONE_PERSON,
  公司上市: '上市公司',
  企业破产: '破产公司',
  行政处罚: '处罚对象',
};
/** Roles of one party's share in a sentence naming several (对A罚款60万元，对B罚款30万元): each party its own. */
const PARTY_OWN: Readonly<Record<string, string>> = { 行政处罚: '罚款金额' };

/** Punctuation or a clause inside a reading (辞任，补选李胜楠): no fuller form of the name it holds. */
const NOT_A_NAME = /[，,、。；;：:\s]/;
/** People after 等 as one group (张某、李某等当事人, 等责任人员, 等人). */
const GROUP_OF_PEOPLE = /^等(?:\d+名)?(?:当事人|责任人|人)/;

/** The sentence's text right after the first mention of `text` in it. */
function textAfter(sentence: string, text: string): string {
  const at = sentence.indexOf(text);
  return at < 0 ? '' : sentence.slice(at + text.length);
}

/** A mention naming several parties in a one-party type, split into one mention per party sharing the rest. */
function onePartyEach(mention: RecordMention): RecordMention[] {
  const role = ONE_EACH[mention.documentType];
  const named = role ? mention.arguments.filter((a) => a.documentRole === role) : [];
  // A reading with punctuation in it (马军、董事陈勇) names no one party; a name read again in part (中青宝 and
  // 青宝) is one party, the fuller reading standing for it.
  const names = named.filter((a) => !NOT_A_NAME.test(a.text));
  const parties = names.filter(
    (a) => !names.some((b) => b !== a && b.text.length > a.text.length && b.text.includes(a.text)),
  );
  // People punished as a group written as one phrase (对张某、李某等当事人给予警告) are one party (guideline §2).
  const group = parties.some((a) => GROUP_OF_PEOPLE.test(textAfter(mention.sentenceText, a.text)));
  if (parties.length < 2 || group) return [mention];
  const own = PARTY_OWN[mention.documentType];
  const rest = mention.arguments.filter((a) => a.documentRole !== role && a.documentRole !== own);
  const shares = mention.arguments.filter((a) => own !== undefined && a.documentRole === own);
  // A party's share follows its name: the party named last before it (a total stated before any name is none's).
  const ownerOf = (share: EventArgumentRow) =>
    parties.filter((p) => p.start < share.start).sort((a, b) => b.start - a.start)[0];
  return parties.map((party) => ({
    ...mention,
    arguments: [party, ...rest, ...shares.filter((share) => ownerOf(share) === party)],
  }));
}

/**
 * The parties of mentions by record role. A party is known by its entity and by its name as written, so a
 * name the rules read without linking it (an unlisted company fined beside another) still tells two records
 * apart, and a linked and an unlinked reading of one name still agree.
 */
function partiesOf(
  mentions: readonly RecordMention[],
  eventTypes: AssembleContext['eventTypes'],
): Map<string, Set<string>> {
  const parties = new Map<string, Set<string>>();
  for (const m of mentions) {
    const roles = eventTypes.get(m.type)?.documentRoles;
    for (const a of m.arguments) {
      if (!a.documentRole || !roles?.get(a.documentRole)?.entityTypes.length) continue;
      if (!a.entityKey && a.inferred) continue;
      const set = parties.get(a.documentRole) ?? new Set<string>();
      if (a.entityKey) set.add(a.entityKey);
      // Traditional and Simplified spellings of one name (a rule reads the text as written, the model its
      // Simplified reading) are one party.
      set.add(`text:${cleanCompanyName(a.text)}`);
      parties.set(a.documentRole, set);
    }
  }
  return parties;
}

function sharesKey(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  return !!a && !!b && [...b].some((k) => a.has(k));
}

function compatible(
  cluster: readonly RecordMention[],
  mention: RecordMention,
  ctx: AssembleContext,
): boolean {
  // Each contract the contract fields read is a record of its own: one client may sign several contracts.
  if (
    mention.fixedWording &&
    SEPARATE_FIXED_RECORDS.has(mention.documentType) &&
    cluster.some((m) => m.fixedWording)
  )
    return false;
  const existing = partiesOf(cluster, ctx.eventTypes);
  const incoming = partiesOf([mention], ctx.eventTypes);
  // One person's change told again (a rule's reading beside the model's, the company named in short or in
  // full, the fund beside its manager) is one record, whatever else its mentions name.
  const person = ONE_PERSON[mention.documentType];
  if (person && sharesKey(existing.get(person), incoming.get(person))) return true;
  let shared = false;
  for (const [role, keys] of incoming) {
    const known = existing.get(role);
    if (!known) continue;
    if (![...keys].some((k) => known.has(k))) return false;
    shared = true;
  }
  return ctx.kind === 'announcement' || ctx.kind === 'research_report' ? true : shared;
}

function issuerArgument(
  ctx: AssembleContext,
  at: RecordMention,
  role: string,
  info: EventTypeInfo | undefined,
): EventArgumentRow | undefined {
  if (!ctx.issuer) return undefined;
  return {
    ...at.mention,
    text: SHORT_NAME_ROLES.has(role) ? (ctx.issuer.shortNames?.[0] ?? ctx.issuer.name) : ctx.issuer.name,
    role,
    roleKey: info?.documentRoles.get(role)?.key ?? role,
    documentRole: role,
    entityKey: ctx.issuer.key,
    label: 'Company',
    inferred: true,
  };
}

/**
 * Roles a record fills once, though its sentences word them twice (招股 and 起招股; an officer's company and a
 * trade's stock named beside another company of the story): the surest reading stays.
 */
const ONE_FILLER = new Set(['环节', '任职公司', '股票简称']);

/** `single`: the cluster is an announcement's one record of its type, so each role keeps its surest filler only. */
function toRecord(cluster: readonly RecordMention[], ctx: AssembleContext, single: boolean): LinkedEvent {
  const best = cluster.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const info = ctx.eventTypes.get(best.type);
  const args: EventArgumentRow[] = [];
  const seen = new Set<string>();
  const filled = new Set<string>();
  // Most confident mentions first, so the value a record keeps for a role is the surest reading; an adjusted
  // profit figure (扣非后净利润亏损…) only where no mention states the plain one.
  const readings = [...cluster]
    .sort((a, b) => b.confidence - a.confidence)
    .flatMap((mention) => mention.arguments.map((a) => ({ mention, a })));
  const adjusted = ({ mention, a }: (typeof readings)[number]): boolean =>
    !!a.documentRole &&
    info?.documentRoles.get(a.documentRole)?.value === 'money' &&
    isAdjustedFigure(mention.sentenceText, a.start - (ctx.sentenceStarts[mention.mention.sentence] ?? 0));
  // A name read whole and read cut short or run over (佳医疗 / 和佳医疗, 拉夏贝尔董秘丁莉莉) is one name.
  const named = withoutNestedReadings(
    readings,
    ({ a }) => a.documentRole,
    ({ a }) => a.text,
    ({ a }) => !!a.documentRole && (info?.documentRoles.get(a.documentRole)?.entityTypes.length ?? 0) > 0,
  );
  const ordered = [...named.filter((r) => !adjusted(r)), ...named.filter(adjusted)];
  for (const { a } of ordered) {
    const role = a.documentRole ?? a.role;
    const identity = `${role}|${a.entityKey ?? a.value ?? cleanCompanyName(a.text)}`;
    // One name read twice, once linked to an entity and once as written, is one argument.
    const spelling = `${role}|text:${cleanCompanyName(a.text)}`;
    if (seen.has(identity) || seen.has(spelling)) continue;
    // A value role holds one value: a second, different reading is a weaker one.
    // (An officer's change word is labelled, not measured: officer-posts.ts picks the one of the person.)
    const valueKind = a.documentRole && info?.documentRoles.get(a.documentRole)?.value;
    const valueRole = valueKind && valueKind !== 'change';
    if ((valueRole || single || ONE_FILLER.has(role)) && filled.has(a.documentRole as string)) continue;
    // The traded company named in full and by a short form (众安保险, 众安) is one company.
    if (
      a.documentRole === STOCK_ROLE[best.documentType] &&
      args.some(
        (b) =>
          b.documentRole === a.documentRole &&
          sameStock(
            new Set([`text:${cleanCompanyName(b.text)}`]),
            new Set([`text:${cleanCompanyName(a.text)}`]),
          ),
      )
    )
      continue;
    seen.add(identity);
    seen.add(spelling);
    if (a.documentRole) filled.add(a.documentRole);
    args.push(a);
  }

  const kept = keepOneParty(best.documentType, args, ctx.headlineSentence);
  args.splice(0, args.length, ...kept);
  if (best.documentType === '高管变动') keepOwnPostAndChange(args, ctx);
  if (best.documentType === '亏损')
    args.splice(0, args.length, ...keepOneLossPeriod(args, ctx.headlineSentence));
  if (best.documentType === '企业融资') {
    tidyFinancingParties(args, sentenceOfIn(cluster, ctx), info);
    withCurrencyWord(args, sentenceOfIn(cluster, ctx));
  }
  if (best.documentType === '行政处罚') oneReadingPerMeasure(args);
  if (best.documentType === '起诉' || best.documentType === '判决') oneSidePerParty(args);
  // Contract fields read from an announcement's fixed wording name each role once already.
  if (best.documentType === '中标' && cluster.every((m) => !m.fixedWording)) tidyBidRoles(args);
  if (best.documentType === '企业收购') tidyAcquisitionRoles(args, sentenceOfIn(cluster, ctx));
  if (best.documentType === '股份股权转让') tidyTransferParties(args, sentenceOfIn(cluster, ctx));

  // Figures the sentence after a mention states under their own label (中标价：…, 回购价格…).
  for (const m of [...cluster].sort((a, b) => a.mention.sentence - b.mention.sentence)) {
    const index = m.mention.sentence + 1;
    const text = ctx.sentences?.[index];
    const next = text === undefined ? undefined : { index, start: ctx.sentenceStarts[index] ?? 0, text };
    const has = (role: string) => args.some((a) => a.documentRole === role);
    args.push(...followingFigures(best.documentType, next, has, info, best.confidence));
  }

  const kinds = args.filter((a) => a.documentRole === '变动类型');
  if (kinds.some((a) => !HOLDS_POST.test(a.text.trim()))) {
    for (const a of kinds) if (HOLDS_POST.test(a.text.trim())) args.splice(args.indexOf(a), 1);
  } else if (kinds.length > 0) resignedFromPost(args, cluster, ctx);

  if (best.documentType === '行政处罚' && !args.some((a) => a.documentRole === '处罚机构')) {
    for (const m of cluster) {
      const authority = sentenceAuthority(m, ctx.sentenceStarts[m.mention.sentence] ?? 0, ctx.eventTypes);
      if (!authority) continue;
      args.push(authority);
      break;
    }
    const key = info?.documentRoles.get('处罚机构')?.key ?? '处罚机构';
    const carried = args.some((a) => a.documentRole === '处罚机构')
      ? undefined
      : carriedAuthority(cluster, ctx.sentences, ctx.sentenceStarts, key);
    if (carried) args.push(carried);
  }

  const orderParties = ISSUER_SIDE[best.documentType];
  if (orderParties && ctx.issuer) swapToIssuerSide(args, orderParties, ctx.issuer.key, info);

  // The issuer acts in its own announcement even when a sentence just says "公司".
  if (ctx.kind === 'announcement' && ctx.issuer) {
    const role = cluster.find((m) => m.issuerRole)?.issuerRole ?? ISSUER_ROLE[best.documentType];
    const selfSentence = cluster.find((m) => SELF_REFERENCE.test(m.sentenceText));
    const hasActor = role !== undefined && args.some((a) => a.documentRole === role);
    if (role && !hasActor && selfSentence && info?.documentRoles.has(role)) {
      const arg = issuerArgument(ctx, selfSentence, role, info);
      if (arg) args.push(arg);
    }
  }
  // An officer's company in the issuer's own announcement is the issuer, written with its full name even
  // where the sentence gives its short name (四川长虹 for 四川长虹电器股份有限公司).
  if (best.documentType === '高管变动' && ctx.kind === 'announcement' && ctx.issuer) {
    const { key, name, shortNames } = ctx.issuer;
    for (const a of args)
      if (a.documentRole === '任职公司' && (a.entityKey === key || shortNames?.includes(a.text)))
        Object.assign(a, { text: name, entityKey: key, label: 'Company' });
  }
  const about = ABOUT_ISSUER[best.documentType];
  if (about && ctx.issuer && (ctx.kind === 'announcement' || ctx.kind === 'news')) {
    if (!args.some((a) => a.documentRole === about)) {
      const arg = issuerArgument(ctx, best, about, info);
      if (arg) args.push(arg);
    }
  }
  const disclosed = ctx.publishedAt ?? ctx.noticeDate;
  const disclosureRole = DISCLOSURE_ROLES.find((r) => info?.documentRoles.has(r));
  if (!disclosed && disclosureRole && !args.some((a) => a.documentRole === disclosureRole)) {
    const stated = statedDisclosure(cluster, ctx, disclosureRole, info);
    if (stated) args.push(stated);
  }
  if (disclosed && !args.some((a) => a.documentRole && DISCLOSURE_ROLES.includes(a.documentRole))) {
    const role = DISCLOSURE_ROLES.find((r) => info?.documentRoles.has(r));
    if (role) {
      args.push({
        ...best.mention,
        text: disclosed,
        role,
        roleKey: info?.documentRoles.get(role)?.key ?? role,
        documentRole: role,
        ...(ctx.publishedAt ? { value: ctx.publishedAt } : {}),
        inferred: true,
      });
    }
  }
  const dateRole = eventDateRole(info);
  if (dateRole && ctx.publishedAt && !args.some((a) => a.documentRole === dateRole)) {
    const dated = cluster.find((m) => DATED_BY_ANNOUNCEMENT.test(m.sentenceText));
    if (dated) {
      const modelRole = [...(info?.roles ?? [])].find(([, r]) => r.documentRole === dateRole)?.[0];
      args.push({
        ...dated.mention,
        text: ctx.publishedAt,
        role: modelRole ?? dateRole,
        roleKey: info?.documentRoles.get(dateRole)?.key ?? 'date',
        documentRole: dateRole,
        value: ctx.publishedAt,
        inferred: true,
      });
    }
  }

  const record: LinkedEvent = {
    id: '',
    type: best.type,
    typeKey: best.typeKey,
    documentType: best.documentType,
    trigger: best.trigger,
    confidence: best.confidence,
    mentions: cluster.map((m) => m.mention).sort((a, b) => a.sentence - b.sentence || a.start - b.start),
    arguments: args,
  };
  setEventValues(record, info, ctx.publishedAt);
  return record;
}

/** Whether the document's issuer fills `role` of the record (linked, or written by its name or a short name). */
function issuerFills(record: LinkedEvent, role: string, ctx: AssembleContext): boolean {
  const issuer = ctx.issuer;
  if (!issuer) return false;
  const names = new Set([issuer.name, ...(issuer.shortNames ?? [])]);
  return record.arguments.some(
    (a) => a.documentRole === role && (a.entityKey === issuer.key || names.has(a.text.trim())),
  );
}

/** An argument's sentence: the one its mention was read in, else the document's. */
function sentenceOfIn(cluster: readonly RecordMention[], ctx: AssembleContext): SentenceOf {
  return (a) => {
    const start = ctx.sentenceStarts[a.sentence] ?? 0;
    const text =
      cluster.find((m) => m.mention.sentence === a.sentence)?.sentenceText ?? ctx.sentences?.[a.sentence];
    return text === undefined ? undefined : { text, start };
  };
}

/** Words of a resignation: the change where a sentence also says the post is no longer held (不再担任). */
const RESIGNED = /辞职|辞去|辞任|辭職|辭去|辭任/;
const NO_LONGER_HOLDS = /不再(?:担任|擔任)/;

/**
 * An officer record whose only change word is a post held (担任, from 不再担任…职务) takes the resignation its
 * sentence states (收到副总经理某某的书面辞职报告) in its place.
 */
function resignedFromPost(
  args: EventArgumentRow[],
  cluster: readonly RecordMention[],
  ctx: AssembleContext,
): void {
  const held = args.find((a) => a.documentRole === '变动类型');
  if (!held) return;
  for (const m of cluster) {
    const found = RESIGNED.exec(m.sentenceText);
    if (!found || !NO_LONGER_HOLDS.test(m.sentenceText)) continue;
    const start = (ctx.sentenceStarts[m.mention.sentence] ?? 0) + found.index;
    Object.assign(held, {
      sentence: m.mention.sentence,
      start,
      end: start + found[0].length,
      text: found[0],
    });
    return;
  }
}

/** The disclosure date a record's own sentence states (8月2日，某某公告), where the document carries no date. */
function statedDisclosure(
  cluster: readonly RecordMention[],
  ctx: AssembleContext,
  role: string,
  info: EventTypeInfo | undefined,
): EventArgumentRow | undefined {
  for (const m of cluster) {
    const found = DISCLOSED_ON.exec(m.sentenceText)?.indices?.groups?.date;
    if (!found) continue;
    const sentenceStart = ctx.sentenceStarts[m.mention.sentence] ?? 0;
    return {
      sentence: m.mention.sentence,
      start: sentenceStart + found[0],
      end: sentenceStart + found[1],
      text: m.sentenceText.slice(found[0], found[1]),
      confidence: m.confidence,
      role,
      roleKey: info?.documentRoles.get(role)?.key ?? role,
      documentRole: role,
    };
  }
  return undefined;
}

/** The role that dates the event itself (not its disclosure). */
function eventDateRole(info: EventTypeInfo | undefined): string | undefined {
  for (const [name, role] of info?.documentRoles ?? []) {
    if (role.value === 'date' && !DISCLOSURE_ROLES.includes(name)) return name;
  }
  return undefined;
}

/** Puts the issuer on its side of a contract or bid when the wording had the parties the other way round. */
function swapToIssuerSide(
  args: EventArgumentRow[],
  [issuerSide, otherSide]: [string, string],
  issuerKey: string,
  info: EventTypeInfo | undefined,
): void {
  const issuerOnOther = args.some((a) => a.documentRole === otherSide && a.entityKey === issuerKey);
  const issuerOnSide = args.some((a) => a.documentRole === issuerSide && a.entityKey === issuerKey);
  if (!issuerOnOther || issuerOnSide) return;
  for (const a of args) {
    const to =
      a.documentRole === otherSide ? issuerSide : a.documentRole === issuerSide ? otherSide : undefined;
    if (!to) continue;
    a.documentRole = to;
    a.roleKey = info?.documentRoles.get(to)?.key ?? a.roleKey;
  }
}

/**
 * Puts a party the sentence introduces as a subsidiary (全资子公司某某) on the listed company's side of a
 * contract or bid, where the wording put it on the other side and nothing of that kind is on its own side.
 */
function subsidiaryToIssuerSide(
  args: EventArgumentRow[],
  [issuerSide, otherSide]: [string, string],
  sentence: string,
  sentenceStart: number,
  info: EventTypeInfo,
): void {
  const subsidiary = (a: EventArgumentRow) => namedAsSubsidiary(sentence, a.start - sentenceStart);
  const onOther = args.some((a) => a.documentRole === otherSide && subsidiary(a));
  const onSide = args.some((a) => a.documentRole === issuerSide && subsidiary(a));
  if (!onOther || onSide) return;
  for (const a of args) {
    const to =
      a.documentRole === otherSide ? issuerSide : a.documentRole === issuerSide ? otherSide : undefined;
    if (!to) continue;
    a.documentRole = to;
    a.roleKey = info.documentRoles.get(to)?.key ?? a.roleKey;
  }
}

/** Record-level values: the first argument of each kind that normalises, the event's own date before others. */
function setEventValues(record: LinkedEvent, info: EventTypeInfo | undefined, publishedAt?: string): void {
  const dateRole = eventDateRole(info);
  for (const a of record.arguments) {
    if (!a.documentRole) continue;
    const kind = info?.documentRoles.get(a.documentRole)?.value;
    if (kind === 'date' && a.documentRole !== dateRole) continue;
    const value = documentValue(kind, a.inferred ? (a.value ?? a.text) : a.text, publishedAt);
    if (!value) continue;
    if (!a.inferred && a.value === undefined) a.value = value.display;
    if (kind === 'date' && record.date === undefined) record.date = String(value.value);
    if (kind === 'money' && record.amount === undefined) {
      record.amount = Number(value.value);
      if (value.low !== undefined) record.amountLow = value.low;
      if (value.currency) record.currency = value.currency;
    }
    if (kind === 'shares' && record.shares === undefined) record.shares = Number(value.value);
    if (kind === 'ratio' && record.ratio === undefined) record.ratio = Number(value.value);
  }
}
