/**
 * The two sides of a suit (起诉, 判决): one party is never both. The model reads the name a story is about in both
 * roles; such a story is most often about the party sued (X被起诉, X收到应诉通知书), so the name stays 被告.
 */
import { cleanCompanyName } from '../link/company-name.js';
import type { EventArgumentRow } from '../link/index.js';

const PLAINTIFF = '原告';
const DEFENDANT = '被告';

/** Drops a 原告 that the record also reads as its 被告. */
export function oneSidePerParty(args: EventArgumentRow[]): void {
  const sued = new Set(args.filter((a) => a.documentRole === DEFENDANT).map((a) => cleanCompanyName(a.text)));
  for (const a of [...args])
    if (a.documentRole === PLAINTIFF && sued.has(cleanCompanyName(a.text))) args.splice(args.indexOf(a), 1);
}
