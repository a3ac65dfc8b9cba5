import type { RecordMention } from './document-events.js';

/**
 * A funding story recalls the company's earlier rounds (此前，X已获得多轮融资：2014年获得A轮投资…; X曾获得Y的
 * 天使轮融资): that history is background (GUIDELINE §2), not the item's news. A 企业融资 mention whose sentence
 * marks its round as earlier gives way where another financing mention of the document tells the news.
 */
const EARLIER_ROUND =
  /(?:^|[，,。；;：:\s])(?:此前|先前|之前|早前|历史上)|曾(?:经)?(?:获|完成|进行|拿到)|上一?轮|前几轮|多轮融资/;

export function withoutRecalledRounds(mentions: readonly RecordMention[]): RecordMention[] {
  const recalled = (m: RecordMention) => m.documentType === '企业融资' && EARLIER_ROUND.test(m.sentenceText);
  const news = mentions.some((m) => m.documentType === '企业融资' && !recalled(m));
  return news ? mentions.filter((m) => !recalled(m)) : [...mentions];
}
