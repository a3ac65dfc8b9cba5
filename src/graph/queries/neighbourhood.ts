import { DISPLAY_LABELS, type EntityLabelName, neighbourhoodRelationshipTypes } from './allow-lists.js';
import { type GraphReader, int, readRows, type Statement, str } from './statement.js';

export interface GraphNode {
  /** Label and key, e.g. Company:600519 or Event:<id>; stable across reloads, unlike element ids. */
  id: string;
  label: string;
  name: string;
  [property: string]: unknown;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: { source: string; target: string; type: string }[];
  /** True when the node cap or the per-hop row cap cut the walk short. */
  truncated: boolean;
}

export const MAX_HOPS = 3;
export const MAX_NODES = 200;
// Rows one hop may read; bounds the work a hub node (a much-reported company) can cause.
const HOP_ROW_LIMIT = 2000;

const NODE_FIELDS = `head([l IN labels(m) WHERE l IN $displayLabels]) AS label,
  toString(coalesce(m.key, m.id, m.name)) AS key, coalesce(m.name, m.title, m.trigger, m.id, m.key) AS name,
  m { .code, .type, .date, .kind, .publishedAt, .positions } AS extra`;

/** The walk's node labels and the indexed property that identifies each (the `key` of a node id). */
const WALKED: Record<string, string> = {
  Company: 'key',
  Person: 'key',
  Organization: 'key',
  Event: 'id',
  Document: 'id',
  Analyst: 'key',
  Broker: 'name',
};

/** Keys of the nodes to expand next, by label. */
export type Frontier = Record<string, string[]>;

export function neighbourhoodStartStatement(label: EntityLabelName, key: string): Statement {
  return {
    text: `MATCH (m:${label} {key: $key}) USING INDEX m:${label}(key) RETURN ${NODE_FIELDS}`,
    params: { key, displayLabels: [...DISPLAY_LABELS] },
  };
}

/**
 * One hop out from the frontier. The frontier is found label by label through each label's index:
 * looking nodes up by element id would be planned as an all-nodes scan on a small graph.
 */
export function neighbourhoodHopStatement(frontier: Frontier): Statement {
  const lookups = Object.entries(WALKED).map(
    ([label, property]) =>
      `MATCH (n:${label}) USING INDEX n:${label}(${property}) WHERE n.${property} IN $frontier.${label} RETURN n, '${label}:' + toString(n.${property}) AS from`,
  );
  return {
    text: `CALL () { ${lookups.join(' UNION ALL ')} }
      MATCH (n)-[r:${neighbourhoodRelationshipTypes().join('|')}]-(m)
      RETURN from, type(r) AS type, startNode(r) = n AS outgoing, ${NODE_FIELDS}
      LIMIT $rowLimit`,
    params: {
      frontier: Object.fromEntries(Object.keys(WALKED).map((label) => [label, frontier[label] ?? []])),
      displayLabels: [...DISPLAY_LABELS],
      rowLimit: int(HOP_ROW_LIMIT),
    },
  };
}

function byLabel(nodes: GraphNode[]): Frontier {
  const frontier: Frontier = {};
  for (const node of nodes) {
    const keys = frontier[node.label] ?? [];
    keys.push(node.id.slice(node.label.length + 1));
    frontier[node.label] = keys;
  }
  return frontier;
}

function toNode(row: Record<string, unknown>): GraphNode | null {
  const label = str(row.label);
  const key = str(row.key);
  if (!label || !key) return null;
  const extra = Object.fromEntries(
    Object.entries((row.extra as Record<string, unknown>) ?? {}).filter(([, v]) => v !== null),
  );
  return { ...extra, id: `${label}:${key}`, label, name: String(row.name ?? key) };
}

/**
 * The entities, events and documents within `hops` relationships of an entity, walked breadth first
 * one hop per query so the node cap holds however connected the graph is. Null when no such entity.
 */
export async function getNeighbourhood(
  reader: GraphReader,
  label: EntityLabelName,
  key: string,
  options: { hops: number; maxNodes: number },
): Promise<Neighbourhood | null> {
  const hops = Math.min(Math.max(1, Math.trunc(options.hops)), MAX_HOPS);
  const maxNodes = Math.min(Math.max(1, Math.trunc(options.maxNodes)), MAX_NODES);
  const [startRows = []] = await readRows(reader, neighbourhoodStartStatement(label, key));
  const start = startRows[0] && toNode(startRows[0]);
  if (!start) return null;

  const nodes = new Map<string, GraphNode>([[start.id, start]]);
  const edges = new Map<string, { source: string; target: string; type: string }>();
  let frontier: GraphNode[] = [start];
  let truncated = false;
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const [rows = []] = await readRows(reader, neighbourhoodHopStatement(byLabel(frontier)));
    if (rows.length >= HOP_ROW_LIMIT) truncated = true;
    const next: GraphNode[] = [];
    for (const row of rows) {
      const found = toNode(row);
      if (!found) continue;
      let to = nodes.get(found.id);
      if (!to) {
        if (nodes.size >= maxNodes) {
          truncated = true;
          continue;
        }
        to = found;
        nodes.set(to.id, to);
        next.push(to);
      }
      const from = String(row.from);
      const [source, target] = row.outgoing ? [from, to.id] : [to.id, from];
      const type = String(row.type);
      edges.set(`${source}|${type}|${target}`, { source, target, type });
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
