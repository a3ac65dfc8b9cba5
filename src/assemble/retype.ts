/**
 * The model knows FewFC's ten types; real filings tell events of types it lacks in the same words.
 * A pledge release reads as 质押, a buy-back as a share transfer, a share increase as an investment,
 * the pieces of one acquisition as investment and transfer mentions, and a regulator's penalty as a lawsuit. These rules give such a
 * mention the record type the wording shows, with the roles it fills there.
 */
import type { SentenceEvent } from '../link/index.js';

export interface Retyped {
  /** The schema type name of the record (解除质押, 股份回购, 企业收购's model type 收购, …). */
  type: string;
  /** Model role → document role in the new type; roles missing here fill nothing. */
  roles: Readonly<Record<string, string>>;
  /** The document role the issuer fills when the announcement tells its own event. */
  issuerRole?: string;
}

/** A release; not one still outstanding (未解押的质押) nor a pledge's risk being resolved (化解质押风险). */
const RELEASE =
  /(?<![未化])(?:解除(股份|股票)?质押|解押|解质|质押(的)?解除|解除.{0,10}质押|质押.{0,4}到期.{0,4}(购回|解除))/;
/** A new pledge told beside a release (办理了质押业务…及解除质押): then only the trigger's own words decide. */
const FRESH_PLEDGE = /(?<!解除(股份)?)质押(手续|业务|登记)|质押(及|和|与|、|以及)(部分)?(股份)?解除/;
/** A pledge coordinated with a release over one object (此次质押及解除质押435万股): the figures are both events'. */
const AND_RELEASED = /(?<!解除)质押(?:及|和|与|以及|、)解除质押/;
const BUY_BACK = /回购|购回/;
const INCREASE = /增持/;
const ACQUISITION_WORD = /^(?:收购|并购)$/;
const ACQUISITION_TITLE = /收购|购买.{0,20}(股权|股份|资产)|受让.{0,20}股权|并购/;
/**
 * Buying a company's equity (股权, an unlisted company's) or the company itself is an acquisition whatever the
 * document: "拟现金收购某公司51%的股权", "受让某公司30%股权". A listed company's 股份 changing hands is a transfer.
 */
const ACQUIRES_EQUITY = /^(?:收购|并购|购买|受让)[^，。；]{0,40}?(?:股权|全部资产|资产包)/;
/** Subscribing a placing: the subscribers finance the issuer. */
const SUBSCRIBES_PLACING = /非公开发行|定向增发|定增|配售|向特定对象发行/;
const FINANCING_FROM_TRANSFER = {
  'obj-org': '投资方',
  'obj-per': '投资方',
  'target-company': '被投资方',
  money: '融资金额',
  date: '事件时间',
};
const FINANCING_FROM_INVESTMENT = { sub: '投资方', money: '融资金额', date: '事件时间' };
/**
 * New equity the investee issues to its investors (a funding round, preferred shares, a capital increase that
 * brings in investors, new registered capital subscribed): the investee's 企业融资 (guideline §2), whoever the
 * sentence puts first. Investing in a fund, a joint venture or a project company stays 投资.
 */
const ISSUES_NEW_EQUITY = /(?:[A-Ea-e]\+?|天使|种子|Pre-?[A-Ea-e]\+?)轮|优先股|增资扩股|新增注册资本/;
const FUNDING_FROM_INVESTMENT = { sub: '投资方', obj: '被投资方', money: '融资金额', date: '事件时间' };

const PLEDGE_ROLES = {
  'sub-org': '质押方',
  'sub-per': '质押方',
  'obj-org': '质权方',
  'obj-per': '质权方',
  collateral: '质押物',
  number: '质押股票/股份数量',
  proportion: '质押物占总股比',
  date: '事件时间',
};
const BUY_BACK_ROLES = {
  number: '回购股份数量',
  money: '交易金额',
  proportion: '占公司总股本比例',
  date: '回购完成时间',
};
const INCREASE_ROLES = { sub: '增持方', obj: '股票简称', money: '交易金额', date: '交易完成时间' };
const INCREASE_FROM_TRANSFER = {
  'obj-org': '增持方',
  'obj-per': '增持方',
  'target-company': '股票简称',
  number: '交易股票/股份数量',
  proportion: '增持部分占总股本比例',
  money: '交易金额',
  date: '交易完成时间',
};
const REDUCTION_FROM_TRANSFER = {
  'sub-org': '减持方',
  'sub-per': '减持方',
  'target-company': '股票简称',
  number: '交易股票/股份数量',
  proportion: '减持部分占总股本比例',
  money: '交易金额',
  date: '交易完成时间',
};
const REDUCTION = /减持/;
/** A regulator's sanction read as a lawsuit: the model knows 起诉/判决 but not 行政处罚. */
const PENALTY = /行政处罚|处罚决定|罚款|罚单|警告|警示函|违法行为|违规行为/;
const PENALTY_FROM_LAWSUIT = {
  'sub-org': '处罚机构',
  'obj-org': '处罚对象',
  'obj-per': '处罚对象',
  money: '罚款金额',
  date: '处罚日期',
};
/** A court's sentence read as a regulator's penalty: a fine a court imposes (罚金) is a judgement. */
const JUDGEMENT_FROM_PENALTY = {
  institution: '法院',
  obj: '被告',
  money: '判决金额',
  date: '判决时间',
};
const COURT = /法院$/;
/** A criminal court's wording: a sentence (判处) or a criminal fine (罚金), never a regulator's. */
const SENTENCED = /判处|罚金|判决/;
const ACQUISITION_FROM_INVESTMENT = {
  sub: '收购方',
  obj: '被收购方',
  money: '交易金额',
  date: '收购完成时间',
};
const ACQUISITION_FROM_TRANSFER = {
  'obj-org': '收购方',
  'obj-per': '收购方',
  'target-company': '被收购方',
  money: '交易金额',
  date: '收购完成时间',
};

