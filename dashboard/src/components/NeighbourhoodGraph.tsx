import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import type { GraphNode, Neighbourhood } from '../api/types';
import { colourOf, entityPath } from '../format';

const caption = (node: GraphNode) =>
  node.label === 'Event' ? String(node.type ?? node.name) : node.label === 'Document' ? '文档' : node.name;

/** The entity's neighbourhood drawn with cytoscape; a click on a company, person or organisation opens its page. */
export function NeighbourhoodGraph({
  graph,
  centre,
  hops,
}: {
  graph: Neighbourhood;
  centre: string;
  hops: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [, navigate] = useLocation();

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...graph.nodes.map((n) => ({
          data: { id: n.id, caption: caption(n), label: n.label, key: n.id.slice(n.label.length + 1) },
          classes: n.id === centre ? 'centre' : '',
        })),
        ...graph.edges.map((e, i) => ({
          data: { id: `e${i}`, source: e.source, target: e.target, type: e.type },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(caption)',
            'font-size': 11,
            'background-color': (node: cytoscape.NodeSingular) => colourOf(String(node.data('label'))),
            width: 18,
            height: 18,
            'text-valign': 'bottom',
            'text-margin-y': 3,
          },
        },
        { selector: 'node.centre', style: { width: 30, height: 30, 'font-weight': 'bold' } },
        {
          selector: 'edge',
          style: {
            width: 1,
            'line-color': '#cbd5e1',
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'target-arrow-color': '#cbd5e1',
            label: 'data(type)',
            'font-size': 8,
            color: '#64748b',
          },
        },
      ],
      layout: { name: 'cose', animate: false, randomize: false },
    });
    cy.on('tap', 'node', (event) => {
      const data = event.target.data() as { label: string; key: string };
      const path = entityPath(data.label, data.key);
      if (path) navigate(path);
    });
    return () => cy.destroy();
  }, [graph, centre, navigate]);

  const labels = [...new Set(graph.nodes.map((n) => n.label))].sort();
  return (
    <div>
      <div
        ref={container}
        className="graph"
        data-testid="graph-view"
        data-hops={hops}
        data-node-count={graph.nodes.length}
        data-edge-count={graph.edges.length}
      />
      <p className="legend">
        {labels.map((l) => (
          <span key={l}>
            <span className="type-dot" style={{ backgroundColor: colourOf(l) }} />
            {l}{' '}
          </span>
        ))}
        {graph.truncated && <span className="muted">(cut at {graph.nodes.length} nodes)</span>}
      </p>
      <details>
        <summary>
          {graph.nodes.length} nodes, {graph.edges.length} edges
        </summary>
        <ul className="graph-nodes" data-testid="graph-nodes">
          {graph.nodes.map((n) => (
            <li key={n.id} data-label={n.label}>
              {caption(n)} <span className="muted">{n.label}</span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
