// Display helpers: numbers the way Chinese financial text writes them, compactly.

export function formatAmount(amount: { value: number; currency: string | null } | null): string {
  if (!amount) return '';
  const { value, currency } = amount;
  const unit = currency === 'CNY' || currency === null ? '元' : ` ${currency}`;
  if (Math.abs(value) >= 1e8) return `${trim(value / 1e8)}亿${unit}`;
  if (Math.abs(value) >= 1e4) return `${trim(value / 1e4)}万${unit}`;
  return `${trim(value)}${unit}`;
}

export function formatShares(shares: number | null): string {
  if (shares === null) return '';
  if (shares >= 1e8) return `${trim(shares / 1e8)}亿股`;
  if (shares >= 1e4) return `${trim(shares / 1e4)}万股`;
  return `${trim(shares)}股`;
}

export const formatRatio = (ratio: number | null) => (ratio === null ? '' : `${trim(ratio * 100)}%`);

export const formatConfidence = (confidence: number | null) =>
  confidence === null ? '' : `${Math.round(confidence * 100)}%`;

const trim = (n: number) => String(Number(n.toFixed(2)));

/** A report's target price as printed: one value or a range (6.5–7 CNY). */
export function formatTargetPrice(r: {
  targetPrice: number | null;
  targetPriceHigh: number | null;
  currency: string | null;
}): string {
  if (r.targetPrice === null) return '';
  const high = r.targetPriceHigh !== null ? `–${trim(r.targetPriceHigh)}` : '';
  return `${trim(r.targetPrice)}${high} ${r.currency ?? ''}`.trim();
}

/** The figures of an event in one line: amount, shares, ratio. */
export function eventFigures(e: {
  amount: { value: number; currency: string | null } | null;
  shares: number | null;
  ratio: number | null;
}): string {
  return [formatAmount(e.amount), formatShares(e.shares), formatRatio(e.ratio)].filter(Boolean).join(' · ');
}

const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#9333ea',
  '#ea580c',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
  '#65a30d',
  '#7c3aed',
  '#0d9488',
];

// Graph node labels get fixed colours, so a kind of node looks the same in every view.
const LABEL_COLOURS: Record<string, string> = {
  Company: '#2563eb',
  Person: '#dc2626',
  Organization: '#16a34a',
  Event: '#ea580c',
  Document: '#64748b',
  Analyst: '#9333ea',
  Broker: '#0891b2',
};

/** A stable colour per name (event type, broker, node label), the same on every page. */
export function colourOf(name: string): string {
  const fixed = LABEL_COLOURS[name];
  if (fixed) return fixed;
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#4b5563';
}

export const KIND_NAMES: Record<string, string> = {
  announcement: '公告 announcement',
  research_report: '研报 research report',
  news: '新闻 news',
  other: 'other',
};

const ENTITY_PATHS: Record<string, string> = {
  Company: '/companies',
  Person: '/people',
  Organization: '/organizations',
};

/** The dashboard page of a company, person or organisation; undefined for other labels. */
export function entityPath(label: string, key: string): string | undefined {
  const base = ENTITY_PATHS[label];
  return base ? `${base}/${encodeURIComponent(key)}` : undefined;
}
