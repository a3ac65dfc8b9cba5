import type { ParsedDocument } from '../parse/index.js';
import { HOLDER_ROLE, ORGANIZATION, PARTY, partyArgument } from './rule-parties.js';
import type { RuleSentence } from './rule-text.js';
import {
  groupArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, fraction, isoDate, PERCENT, SHARES, shareCount } from './rule-values.js';

export const PLEDGE_TITLE = /质押|解押/;

/** Totals and balances describe the holder's position, not this event. */
const TOTALS = /累计|合计|共计|总计|截至|截止|尚未|剩余|余下|已质押股份|显示|报告期/;
const NEGATED = /不(?!超过|低于|少于)|未(?!来)|无(?!限售)/;

const RELEASE = /解除质押|解押/;
const PLEDGE = /质押/;

/** 接到控股股东某某的通知 / 获悉控股股东某某将… : the holder the announcement is about. */
const NOTIFIER = new RegExp(
  `(?:接到|收到|获悉)${HOLDER_ROLE}(?<party>${PARTY})(?:[（(][^）)]{1,24}[）)])?(?:的)?(?:通知|函告|告知|书面通知|将其)`,
  'du',
);
/** 质押给某银行 / 质权人为某证券 / 在某证券办理了解除质押. */
const PLEDGEE = new RegExp(
  `(?:质押给|质权人(?:为|是|：|:)|与|在)(?<pledgee>${ORGANIZATION})(?:办理|的|，|,|。|$)`,
  'du',
);
const COUNT = new RegExp(
  `(?:解除质押|解押|质押)(?:了|的)?(?:其(?:所)?持有的)?(?:公司|本公司)?(?:无限售流通股|限售流通股|高管锁定股|股份|股票)?(?:共|数量为|数量|为)?(?<shares>${SHARES})|(?:将其(?:所)?持有的|将)(?:公司|本公司)?(?<shares2>${SHARES})(?:无限售流通股|限售流通股|股份|股票)?(?:办理了?|进行了?)?(?:股票)?(?:解除质押|质押|解押)`,
  'du',
);
const OF_HOLDING = new RegExp(
  `占其(?:所)?持(?:有)?(?:公司)?股份(?:总数)?(?:的)?(?:比例)?(?:为)?(?<ratio>${PERCENT})`,
  'du',
);
const OF_TOTAL = new RegExp(
  `占(?:公司|本公司)?(?:目前)?总股本(?:的)?(?:比例)?(?:为)?(?<ratio>${PERCENT})`,
  'du',
);
/** 控股股东某某将其持有的… / 控股股东某某解除质押… : the holder named in the event sentence itself. */
const ACTOR = new RegExp(
  `(?:控股股东|实际控制人|第一大股东|大股东|股东|董事长|董事|总经理)(?:之一)?(?<party>${PARTY})(?:[（(][^）)]{1,24}[）)])?(?:的)?(?:部分)?(?:所持)?(?:股份|股票)?(?:将|已|于|在|办理|解除质押|质押|解押|近日)`,
  'du',
);
const WHEN = new RegExp(`(?:于|已于|在)(?<date>${DATE})`, 'du');

function holderArgument(sentences: RuleSentence[]): RuleArgument | undefined {
  for (const s of sentences) {
    const m = NOTIFIER.exec(s.compact);
    const at = m?.indices?.groups?.party;
    if (!m || !at || !m.groups?.party) continue;
    return partyArgument(s, '质押方', m.groups.party, at[0]);
  }
  return undefined;
}

