import { useEffect, useMemo, useRef } from 'react';
import type { Timeline } from '../api/types';
import { colourOf } from '../format';
import { Chart } from './charts';

/**
 * Events per month, stacked by type. An event the text gives no date for counts in the month its
 * document was published (when it became known), so the chart misses none that can be placed.
 */
export function TimelineChart({ timeline }: { timeline: Timeline }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { months, types, counts } = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of timeline.days.flatMap((d) => d.events)) {
      const when = e.date ?? e.publishedAt;
      if (!when) continue;
      const key = `${e.type}|${when.slice(0, 7)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const months = [...new Set([...counts.keys()].map((k) => k.split('|')[1] ?? ''))].sort();
    const types = [...new Set([...counts.keys()].map((k) => k.split('|')[0] ?? ''))].sort();
    return { months, types, counts };
  }, [timeline]);

  useEffect(() => {
    if (!canvas.current || months.length === 0) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months,
        datasets: types.map((type) => ({
          label: type,
          data: months.map((m) => counts.get(`${type}|${m}`) ?? 0),
          backgroundColor: colourOf(type),
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [months, types, counts]);

  if (months.length === 0) return <p className="muted">No dated events yet.</p>;
  return (
    <>
      <div
        className="chart"
        data-testid="timeline-chart"
        data-types={types.join(',')}
        data-months={months.join(',')}
      >
        <canvas ref={canvas} aria-label={`events per month: ${types.join(', ')}`} />
      </div>
      <p className="muted">By the event's date, else the month its document was published.</p>
    </>
  );
}