/** The words that lead up to a mention's trigger, and the trigger: where its type shows. */
function triggerWindow(event: SentenceEvent, sentenceStart: number): string {
  const at = event.mention.start - sentenceStart;
  return event.sentenceText.slice(Math.max(0, at - 10), at + event.mention.text.length);
}

export interface RetypeContext {
  kind: string;
  /** The announcement's title, whose words say what the document is about. */
  title?: string;
}

/** The trigger and what follows it in its sentence. */
function fromTrigger(event: SentenceEvent, sentenceStart: number): string {
  return event.sentenceText.slice(event.mention.start - sentenceStart);
}

/** The record type a sentence mention belongs to when its wording shows a type the model lacks; undefined keeps it. */
export function retype(event: SentenceEvent, sentenceStart: number, ctx: RetypeContext): Retyped | undefined {
  const near = triggerWindow(event, sentenceStart);
  const onward = fromTrigger(event, sentenceStart);
  if (event.type === '股份股权转让' || event.type === '投资') {
    if (/^认购/.test(onward) && SUBSCRIBES_PLACING.test(event.sentenceText))
      return {
        type: '企业融资',
        roles: event.type === '投资' ? FINANCING_FROM_INVESTMENT : FINANCING_FROM_TRANSFER,
      };
    if (event.type === '投资' && ISSUES_NEW_EQUITY.test(event.sentenceText))
      return { type: '企业融资', roles: FUNDING_FROM_INVESTMENT };
    if (ACQUIRES_EQUITY.test(onward))
      return event.type === '投资'
        ? { type: '收购', roles: ACQUISITION_FROM_INVESTMENT, issuerRole: '收购方' }
        : { type: '收购', roles: ACQUISITION_FROM_TRANSFER, issuerRole: '收购方' };
  }
  switch (event.type) {
    case '质押':
      return RELEASE.test(near) ||
        (RELEASE.test(event.sentenceText) && !FRESH_PLEDGE.test(event.sentenceText))
        ? { type: '解除质押', roles: PLEDGE_ROLES }
        : undefined;
    case '股份股权转让':
      if (BUY_BACK.test(near)) return { type: '股份回购', roles: BUY_BACK_ROLES, issuerRole: '回购方' };
      if (INCREASE.test(event.trigger)) return { type: '股东增持', roles: INCREASE_FROM_TRANSFER };
      if (REDUCTION.test(event.trigger)) return { type: '减持', roles: REDUCTION_FROM_TRANSFER };
      if (ctx.kind === 'announcement' && ctx.title && ACQUISITION_TITLE.test(ctx.title))
        return { type: '收购', roles: ACQUISITION_FROM_TRANSFER, issuerRole: '收购方' };
      return undefined;
    case '投资':
      if (INCREASE.test(near)) return { type: '股东增持', roles: INCREASE_ROLES };
      // The model's 投资 on the word 收购 or 并购 itself: the word names the deal (对于此次收购, 促进…并购事宜).
      if (ACQUISITION_WORD.test(event.trigger))
        return { type: '收购', roles: ACQUISITION_FROM_INVESTMENT, issuerRole: '收购方' };
      if (ctx.kind === 'announcement' && ctx.title && ACQUISITION_TITLE.test(ctx.title))
        return { type: '收购', roles: ACQUISITION_FROM_INVESTMENT, issuerRole: '收购方' };
      return undefined;
    case '行政处罚':
      return event.arguments.some((a) => a.role === 'institution' && COURT.test(a.text)) ||
        (SENTENCED.test(event.sentenceText) && !event.arguments.some((a) => a.role === 'institution'))
        ? { type: '判决', roles: JUDGEMENT_FROM_PENALTY }
        : undefined;
    case '起诉':
    case '判决':
      return PENALTY.test(near) ? { type: '行政处罚', roles: PENALTY_FROM_LAWSUIT } : undefined;
    case '收购':
      return BUY_BACK.test(near)
        ? { type: '股份回购', roles: BUY_BACK_ROLES, issuerRole: '回购方' }
        : undefined;
    default:
      return undefined;
  }
}

/** Whether a pledge mention's sentence coordinates the pledge with a release, so that it tells a release too. */
export function pledgedAndReleased(event: SentenceEvent): boolean {
  return event.type === '质押' && AND_RELEASED.test(event.sentenceText);
}
