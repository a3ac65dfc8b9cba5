/**
 * Records for the event types the ONNX model does not know yet (高管变动, 质押/解除质押, 股份回购, 股东增持/减持,
 * 行政处罚, 亏损, 被约谈, 公司上市, 企业破产, an HKEX offering's 企业融资), read from what filings state plainly: the title and the fixed wording of the body.
 * Precision comes first: each rule runs only under a title of its kind and only on wording that states the
 * event itself (no negations, promises not to act, candidates, advance notices, or cumulative totals).
 *
 * Decisions:
 * - Ranges give their upper bound as `value` (回购资金总额, 回购股份数量, 占总股本比例, 净亏损 = the larger loss),
 *   matching the 价格上限 of a buy-back; `text` keeps the whole range as written.
 * - 变动类型 keeps the word as written in `text`; `value` is the guideline's label (normalize/officer-change.ts).
 * - Amounts get a `value` in yuan only when the currency is CNY; HKD/USD amounts keep their text only.
 * - Issuer roles (任职公司, 回购方, 公司名称, 股票简称) point at the issuer's first mention in the text,
 *   from `ctx.issuer` or the parsed header, and are left out when it is not mentioned.
 * - A plan (计划/拟减持) is a 股东增持/股东减持 event; it has no 交易完成时间.
 */
import type { ParsedDocument } from '../parse/index.js';
import { documentYear } from './recalled-history.js';
import { BANKRUPTCY_WORD, bankruptcyRecords } from './rule-bankruptcies.js';
import {
  BUYBACK_TITLE,
  buybackRecords,
  MANDATE,
  mandateBuybackRecords,
  newsBuybackRecords,
  reportBuybackRecords,
} from './rule-buybacks.js';
import { OFFERING_TITLE, offeringRecords, PLACEMENT_WORD, placementRecords } from './rule-financings.js';
import { HOLDING_TITLE, holdingRecords } from './rule-holdings.js';
import { INVESTMENT_WORD, investmentRecords } from './rule-investments.js';
import { judgmentRecords, LAWSUIT_WORD, lawsuitRecords } from './rule-lawsuits.js';
import { LISTING_WORD, listingRecords } from './rule-listings.js';
import { LOSS_TITLE, lossRecords, reportedLossRecords } from './rule-losses.js';
import { OFFICER_TITLE, officerRecords } from './rule-officers.js';
import { PENALTY_TITLE, penaltyRecords } from './rule-penalties.js';
import {
  PLEDGE_TITLE,
  pledgeRecords,
  REGISTERED_PLEDGE_WORD,
  registeredPledgeRecords,
} from './rule-pledges.js';
import { NAMED_SIGNING_WORD, namedSigningRecords } from './rule-signings.js';
import { SUMMONS_WORD, summonsRecords } from './rule-summons.js';
import { clauseRuns, headline, ruleSentences } from './rule-text.js';
import { issuerArgument, type RuleContext, type RuleRecord } from './rule-types.js';
import { titleTopics } from './title-topics.js';

export type { RuleArgument, RuleContext, RuleRecord } from './rule-types.js';

