import { cleanCompanyName } from './company-name.js';
import type { EventTypeInfo } from './event-roles.js';
import type { Gazetteer, KnownCompany } from './gazetteer.js';
import type { GraphDocument, LinkedEntity } from './graph-document.js';

/**
 * Company parties that assembly's wording rules read by name (a news item's "小米集团…回购140万股") and
 * that no linked entity covers: each becomes the company the graph already knows under exactly that
 * full or short name, when one company does (the document's own, or a listed one of the graph). A name
 * the graph does not know stays text: a rule's span
 * is no evidence of a company of its own, and a guess would make a node the graph cannot take back.
 */
export async function linkRecordParties(
  doc: GraphDocument,
  gazetteer: Gazetteer,
  eventTypes: ReadonlyMap<string, EventTypeInfo>,
): Promise<GraphDocument> {
  const unlinked = doc.events.flatMap((e) =>
    e.arguments.filter(
      (a) =>
        !a.entityKey &&
        !a.inferred &&
        a.value === undefined &&
        a.documentRole !== undefined &&
        eventTypes.get(e.type)?.documentRoles.get(a.documentRole)?.entityTypes.includes('company'),
    ),
  );
  const names = [...new Set(unlinked.map((a) => cleanCompanyName(a.text)).filter((n) => n.length >= 2))];
  if (names.length === 0) return doc;
  // The document's own companies first; the graph is asked only for names they do not carry.
  const own: KnownCompany[] = doc.entities
    .filter((e) => e.label === 'Company')
    .map((e) => ({ ...e, shortNames: e.shortNames ?? [] }));
  const ownNames = new Set(own.flatMap((c) => [c.name, ...c.shortNames]));
  const asked = names.filter((n) => !ownNames.has(n));
  // From the graph, listed companies only: a document that brings one later links these parties then
  // (graph/late-parties.ts), so the graph ends the same whichever came first.
  const listed = asked.length > 0 ? await gazetteer.findCompanies({ names: asked, codes: [] }) : [];
  const known = [...own, ...listed.filter((c) => c.code || c.hkCode)];
  const byName = new Map<string, KnownCompany[]>();
  for (const c of known)
    for (const n of new Set([c.name, ...c.shortNames])) {
      const same = byName.get(n) ?? [];
      if (c.notAliases?.includes(n) || same.some((x) => x.key === c.key)) continue;
      byName.set(n, [...same, c]);
    }
  const entities = new Map(doc.entities.map((e) => [`${e.label}:${e.key}`, e]));
  for (const a of unlinked) {
    const found = byName.get(cleanCompanyName(a.text));
    // Two companies of one name (a short name reused after a rename) are no evidence for either.
    if (found?.length !== 1) continue;
    const company = found[0] as KnownCompany;
    a.entityKey = company.key;
    a.label = 'Company';
    if (!entities.has(`Company:${company.key}`)) entities.set(`Company:${company.key}`, entityOf(company));
  }
  return { ...doc, entities: [...entities.values()] };
}

function entityOf(c: KnownCompany): LinkedEntity {
  return {
    key: c.key,
    label: 'Company',
    name: c.name,
    ...(c.code ? { code: c.code } : {}),
    ...(c.hkCode ? { hkCode: c.hkCode } : {}),
    ...(c.bCode ? { bCode: c.bCode } : {}),
    shortNames: c.shortNames,
  };
}
