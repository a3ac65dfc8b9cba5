import type { DocumentValueKind } from '../vocabulary/event-schema.js';
import { normalizeDate } from './dates.js';
import { type Money, normalizeMoney } from './money.js';
import { officerChangeLabel } from './officer-change.js';
import { normalizePercentage } from './percentage.js';
import { RANGE_JOIN_WORDS } from './range-join.js';
import { normalizeShares } from './shares.js';

/** A value (an argument's, a record's) as the graph shows it and as records report it. */
export interface DocumentValue {
  display: string;
  /** yuan (or the stated currency's units), shares, a fraction, or an ISO date. */
  value: number | string;
  currency?: string;
  /** The lower end of an amount stated as a range (value is the upper end). */
  low?: number;
}

/** The range words, plus 且 (不低于1亿元且不超过2亿元) and a hyphen between two figures (a leading one is a minus). */
const RANGE_JOIN = new RegExp(`${RANGE_JOIN_WORDS}|且|(?<=\\S)-(?=\\s*\\d)`);
/**
 * What follows a range's upper figure: a lower end stated bare (1至2亿元) takes its magnitude and
 * currency (亿元), one with its own magnitude (5000万-1亿元) the currency only (元).
 */
const RANGE_UNIT = /(?<=\d)[^\d.,]+$/u;
const RANGE_CURRENCY = /[^\d.,，零〇一二两三四五六七八九十百千万亿]+$/u;

/**
 * The two ends of an amount stated as range, as written; undefined when the text states none. A record
 * keeps the upper end as its amount (a plan's maximum, the larger loss of a warning).
 */
function rangeEnds(text: string): { low: string; high: string } | undefined {
  const parts = text.split(RANGE_JOIN);
  if (parts.length !== 2) return undefined;
  const inclusive = /[（(]含[）)]\s*$/;
  const high = (parts[1] ?? '').replace(/^\s*(?:不超过|不高于|最多)?/, '').replace(inclusive, '');
  const low = (parts[0] ?? '').replace(/^\s*(?:不低于|不少于|最少|至少)?/, '').replace(inclusive, '');
  return { low, high };
}

/** A stated money range's ends in one currency, the lower end below the upper; undefined otherwise. */
function moneyRange(ends: { low: string; high: string }): { low: Money; high: Money } | undefined {
  if (!ends.low.trim()) return undefined;
  const high = normalizeMoney(ends.high);
  // A bare figure (1至2亿元) is in the upper end's unit, not in yuan.
  const unit = RANGE_UNIT.exec(ends.high.trim())?.[0];
  const bare = /^[\s\d.,]+$/.test(ends.low);
  const low = bare
    ? unit && normalizeMoney(ends.low + unit)
    : (normalizeMoney(ends.low) ?? normalizeMoney(ends.low + (RANGE_CURRENCY.exec(ends.high)?.[0] ?? '')));
  if (!high || !low || low.currency !== high.currency || low.value >= high.value) return undefined;
  return { low, high };
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
      const single = normalizeMoney(text);
      const ends = single ? undefined : rangeEnds(text);
      const range = ends && moneyRange(ends);
      const money = single ?? range?.high ?? (ends && normalizeMoney(ends.high));
      if (!money) return null;
      return {
        display: `${money.value} ${money.currency}`,
        value: money.value,
        currency: money.currency,
        ...(range ? { low: range.low.value } : {}),
      };
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
    case 'change': {
      const label = officerChangeLabel(text);
      return label ? { display: label, value: label } : null;
    }
    default:
      return null;
  }
}
