import { type DocumentValue, documentValue } from '../normalize/index.js';
import type { DocumentValueKind } from '../vocabulary/event-schema.js';

/** The kind of value each FewFC value role holds. */
const ROLE_VALUES: Readonly<Record<string, DocumentValueKind>> = {
  money: 'money',
  amount: 'money',
  // FewFC-style quantities omit the unit ("2000万" of shares): read as share counts.
  number: 'shares',
  proportion: 'ratio',
  'share-per': 'ratio',
  'share-org': 'ratio',
  date: 'date',
};

/** Normalises a value argument by its FewFC role; null when the text does not parse as that kind. */
export function normalizeArgumentValue(
  role: string,
  text: string,
  publishedAt?: string,
): DocumentValue | null {
  return documentValue(ROLE_VALUES[role], text, publishedAt);
}
