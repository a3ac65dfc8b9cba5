import { ENTITY_LABELS, type EntityLabelName } from './allow-lists.js';
import { type GraphReader, int, num, readRows, type Statement, str } from './statement.js';

export interface SearchHit {
  label: EntityLabelName;
  key: string;
  name: string;
  code: string | null;
  shortNames: string[];
  /** A person's company: what tells namesakes apart. */
  company: { key: string; name: string } | null;
  positions: string[];
  score: number;
}

/**
 * The request text as a Lucene query for the entity_names full-text index: a phrase (CJK text is
 * indexed a character at a time, so a phrase matches any run of characters of a name), and for
 * ASCII words such as stock codes also a prefix match.
 */
export function luceneQuery(text: string): string {
  const trimmed = text.trim();
  const phrase = `"${trimmed.replace(/[\\"]/g, '\\$&')}"`;
  return /^[A-Za-z0-9]+$/.test(trimmed) ? `${phrase} OR ${trimmed.toLowerCase()}*` : phrase;
}

export function searchStatement(text: string, label: EntityLabelName | undefined, limit: number): Statement {
  return {
    text: `CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
           WITH node, score, head([l IN labels(node) WHERE l IN $labels]) AS label
           WHERE label IS NOT NULL AND ($label IS NULL OR label = $label)
           RETURN label, node.key AS key, node.name AS name, node.code AS code,
                  coalesce(node.shortNames, []) AS shortNames, coalesce(node.positions, []) AS positions,
                  CASE WHEN node.companyKey IS NULL THEN null ELSE
                    head(COLLECT { MATCH (c:Company {key: node.companyKey}) RETURN c { .key, .name } }) END AS company,
                  score
           ORDER BY score DESC, key ASC
           LIMIT $limit`,
    params: { query: luceneQuery(text), labels: [...ENTITY_LABELS], label: label ?? null, limit: int(limit) },
  };
}

/** Companies, people and organisations by full name, short name, stock code or part of a name. */
export async function searchEntities(
  reader: GraphReader,
  text: string,
  options: { label?: EntityLabelName; limit: number },
): Promise<SearchHit[]> {
  const [rows = []] = await readRows(reader, searchStatement(text, options.label, options.limit));
  return rows.map((r) => ({
    label: r.label as EntityLabelName,
    key: String(r.key),
    name: String(r.name ?? r.key),
    code: str(r.code),
    shortNames: (r.shortNames as unknown[]).map(String),
    company: r.company
      ? {
          key: String((r.company as Record<string, unknown>).key),
          name: String((r.company as Record<string, unknown>).name ?? ''),
        }
      : null,
    positions: (r.positions as unknown[]).map(String),
    score: num(r.score) ?? 0,
  }));
}