/** 质押 / 解除质押: one record per sentence that states this event's share count. */
export function pledgeRecords(
  _doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
): RuleRecord[] {
  const holder = holderArgument(sentences);
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    const text = s.compact;
    if (!PLEDGE.test(text) || TOTALS.test(text) || NEGATED.test(text)) continue;
    const release = RELEASE.test(text);
    // "质押及解除质押435万股" cannot say which of the two the count belongs to.
    if (release && PLEDGE.test(text.replace(/解除质押|解押/g, ''))) continue;
    const count = COUNT.exec(text);
    if (!count) continue;
    const group = count.groups?.shares ? 'shares' : 'shares2';
    const shares = groupArgument(s, count, group, '质押股票/股份数量', shareCount);
    if (!shares) continue;
    const verb = (release ? /解除质押|解押/ : /质押/).exec(text);
    if (!verb) continue;
    const when = WHEN.exec(text);
    const pledgee = PLEDGEE.exec(text);
    const actor = ACTOR.exec(text);
    const actorAt = actor?.indices?.groups?.party;
    const pledgor =
      actor?.groups?.party && actorAt ? partyArgument(s, '质押方', actor.groups.party, actorAt[0]) : holder;
    // Without the pledgor the record says nothing checkable (news round-ups of many holders end here).
    if (!pledgor) continue;
    out.push(
      makeRecord(
        release ? '解除质押' : '质押',
        s.span(verb.index, verb.index + verb[0].length),
        [
          pledgor,
          pledgee ? groupArgument(s, pledgee, 'pledgee', '质权方') : undefined,
          shares,
          (() => {
            const m = OF_HOLDING.exec(text);
            return m ? groupArgument(s, m, 'ratio', '质押物占持股比', fraction) : undefined;
          })(),
          (() => {
            const m = OF_TOTAL.exec(text);
            return m ? groupArgument(s, m, 'ratio', '质押物占总股比', fraction) : undefined;
          })(),
          when ? groupArgument(s, when, 'date', '事件时间', (d) => isoDate(d, ctx.publishedAt)) : undefined,
        ],
        0.85,
      ),
    );
  }
  return mergeSameCount(out);
}

/** A flash news headline and its body state the same release twice; one record keeps what both say. */
function mergeSameCount(records: RuleRecord[]): RuleRecord[] {
  const byKey = new Map<string, RuleRecord>();
  for (const r of records) {
    const count = r.arguments.find((a) => a.role === '质押股票/股份数量')?.value;
    const key = `${r.type}|${count}`;
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, r);
      continue;
    }
    for (const a of r.arguments) if (!known.arguments.some((k) => k.role === a.role)) known.arguments.push(a);
  }
  return [...byKey.values()];
}

/**
 * An equity pledge registered with the market regulator (股权出质登记), as its public record states it in news:
 * "X公司新增股权出质登记信息，…出质人为其全资股东Y，出质股权数额为10000，质权人为Z". The pledged equity is X's;
 * the amount keeps its text (the record states no unit).
 */
export const REGISTERED_PLEDGE_WORD = /出质人/;
const PLEDGED_EQUITY = new RegExp(
  `(?:^|[，,；;：:])(?<target>${ORGANIZATION})(?:[（(][^）)]{0,30}[）)])?[^，,。；;]{0,8}?(?<collateral>股权)出质`,
  'du',
);
const PLEDGOR = new RegExp(
  `出质人(?:为|是|：|:)(?:[^，,。；;]{0,16}?股东)?(?<pledgor>${ORGANIZATION})(?=[，,。；;]|$)`,
  'du',
);
const PLEDGEE_OF_RECORD = new RegExp(`质权人(?:为|是|：|:)(?<pledgee>${ORGANIZATION})(?=[，,。；;]|$)`, 'du');
const PLEDGED_AMOUNT = /出质股权数额(?:为|是|：|:)(?<amount>[0-9][0-9,.]*(?:万)?(?:元|股)?)/du;

/** 质押 of a registered equity pledge: the sentence names the pledgor and the pledgee, each by its legal name. */
export function registeredPledgeRecords(sentences: readonly RuleSentence[]): RuleRecord[] {
  const out: RuleRecord[] = [];
  for (const s of sentences) {
    const pledgor = PLEDGOR.exec(s.compact);
    const pledgee = PLEDGEE_OF_RECORD.exec(s.compact);
    const at = pledgor?.indices?.groups?.pledgor;
    if (!pledgor || !pledgee || !at) continue;
    const equity = PLEDGED_EQUITY.exec(s.compact);
    const amount = PLEDGED_AMOUNT.exec(s.compact);
    out.push(
      makeRecord(
        '质押',
        s.span(at[0], at[1]),
        [
          groupArgument(s, pledgor, 'pledgor', '质押方'),
          groupArgument(s, pledgee, 'pledgee', '质权方'),
          equity ? groupArgument(s, equity, 'collateral', '质押物') : undefined,
          equity ? groupArgument(s, equity, 'target', '质押物所属公司') : undefined,
          amount ? groupArgument(s, amount, 'amount', '质押股票/股份数量') : undefined,
        ],
        0.8,
      ),
    );
  }
  return out;
}
