import type { Neighbourhood } from '../api/types';
import { NeighbourhoodGraph } from './NeighbourhoodGraph';
import type { Loaded } from './useApi';

/** The "Graph" panel of an entity page: how many hops to walk, and the graph once it is loaded. */
export function GraphSection({
  graph,
  centre,
  hops,
  onHops,
}: {
  graph: Loaded<Neighbourhood>;
  centre: string;
  hops: number;
  onHops: (hops: number) => void;
}) {
  return (
    <section>
      <h2>
        Graph{' '}
        <select value={hops} onChange={(e) => onHops(Number(e.target.value))} aria-label="hops">
          <option value={1}>1 hop</option>
          <option value={2}>2 hops</option>
        </select>
      </h2>
      {graph.state === 'ok' ? (
        <NeighbourhoodGraph graph={graph.data} centre={centre} hops={hops} />
      ) : graph.state === 'error' ? (
        <p className="error">{graph.message}</p>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </section>
  );
}
