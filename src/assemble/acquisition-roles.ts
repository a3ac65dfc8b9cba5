/**
 * The roles of an acquisition (企业收购) as news and broker notes tell it.
 *
 * - The model reads any date of an acquisition's sentence as its completion (收购完成时间), mostly the day the
 *   buyer announced or proposed the deal (7月27日公司公告称，拟…收购). The guideline fills the role only with the
 *   day the deal completed, so a date stays only where the words after it say so (完成, 交割, 过户, 收购了).
 * - A listed company and the subsidiary it buys through (全资子公司X出资3亿元收购…) are both read as buyers; the
 *   buyer is the entity that buys, the subsidiary, and the parent read beside it goes.
 */
import type { EventArgumentRow } from '../link/index.js';
import type { SentenceOf } from './financing-parties.js';
import { namedAsSubsidiary } from './type-wording.js';

const BUYER = '收购方';
const COMPLETED_AT = '收购完成时间';

/** Words saying the deal is done; 预计/将/拟 before them make it a plan (预计将于1月28日完成交易). */
const COMPLETED = /完成|交割|过户|办理完毕|收购了|购买了|买下了|已(?:经)?收购/u;
const PLANNED = /预计|将于|将在|拟|计划|有望|筹划|预期/u;

/** The rest of the argument's sentence up to the clause that ends it (。；). */
function restOfStatement(a: EventArgumentRow, sentenceOf: SentenceOf): string {
  const sentence = sentenceOf(a);
  if (!sentence) return '';
  const tail = sentence.text.slice(a.end - sentence.start);
  const end = tail.search(/[。；;]/u);
  return end < 0 ? tail : tail.slice(0, end);
}

/** Whether the words after a date say the acquisition completed on it. */
export function statesCompletion(after: string): boolean {
  const done = COMPLETED.exec(after);
  return done !== null && !PLANNED.test(after.slice(0, done.index));
}

/** Whether the sentence introduces the buyer as a subsidiary (全资子公司X, 附属公司X). */
function buysAsSubsidiary(a: EventArgumentRow, sentenceOf: SentenceOf): boolean {
  const sentence = sentenceOf(a);
  return !!sentence && namedAsSubsidiary(sentence.text, a.start - sentence.start);
}

function sameName(a: EventArgumentRow, b: EventArgumentRow): boolean {
  if (a.entityKey && b.entityKey) return a.entityKey === b.entityKey;
  return a.text.replace(/\s+/gu, '') === b.text.replace(/\s+/gu, '');
}

/** Tidies an 企业收购 record's completion date and buyer in place (see above). */
export function tidyAcquisitionRoles(args: EventArgumentRow[], sentenceOf: SentenceOf): void {
  const buyers = args.filter((a) => a.documentRole === BUYER);
  const subsidiaries = buyers.filter((a) => !a.inferred && buysAsSubsidiary(a, sentenceOf));
  const drop = (a: EventArgumentRow): boolean => {
    if (a.inferred) return false;
    if (a.documentRole === COMPLETED_AT) return !statesCompletion(restOfStatement(a, sentenceOf));
    if (a.documentRole === BUYER) return subsidiaries.length > 0 && !subsidiaries.some((s) => sameName(s, a));
    return false;
  };
  const kept = args.filter((a) => !drop(a));
  args.splice(0, args.length, ...kept);
}
