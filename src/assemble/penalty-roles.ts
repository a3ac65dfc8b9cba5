/**
 * The roles of a penalty (行政处罚) as the guideline names them: 处罚对象 is the punished party alone, and
 * 处罚内容 each measure once. News run the party into the words before it (某局对X, 就X, 公告称X, 某某关联公司X有限
 * 公司), and a measure is read both bare and with its verb (警示函, 出具警示函, 采取出具警示函).
 */
import type { EventArgumentRow } from '../link/index.js';
import type { RecordMention } from './document-events.js';
import { authorityIn } from './sentence-roles.js';

const PARTY = '处罚对象';
const MEASURE = '处罚内容';

/**
 * Words before the punished party that are no part of its name: an authority and its verb (某分局对, 某局责令),
 * a report's lead (公告称, 消息称), the preposition 就, and the relation of a company named in full to another
 * (喜茶关联公司上海某某有限公司: the company fined is the one named in full).
 */
const LEADS: readonly RegExp[] = [
  /^[\u4e00-\u9fa5]{1,20}?(?:局|会|所|厅|委|办|院)(?:决定)?(?:对|责令)(?=.{2})/u,
  /^[^，,。；]{0,20}?(?:公告称|消息称|通报称|显示称|称)(?=.{2})/u,
  /^就(?=.{2})/u,
  /^[\u4e00-\u9fa5A-Za-z]{1,12}?(?:关联公司|全资子公司|控股子公司|子公司|旗下)(?=[\u4e00-\u9fa5A-Za-z0-9（）()]{4,40}(?:有限公司|有限责任公司)$)/u,
];

/** The punished party without the words run into it, or the argument as it is. */
export function withoutPartyLead<T extends { documentRole?: string; text: string; start: number }>(a: T): T {
  if (a.documentRole !== PARTY) return a;
  let text = a.text;
  for (const lead of LEADS) text = text.replace(lead, '');
  if (text === a.text) return a;
  return { ...a, text, start: a.start + (a.text.length - text.length) };
}

const DECIDED_ON = '处罚日期';
const DISCLOSED_ON = '披露时间';
/** Asides after a date (（巴西当地时间）, （实达集团，600734）) say nothing about what the day is. */
const ASIDE = /[（(][^）)]{0,30}[）)]/gu;
/** The day the penalty was received or paid: no day of the decision (guideline §2). */
const RECEIVED_OR_PAID = /^[，,]?[^，,。；]{0,20}?(?:收到|接到|缴纳|缴清|支付)/u;
/** The day the company or the news disclosed it (12月2日，某某披露，公司收到…): the record's 披露时间. */
const DISCLOSED = /^[，,]?[^，,。；]{0,20}?(?:披露|公告|发布公告)(?!的)/u;

/** A date the model read as the decision's: the disclosure's when its clause discloses, none when it receives or pays. */
function decisionDate(
  mention: RecordMention,
  a: EventArgumentRow,
  sentenceStart: number,
  disclosed: boolean,
): EventArgumentRow | undefined {
  if (a.documentRole !== DECIDED_ON) return a;
  const after = mention.sentenceText.slice(a.end - sentenceStart).replace(ASIDE, '');
  if (DISCLOSED.test(after)) return disclosed ? undefined : { ...a, documentRole: DISCLOSED_ON };
  return RECEIVED_OR_PAID.test(after) ? undefined : a;
}

/**
 * A penalty mention whose punished party is read without the words run into it, and whose decision date is no
 * day of receipt, payment or disclosure.
 */
export function withPenaltyRoles(mention: RecordMention, sentenceStart: number): RecordMention {
  if (mention.documentType !== '行政处罚') return mention;
  const disclosed = mention.arguments.some((a) => a.documentRole === DISCLOSED_ON);
  const args = mention.arguments
    .map(withoutPartyLead)
    .flatMap((a) => decisionDate(mention, a, sentenceStart, disclosed) ?? []);
  return { ...mention, arguments: args };
}

/** A measure read with the verb that imposes it (采取出具警示函): the verb is no part of the measure. */
const MEASURE_VERB = /^采取(?=.{2})/u;
/** A reading that runs over into other words (行政处罚 缴3733万元罚款): no one measure. */
const NOT_A_MEASURE = /[\s0-9，,。；]/u;

/**
 * One 处罚内容 per measure: readings run over into figures go; of two readings of one measure (警示函 and
 * 出具警示函, 警示 and 监管警示) the fuller stays, without a leading 采取.
 */
export function oneReadingPerMeasure(args: EventArgumentRow[]): void {
  const measures = args.filter((a) => a.documentRole === MEASURE);
  if (measures.length < 2) return;
  for (const a of measures) {
    const text = a.text.replace(MEASURE_VERB, '');
    if (text !== a.text) Object.assign(a, { text, start: a.end - text.length });
  }
  const sound = measures.filter((a) => !NOT_A_MEASURE.test(a.text));
  const kept = sound.filter(
    (a, i) =>
      !sound.some((b) => b.text.length > a.text.length && b.text.includes(a.text)) &&
      !sound.some((b, j) => j < i && b.text === a.text),
  );
  if (kept.length === 0) return;
  for (const a of measures) if (!kept.includes(a)) args.splice(args.indexOf(a), 1);
}

/** A decision told with no authority of its own: its clause opens on the party (同时对…给予警告) or the authority's 我局. */
const GOES_ON = /^(?:同时|并|另|此外|另外|其中)?[，,]?(?:对|向)/u;
const SPEAKER = /我局|本局|我会|本会/u;
/** How far back a speaker's 我局 may name itself (深圳证监局：经查，…。…。我局决定对…). */
const SPEAKER_REACH = 6;

/**
 * The authority of a penalty whose sentence names none: a decision that goes on from the sentence before
 * (某局决定对A给予警告。同时对B给予警告) is that sentence's authority's; a speaker's 我局 is the authority named
 * last before it.
 */
export function carriedAuthority(
  cluster: readonly RecordMention[],
  sentences: readonly string[] | undefined,
  sentenceStarts: readonly number[],
  roleKey: string,
): EventArgumentRow | undefined {
  if (!sentences) return undefined;
  for (const m of cluster) {
    const i = m.mention.sentence;
    const reach = SPEAKER.test(m.sentenceText) ? SPEAKER_REACH : GOES_ON.test(m.sentenceText) ? 1 : 0;
    for (let j = i - 1; j >= 0 && j >= i - reach; j--) {
      const text = sentences[j] ?? '';
      const span = authorityIn(text, text.length);
      if (!span) continue;
      const start = (sentenceStarts[j] ?? 0) + span.start;
      return {
        sentence: j,
        start,
        end: start + span.text.length,
        text: span.text,
        confidence: m.confidence,
        role: '处罚机构',
        roleKey,
        documentRole: '处罚机构',
      };
    }
  }
  return undefined;
}
