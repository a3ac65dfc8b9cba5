/** The node labels of entities in the graph: what linking produces and what queries may name. */
export const ENTITY_LABELS = ['Company', 'Person', 'Organization'] as const;

export type EntityLabel = (typeof ENTITY_LABELS)[number];
