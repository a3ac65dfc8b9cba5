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

/** Words that join the two ends of a stated range: 60百万港元至70百万港元, 不低于1亿元且不超过2亿元. */
const RANGE_JOIN = /至|到|~|～|－|—|且/;

/**
 * The upper end of an amount stated as a range, which a record keeps as its amount (a plan's maximum,
 * the larger loss of a warning); the text itself when it states none.
 */
function rangeTop(text: string): string {
  const parts = text.split(RANGE_JOIN);
  if (parts.length !== 2) return text;
  return (parts[1] ?? '').replace(/^\s*(?:不超过|不高于|最多)?/, '').replace(/[（(]含[）)]\s*$/, '');
}

/** Normalises the text of a value by its kind (a role's, from the schema); null when it does not parse as that kind. */
export function documentValue(
  kind: DocumentValueKind | undefined,
  raw: string,
  publishedAt?: string,
): DocumentValue | null {
  // HKEX filings write their units in Traditional script (百萬港元, 億股).
  const text = raw.replace(/萬/g, '万').replace(/億/g, '亿');
  switch (kind) {
    case 'money': {
      const money = normalizeMoney(text) ?? normalizeMoney(rangeTop(text));
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
