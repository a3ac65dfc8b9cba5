import type { DocumentValueKind } from '../vocabulary/event-schema.js';
import { normalizeDate } from './dates.js';
import { normalizeMoney } from './money.js';
import { normalizePercentage } from './percentage.js';
import { normalizeShares } from './shares.js';

/** A value (an argument's, a record's) as the graph shows it and as records report it. */
export interface DocumentValue {
  display: string;
  /** yuan (or the stated currency's units), shares, a fraction, or an ISO date. */
  value: number | string;
  currency?: string;
}

/** Normalises the text of a value by its kind (a role's, from the schema); null when it does not parse as that kind. */
export function documentValue(
  kind: DocumentValueKind | undefined,
  text: string,
  publishedAt?: string,
): DocumentValue | null {
  switch (kind) {
    case 'money': {
      const money = normalizeMoney(text);
      return money
        ? { display: `${money.value} ${money.currency}`, value: money.value, currency: money.currency }
        : null;
    }
    case 'shares': {
      // Quantities often omit the unit ("2000万" of shares): read them as share counts.
      const shares = normalizeShares(text) ?? normalizeShares(`${text}股`);
      return shares ? { display: `${shares.shares} shares`, value: shares.shares } : null;
    }
    case 'ratio': {
      const pct = normalizePercentage(text);
      if (!pct || pct.fraction === undefined) return null;
      return { display: `${pct.value}%`, value: Math.round(pct.fraction * 1e8) / 1e8 };
    }
    case 'date': {
      const date = normalizeDate(text, publishedAt ? { publishedAt } : {});
      return date ? { display: date.iso, value: date.iso } : null;
    }
    default:
      return null;
  }
}
