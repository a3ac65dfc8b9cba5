import type { GraphDocument, LinkedSentence } from '../../src/link/graph-document.js';

export interface Party {
  key: string;
  name: string;
}

export interface PledgeNotice {
  documentId: string;
  title: string;
  publishedAt: string;
  /** The pledge's own day and share count. */
  date: string;
  shares: number;
  holder: Party;
  bank: Party;
}

/** A linked one-sentence notice of a pledge by `holder` to `bank`, as the graph writer takes it. */
export function pledgeNotice({
  documentId,
  title,
  publishedAt,
  date,
  shares,
  holder,
  bank,
}: PledgeNotice): GraphDocument {
  const text = `${holder.name}将所持股份质押给${bank.name}。`;
  const sentence: LinkedSentence = { index: 0, page: 1, start: 0, end: text.length, text };
  const span = (needle: string) => {
    const start = text.indexOf(needle);
    return { sentence: 0, start, end: start + needle.length, text: needle, confidence: 0.9 };
  };
  return {
    document: {
      id: documentId,
      kind: 'announcement',
      title,
      publishedAt,
      pageCount: 1,
      modelVersion: 'test',
      processedAt: '2026-01-01T00:00:00Z',
    },
    sentences: [sentence],
    entities: [
      { key: holder.key, label: 'Company', name: holder.name },
      { key: bank.key, label: 'Organization', name: bank.name, category: 'bank' },
    ],
    mentions: [],
    events: [
      {
        id: `${documentId}:e0`,
        type: '质押',
        typeKey: 'pledge',
        documentType: '质押',
        trigger: '质押',
        date,
        shares,
        confidence: 0.9,
        mentions: [span('质押')],
        arguments: [
          {
            ...span(holder.name),
            role: 'sub-org',
            roleKey: 'pledgor org',
            entityKey: holder.key,
            label: 'Company',
          },
          {
            ...span(bank.name),
            role: 'obj-org',
            roleKey: 'pledgee org',
            entityKey: bank.key,
            label: 'Organization',
          },
          { ...span('股份'), role: 'number', roleKey: 'pledged shares', value: String(shares) },
        ],
      },
    ],
  };
}
