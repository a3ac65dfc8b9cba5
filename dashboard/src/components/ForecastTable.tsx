import type { BrokerRating } from '../api/types';
import { formatAmount } from '../format';

type Forecast = BrokerRating['forecasts'][number];

const METRIC_NAMES: Record<string, string> = {
  revenue: '营业收入',
  net_profit: '归母净利润',
  eps: 'EPS',
  pe: 'PE',
};
const METRIC_ORDER = ['revenue', 'net_profit', 'eps', 'pe'];

function formatForecast(f: Forecast): string {
  if (f.unit === '元') return formatAmount({ value: f.value, currency: 'CNY' });
  if (f.unit === '元/股') return `${Number(f.value.toFixed(3))}元`;
  if (f.unit === '倍') return `${Number(f.value.toFixed(1))}x`;
  return `${f.value} ${f.unit}`;
}

/**
 * Each report's forecasts, newest report first: broker and report date, a row per metric, a column per
 * year; actual (A) years are greyed.
 */
export function ForecastTable({ ratings }: { ratings: BrokerRating[] }) {
  const reports = [...ratings].filter((r) => r.forecasts.length > 0).reverse();
  if (reports.length === 0) return null;
  const years = [...new Set(reports.flatMap((r) => r.forecasts.map((f) => f.year)))].sort();
  return (
    <>
      <h3>Forecasts by broker and report date</h3>
      <table className="list" data-testid="forecasts">
        <thead>
          <tr>
            <th>date</th>
            <th>broker</th>
            <th>forecast</th>
            {years.map((y) => (
              <th key={y}>{y}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reports.flatMap((r) => {
            const metrics = METRIC_ORDER.filter((m) => r.forecasts.some((f) => f.metric === m));
            // Date and broker once per report, spanning its metric rows.
            return metrics.map((metric, i) => (
              <tr key={`${r.documentId}:${metric}`}>
                {i === 0 && (
                  <>
                    <td className="nowrap" rowSpan={metrics.length}>
                      {r.date?.slice(0, 10) ?? ''}
                    </td>
                    <td rowSpan={metrics.length}>{r.broker ?? ''}</td>
                  </>
                )}
                <td>{METRIC_NAMES[metric] ?? metric}</td>
                {years.map((y) => {
                  const f = r.forecasts.find((x) => x.metric === metric && x.year === y);
                  return (
                    <td key={y} className={f && !f.estimate ? 'muted' : undefined}>
                      {f ? formatForecast(f) : ''}
                    </td>
                  );
                })}
              </tr>
            ));
          })}
        </tbody>
      </table>
    </>
  );
}
