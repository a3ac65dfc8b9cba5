import { useEffect, useMemo, useRef } from 'react';
import type { BrokerRating } from '../api/types';
import { colourOf, formatTargetPrice } from '../format';
import { Chart } from './charts';

/** Target price over time, one line per broker; the tooltip gives the rating and its change. */
export function RatingChart({ ratings }: { ratings: BrokerRating[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { dates, brokers, at } = useMemo(() => {
    const dated = ratings.filter((r) => r.date !== null);
    const keyOf = (r: BrokerRating) => `${r.broker ?? 'unknown broker'}|${(r.date ?? '').slice(0, 10)}`;
    return {
      dates: [...new Set(dated.map((r) => (r.date ?? '').slice(0, 10)))].sort(),
      brokers: [...new Set(dated.map((r) => r.broker ?? 'unknown broker'))].sort(),
      at: new Map(dated.map((r) => [keyOf(r), r])),
    };
  }, [ratings]);

  useEffect(() => {
    if (!canvas.current || dates.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: dates,
        datasets: brokers.map((broker) => ({
          label: broker,
          data: dates.map((d) => at.get(`${broker}|${d}`)?.targetPrice ?? null),
          borderColor: colourOf(broker),
          backgroundColor: colourOf(broker),
          spanGaps: true,
          pointRadius: 5,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { title: { display: true, text: 'target price' } } },
        plugins: {
          tooltip: {
            callbacks: {
              afterLabel: (item) => {
                const r = at.get(`${item.dataset.label}|${dates[item.dataIndex]}`);
                return r ? `${r.rating}${r.change ? ` (${r.change})` : ''}` : '';
              },
            },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [dates, brokers, at]);

  if (ratings.length === 0) return <p className="muted">No research report rates this company yet.</p>;
  return (
    <>
      {dates.length > 0 && (
        <div className="chart" data-testid="rating-chart" data-brokers={brokers.join(',')}>
          <canvas ref={canvas} aria-label={`target prices by ${brokers.join(', ')}`} />
        </div>
      )}
      <table className="list" data-testid="ratings">
        <thead>
          <tr>
            <th>date</th>
            <th>broker</th>
            <th>rating</th>
            <th>target</th>
          </tr>
        </thead>
        <tbody>
          {[...ratings].reverse().map((r) => (
            <tr key={`${r.documentId}`}>
              <td className="nowrap">{r.date?.slice(0, 10) ?? ''}</td>
              <td>{r.broker ?? ''}</td>
              <td>
                {r.rating} {r.change && <span className="muted">{r.change}</span>}
              </td>
              <td>{formatTargetPrice(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
