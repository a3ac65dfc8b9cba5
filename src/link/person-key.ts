import { toSimplified } from '../parse/traditional-to-simplified.js';

/**
 * A person's identity is their name within a company: two 张伟 at unrelated companies stay two people,
 * while the same name at the same company across documents is one person.
 */
export function personKey(name: string, companyKey: string | undefined, documentId: string): string {
  // One person whichever script a filing writes the name in (許遼 in an HKEX filing is 许辽).
  return `${toSimplified(name).text}@${companyKey ?? `document:${documentId}`}`;
}

/** A report's analyst: the name within their certificate number (证书编号), which no one else holds. */
export function analystPersonKey(name: string, certificate: string): string {
  return `${toSimplified(name).text}@certificate:${certificate}`;
}

/** The company a person key is scoped by; undefined for a person known within one document or by a certificate. */
export function personCompanyKey(key: string): string | undefined {
  const context = key.slice(key.indexOf('@') + 1);
  return context.startsWith('document:') || context.startsWith('certificate:') ? undefined : context;
}
