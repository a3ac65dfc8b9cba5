/**
 * Relationship types of event roles, derived from the role names in words in schemas/events.json
 * ("pledgor org" → PLEDGOR, "party A person" → PARTY_A). Types come from the schema, never from input,
 * and are checked against a strict pattern before they reach Cypher.
 */
export function roleRelationshipType(roleKey: string): string {
  const type = roleKey
    .replace(/\(.*?\)/g, '')
    .replace(/\s+(org|person)$/i, '')
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(type))
    throw new Error(`role "${roleKey}" gives no usable relationship type`);
  return type;
}
