import { normalizeDate, normalizeMoney, normalizePercentage, normalizeShares } from '../normalize/index.js';

/** What a value argument contributes to its event, plus a display string for the graph. */
export interface NormalizedValue {
  display: string;
  date?: string;
  amount?: number;
  currency?: string;
  shares?: number;
  ratio?: number;
}

/** Normalises a value argument by its FewFC role; null when the text does not parse as that kind. */
export function normalizeArgumentValue(
  role: string,
  text: string,
  publishedAt?: string,
): NormalizedValue | null {
  switch (role) {
    case 'money':
    case 'amount': {
      const money = normalizeMoney(text);
      return money
        ? { display: `${money.value} ${money.currency}`, amount: money.value, currency: money.currency }
        : null;
    }
    case 'number': {
      // FewFC-style quantities omit the unit ("2000万" of shares): read them as share counts.
      const shares = normalizeShares(text) ?? normalizeShares(`${text}股`);
      return shares ? { display: `${shares.shares} shares`, shares: shares.shares } : null;
    }
    case 'proportion':
    case 'share-per':
    case 'share-org': {
      const pct = normalizePercentage(text);
      if (!pct || pct.fraction === undefined) return null;
      return { display: `${pct.value}%`, ...(role === 'proportion' ? { ratio: pct.fraction } : {}) };
    }
    case 'date': {
      const date = normalizeDate(text, publishedAt ? { publishedAt } : {});
      return date ? { display: date.iso, date: date.iso } : null;
    }
    default:
      return null;
  }
}
