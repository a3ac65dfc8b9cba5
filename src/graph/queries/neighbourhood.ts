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
  m { .code, .type, .date, .kind, .publishedAt } AS extra`;

export function neighbourhoodStartStatement(label: EntityLabelName, key: string): Statement {
  return {
    text: `MATCH (m:${label} {key: $key}) RETURN elementId(m) AS eid, ${NODE_FIELDS}`,
    params: { key, displayLabels: [...DISPLAY_LABELS] },
  };
}

export function neighbourhoodHopStatement(frontier: string[]): Statement {
  return {
    text: `MATCH (n) WHERE elementId(n) IN $frontier
      MATCH (n)-[r:${neighbourhoodRelationshipTypes().join('|')}]-(m)
      RETURN elementId(n) AS from, elementId(m) AS eid, type(r) AS type, startNode(r) = n AS outgoing, ${NODE_FIELDS}
      LIMIT $rowLimit`,
    params: { frontier, displayLabels: [...DISPLAY_LABELS], rowLimit: int(HOP_ROW_LIMIT) },
  };
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
  const startRow = startRows[0];
  const start = startRow && toNode(startRow);
  if (!startRow || !start) return null;

  const nodes = new Map<string, GraphNode>([[String(startRow.eid), start]]);
  const edges = new Map<string, { source: string; target: string; type: string }>();
  let frontier = [String(startRow.eid)];
  let truncated = false;
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const [rows = []] = await readRows(reader, neighbourhoodHopStatement(frontier));
    if (rows.length >= HOP_ROW_LIMIT) truncated = true;
    const next: string[] = [];
    for (const row of rows) {
      const eid = String(row.eid);
      if (!nodes.has(eid)) {
        const node = toNode(row);
        if (!node) continue;
        if (nodes.size >= maxNodes) {
          truncated = true;
          continue;
        }
        nodes.set(eid, node);
        next.push(eid);
      }
      const from = nodes.get(String(row.from));
      const to = nodes.get(eid);
      if (!from || !to) continue;
      const [source, target] = row.outgoing ? [from.id, to.id] : [to.id, from.id];
      const type = String(row.type);
      edges.set(`${source}|${type}|${target}`, { source, target, type });
    }
    frontier = next;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
}
