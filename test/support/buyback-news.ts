import type { GraphDocument } from '../../src/link/graph-document.js';

/**
 * One buy-back told by news items of `prefix`: `buyback(id, linked)` names the company with its H-share
 * code when `linked`, else only in words (a party with no entity), for the late-party link.
 */
export function buybackNews(prefix: string) {
  const name = `${prefix}淼集团`;
  const company = {
    key: `${prefix}-hk`,
    label: 'Company' as const,
    name,
    hkCode: '09999',
    shortNames: [name],
  };
  /** A news item's buy-back of 140万股 for 2598.54万港元; `linked` when it names the company with its code. */
  const buyback = (id: string, linked: boolean): GraphDocument => {
    const text = `${name}回购140万股，耗资2598.54万港元。`;
    const at = (needle: string) => {
      const start = text.indexOf(needle);
      return { sentence: 0, start, end: start + needle.length, text: needle, confidence: 0.75 };
    };
    const documentId = `${prefix}-${id}`;
    return {
      document: {
        id: documentId,
        kind: 'news',
        title: id,
        pageCount: 1,
        modelVersion: 'test',
        processedAt: '2026-01-01T00:00:00Z',
      },
      sentences: [{ index: 0, page: 1, start: 0, end: text.length, text }],
      entities: linked ? [company] : [],
      mentions: [],
      events: [
        {
          id: `${documentId}:e0`,
          type: '股份回购',
          typeKey: 'share buy-back',
          documentType: '股份回购',
          trigger: '回购',
          amount: 25_985_400,
          currency: 'HKD',
          shares: 1_400_000,
          confidence: 0.75,
          mentions: [at('回购')],
          arguments: [
            {
              ...at(name),
              role: '回购方',
              roleKey: 'buyer back',
              documentRole: '回购方',
              ...(linked ? { entityKey: company.key, label: 'Company' as const } : {}),
            },
            {
              ...at('140万股'),
              role: '回购股份数量',
              roleKey: 'bought back quantity',
              documentRole: '回购股份数量',
              value: '1400000 shares',
            },
          ],
        },
      ],
    };
  };
  return { company, name, buyback };
}
