import type { ExtractionResult } from '../extract/types.js';
import type { ParsedDocument } from '../parse/index.js';
import type { CompanyResolver } from './company-resolver.js';
import type { EventArgumentRow, LinkedEntity } from './graph-document.js';
import { personKey } from './person-key.js';

/** A company this close (in characters) to a name in the same sentence is the person's context. */
const CONTEXT_WINDOW = 30;

/** Brokers, banks, law and audit firms sit beside names they do not employ (analysts, signatories). */
const BYSTANDER = /证券|银行|基金|资产管理|信托|律师|会计师|评估/;

/** Words the model reads as people that name a role, not a person. */
const NOT_A_PERSON = /^(?:股东|董事|监事|先生|女士|董事长|总经理|实际控制人|控股股东|法定代表人|本人|公司)$/;

/**
 * One person per name per document, in one company context: the issuer when the document places
 * them there (or nowhere else), else the company most often named right beside them. A name that
 * only starts a longer name of the same document (周建 of 周建平) is that person, not another.
 */
export function personContexts(
  parsed: ParsedDocument,
  extractions: readonly ExtractionResult[],
  resolver: CompanyResolver,
  selfKey: string | undefined,
  documentId: string,
): Map<string, LinkedEntity> {
  const names = new Set<string>();
  const contexts = new Map<string, Map<string, number>>();
  parsed.sentences.forEach((_, i) => {
    const result = extractions[i];
    if (!result) return;
    const companies: { key: string; at: number }[] = [];
    for (const e of result.entities) {
      if (e.type !== 'company' && e.type !== 'organization') continue;
      const resolved = resolver.resolve(e.text);
      if (resolved && !BYSTANDER.test(resolved.entity.name))
        companies.push({ key: resolved.entity.key, at: e.start });
    }
    const spans = [
      ...result.entities.filter((e) => e.type === 'person'),
      ...result.events.flatMap((ev) =>
        ev.arguments.filter((a) => a.role === 'sub-per' || a.role === 'obj-per'),
      ),
    ];
    for (const p of spans) {
      const name = p.text.trim();
      if (!isPersonName(name)) continue;
      names.add(name);
      const near = companies
        .map((c) => ({ key: c.key, distance: Math.abs(c.at - p.start) }))
        .filter((c) => c.distance <= CONTEXT_WINDOW)
        .sort((a, b) => a.distance - b.distance)[0];
      if (!near) continue;
      const counts = contexts.get(name) ?? new Map<string, number>();
      counts.set(near.key, (counts.get(near.key) ?? 0) + 1);
      contexts.set(name, counts);
    }
  });

  const people = new Map<string, LinkedEntity>();
  const full = [...names].sort((a, b) => b.length - a.length);
  for (const name of full) {
    const longer = full.find((other) => other.length > name.length && other.startsWith(name));
    const person = longer ? people.get(longer) : undefined;
    if (person) {
      people.set(name, person);
      continue;
    }
    const counts = contexts.get(name);
    const context =
      !counts || (selfKey && counts.has(selfKey))
        ? selfKey
        : [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    people.set(name, personIn(name, context, documentId));
  }
  return people;
}

/** A person entity scoped by a company (or by the document when no company is known). */
export function personIn(name: string, companyKey: string | undefined, documentId: string): LinkedEntity {
  return {
    key: personKey(name, companyKey, documentId),
    label: 'Person',
    name,
    ...(companyKey ? { companyKey } : {}),
  };
}

/** A person span worth a node: no layout whitespace, digits or role word. */
export function isPersonName(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[\t\n\d，,；;：:、。]/.test(name) || /[\u4e00-\u9fa5]\s+[\u4e00-\u9fa5]/.test(name)) return false;
  return !NOT_A_PERSON.test(name);
}

/** Positions an event states for the people in it (高管变动: 高管职位 / 变动后职位). */
export function addPositions(args: readonly EventArgumentRow[], entities: Map<string, LinkedEntity>): void {
  const positions = args
    .filter((a) => a.roleKey === 'position' || a.roleKey === 'position after')
    .map((a) => a.text.trim())
    .filter((t) => t.length > 0 && t.length <= 20);
  if (positions.length === 0) return;
  for (const a of args) {
    const person = a.label === 'Person' && a.entityKey ? entities.get(a.entityKey) : undefined;
    if (!person) continue;
    const list = person.positions ?? [];
    for (const p of positions) if (!list.includes(p)) list.push(p);
    person.positions = list;
  }
}
