/**
 * Records for the event types the ONNX model does not know yet (高管变动, 质押/解除质押, 股份回购, 股东增持/减持,
 * 行政处罚, 亏损), read from what filings state plainly: the title and the fixed wording of the body.
 * Precision comes first: each rule runs only under a title of its kind and only on wording that states the
 * event itself (no plans of others, negations, promises not to act, or cumulative totals).
 */
import type { ParsedDocument } from '../parse/index.js';
import { BUYBACK_TITLE, buybackRecords } from './rule-buybacks.js';
import { HOLDING_TITLE, holdingRecords } from './rule-holdings.js';
import { LOSS_TITLE, lossRecords } from './rule-losses.js';
import { OFFICER_TITLE, officerRecords } from './rule-officers.js';
import { PENALTY_TITLE, penaltyRecords } from './rule-penalties.js';
import { PLEDGE_TITLE, pledgeRecords } from './rule-pledges.js';
import { headline, ruleSentences } from './rule-text.js';
import { issuerArgument, type RuleContext, type RuleRecord } from './rule-types.js';

export type { RuleArgument, RuleContext, RuleRecord } from './rule-types.js';

export function ruleRecords(doc: ParsedDocument, ctx: RuleContext): RuleRecord[] {
  const title = headline(doc);
  const sentences = ruleSentences(doc);
  const out: RuleRecord[] = [];
  if (OFFICER_TITLE.test(title)) out.push(...officerRecords(doc, ctx, sentences));
  if (PLEDGE_TITLE.test(title)) out.push(...pledgeRecords(doc, ctx, sentences));
  if (BUYBACK_TITLE.test(title)) out.push(...buybackRecords(doc, ctx, sentences, title));
  if (HOLDING_TITLE.test(title)) {
    const stockName = issuerArgument(doc, ctx, '股票简称', true);
    out.push(...holdingRecords(doc, ctx, sentences, title, stockName));
  }
  if (PENALTY_TITLE.test(title)) out.push(...penaltyRecords(doc, ctx, sentences, title));
  if (LOSS_TITLE.test(title)) out.push(...lossRecords(doc, ctx, sentences));
  return out;
}