export function ruleRecords(doc: ParsedDocument, ctx: RuleContext): RuleRecord[] {
  const title = headline(doc);
  const sentences = ruleSentences(doc);
  const out: RuleRecord[] = [];
  if (OFFICER_TITLE.test(title)) out.push(...officerRecords(doc, ctx, sentences));
  if (PLEDGE_TITLE.test(title)) out.push(...pledgeRecords(doc, ctx, sentences));
  // An equity pledge's registration (出质人…质权人…) is fixed wording wherever a story quotes it.
  if (doc.kind !== 'announcement' && REGISTERED_PLEDGE_WORD.test(doc.modelText))
    out.push(...registeredPledgeRecords(sentences));
  // News name the company buying back in each sentence; a filing's title and issuer say it once.
  const newsBuybacks = doc.kind === 'news' || doc.kind === 'other' ? newsBuybackRecords(sentences) : [];
  out.push(...newsBuybacks);
  const buybacks =
    newsBuybacks.length === 0 && BUYBACK_TITLE.test(title) ? buybackRecords(doc, ctx, sentences, title) : [];
  out.push(...buybacks);
  // A broker note tells the covered company's buy-back as 公司拟…回购, under a headline about anything.
  const reportBuybacks =
    doc.kind === 'research_report' || (doc.kind === 'other' && newsBuybacks.length === 0)
      ? reportBuybackRecords(doc, ctx, sentences)
      : [];
  out.push(...reportBuybacks);
  // A buy-back mandate put to shareholders (HKEX circulars, poll results, a story on them) is a plan with its
  // maximums; a mandate to issue shares is none (guideline §2).
  const retold = doc.kind === 'news' && newsBuybacks.length === 0;
  if ((doc.kind === 'announcement' || retold) && buybacks.length === 0 && MANDATE.test(doc.modelText))
    out.push(...mandateBuybackRecords(doc, ctx, sentences));
  if (HOLDING_TITLE.test(title)) {
    const stockName = issuerArgument(doc, ctx, '股票简称', true);
    out.push(...holdingRecords(doc, ctx, sentences, title, stockName));
  }
  if (doc.kind === 'announcement' && OFFERING_TITLE.test(title))
    out.push(...offeringRecords(doc, ctx, sentences));
  // News and broker notes tell a listed company's placing or convertible issue with the money it raises.
  if (doc.kind !== 'announcement' && PLACEMENT_WORD.test(doc.modelText))
    out.push(...placementRecords(doc, ctx, sentences));
  if (PENALTY_TITLE.test(title)) out.push(...penaltyRecords(doc, ctx, sentences, title));
  // Broker notes and data-feed news state a period's results in fixed wording, under any headline.
  const reported = doc.kind === 'announcement' ? [] : reportedLossRecords(doc, ctx, clauseRuns(doc));
  out.push(...reported);
  if (reported.length === 0 && LOSS_TITLE.test(title)) out.push(...lossRecords(doc, ctx, sentences));
  // A summons is news wording with no announcement title of its own: the word in the text decides.
  if (SUMMONS_WORD.test(doc.modelText)) out.push(...summonsRecords(sentences));
  // A suit's parties stand in fixed wording (原告…被告…, X诉Y…纠纷, 被X起诉) in filings and news alike.
  // A court's ruling on such a suit names the court before its judgment (X法院经审理，判决…).
  if (LAWSUIT_WORD.test(doc.modelText)) {
    const suits = lawsuitRecords(doc, ctx, sentences);
    out.push(...suits, ...judgmentRecords(sentences, suits));
  }
  // Listing steps are news wording too; in filings only a listing notice tells one (elsewhere it is history).
  const topics = doc.kind === 'announcement' ? titleTopics(title) : undefined;
  const listingFiling = topics?.has('公司上市') ?? false;
  const newsLike = doc.kind === 'news' || doc.kind === 'other';
  if ((newsLike || listingFiling) && LISTING_WORD.test(doc.modelText))
    out.push(...listingRecords(sentences, documentYear(doc.text, ctx.publishedAt)));
  // News name a signed agreement, its company and its counterparty in one clause (公司与Y签订《Z》).
  if (newsLike && NAMED_SIGNING_WORD.test(doc.modelText))
    out.push(...namedSigningRecords(doc, ctx, sentences));
  // News and notes state the story's company putting money into an entity (向Y增资, 拟N元投资Y, 出资…设立Y).
  if (doc.kind !== 'announcement' && INVESTMENT_WORD.test(doc.modelText))
    out.push(...investmentRecords(doc, ctx, sentences));
  const bankruptcyFiling = topics?.has('企业破产') ?? false;
  if ((newsLike || bankruptcyFiling) && BANKRUPTCY_WORD.test(doc.modelText))
    out.push(...bankruptcyRecords(sentences));
  return out;
}
