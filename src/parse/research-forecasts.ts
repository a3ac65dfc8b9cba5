import type { ParsedTable } from './parsed-table.js';

export type ForecastMetric = 'eps' | 'revenue' | 'net_profit' | 'pe';

export interface Forecast {
  metric: ForecastMetric;
  year: number;
  /** True for E/F-suffixed (forecast) years, false for A (actual). */
  estimate: boolean;
  /** Number as printed. */
  value: number;
  /** Unit as printed: 元, 百万元, 亿元, 万元…; empty when not stated. */
  unit: string;
  /** Value in whole currency units (元) when the unit allows it; EPS stays per share, PE is a multiple. */
  baseValue?: number;
}

const UNIT_FACTOR: Readonly<Record<string, number>> = {
  元: 1,
  '元/股': 1,
  千元: 1e3,
  万元: 1e4,
  百万元: 1e6,
  百万: 1e6,
  亿元: 1e8,
  亿: 1e8,
  倍: 1,
  x: 1,
  X: 1,
};

const YEAR_CELL = /^(20\d{2})\s*([AEFP]?)(?:年)?$/i;

function metricOf(label: string): ForecastMetric | null {
  // 市盈率 is a ratio by name; checked before growth rates (…率) are skipped.
  if (/^(?:P\/?E|市盈率)\s*(?:[（(](?:倍|x)[)）])?$/i.test(label.trim())) return 'pe';
  if (/增长|增速|同比|率|%|YoY/i.test(label)) return null;
  if (/EPS|每股收益/i.test(label)) return 'eps';
  if (/归母净利|归属.{0,8}净利润|^净利润/.test(label)) return 'net_profit';
  if (/营业(总)?收入|营收|^收入|主营收入/.test(label)) return 'revenue';
  return null;
}

function unitOf(label: string, metric: ForecastMetric): string {
  const m = /[（(]([^）)]+)[)）]/.exec(label);
  if (m?.[1]) return m[1].trim();
  if (metric === 'pe') return '倍';
  return metric === 'eps' ? '元' : '';
}

function parseNumber(cell: string): number | null {
  const text = cell.trim().replace(/,/g, '');
  const negative = /^[（(].*[)）]$/.test(text);
  const body = text.replace(/^[（(]|[)）]$/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(body)) return null;
  return negative ? -Number(body) : Number(body);
}

function withBase(f: Omit<Forecast, 'baseValue'>): Forecast {
  const factor = UNIT_FACTOR[f.unit];
  return factor === undefined ? f : { ...f, baseValue: Number((f.value * factor).toPrecision(12)) };
}

/** Reads forecast rows from a grid whose header row holds years (2024A 2025E 2026E). */
export function forecastsFromRows(rows: string[][]): Forecast[] {
  const out: Forecast[] = [];
  let years: Array<{ col: number; year: number; estimate: boolean }> = [];
  for (const row of rows) {
    const yearCells = row
      .map((cell, col) => ({ col, m: YEAR_CELL.exec(cell.trim()) }))
      .filter((c): c is { col: number; m: RegExpExecArray } => c.m !== null);
    if (yearCells.length >= 2) {
      years = yearCells.map(({ col, m }) => ({
        col,
        year: Number(m[1]),
        estimate: /[EFP]/i.test(m[2] ?? ''),
      }));
      continue;
    }
    if (years.length === 0) continue;
    const label = row[0]?.trim() ?? '';
    const metric = metricOf(label);
    if (!metric) continue;
    const unit = unitOf(label, metric);
    // Text rows may lose empty cells; align from the right when the counts differ.
    const offset = row.length - 1 === years.length ? 1 - (years[0]?.col ?? 1) : 0;
    for (const y of years) {
      const value = parseNumber(row[y.col + offset] ?? '');
      if (value !== null) out.push(withBase({ metric, year: y.year, estimate: y.estimate, value, unit }));
    }
  }
  return out;
}

/** Lines such as "营业收入(百万元) 1,234 1,456 1,789" become rows. */
export function rowsFromText(text: string): string[][] {
  return text.split('\n').map((line) => line.trim().split(/\t+|\s+/));
}

const METRIC_WORDS =
  '(营业总收入|营业收入|营收|收入|归母净利润|归属于母公司(?:股东的)?净利润|净利润|EPS|每股收益|P/?E|市盈率)';

/** "预计公司2025-2027年营业收入分别为12.3/15.6/18.9亿元，EPS分别为0.85/1.06/1.35元" */
export function forecastsFromSentences(text: string): Forecast[] {
  const out: Forecast[] = [];
  for (const sentence of text.split(/[。\n]/)) {
    const range = /(20\d{2})\s*[-–—~至到]\s*(20\d{2})\s*年/.exec(sentence);
    if (!range?.[1] || !range[2]) continue;
    const first = Number(range[1]);
    const re = new RegExp(
      `${METRIC_WORDS}[^，,；;。]{0,12}?分别为\\s*((?:-?[\\d.,]+\\s*(?:亿元|万元|百万元|元|倍)?\\s*[/、，和及与]\\s*)+-?[\\d.,]+)\\s*(亿元|万元|百万元|元|倍)?`,
      'g',
    );
    for (const m of sentence.matchAll(re)) {
      const metric = metricOf(m[1] ?? '');
      if (!metric || !m[2]) continue;
      const values = m[2].split(/\s*[/、，和及与]\s*/).map((v) => v.replace(/(亿元|万元|百万元|元|倍)$/, ''));
      const unit = m[3] ?? (metric === 'pe' ? '倍' : metric === 'eps' ? '元' : '');
      values.forEach((v, i) => {
        const value = parseNumber(v);
        if (value !== null) {
          out.push(withBase({ metric, year: first + i, estimate: true, value, unit }));
        }
      });
    }
  }
  return out;
}

/** Tables first (most reliable), then text rows, then prose; the first source wins per metric/year. */
export function collectForecasts(text: string, tables: ParsedTable[]): Forecast[] {
  const all = [
    ...tables.flatMap((t) => forecastsFromRows(t.rows)),
    ...forecastsFromRows(rowsFromText(text)),
    ...forecastsFromSentences(text),
  ];
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = `${f.metric}:${f.year}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
