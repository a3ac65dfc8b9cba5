import { toSimplified } from '../parse/traditional-to-simplified.js';

/**
 * A person's identity is their name within a company: two 张伟 at unrelated companies stay two people,
 * while the same name at the same company across documents is one person.
 */
export function personKey(name: string, companyKey: string | undefined, documentId: string): string {
  // One person whichever script a filing writes the name in (許遼 in an HKEX filing is 许辽).
  return `${toSimplified(name).text}@${companyKey ?? `document:${documentId}`}`;
}

/** The company a person key is scoped by; undefined for a person known only within one document. */
export function personCompanyKey(key: string): string | undefined {
  const context = key.slice(key.indexOf('@') + 1);
  return context.startsWith('document:') ? undefined : context;
}
