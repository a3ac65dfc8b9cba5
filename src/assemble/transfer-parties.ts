/**
 * The parties of a share transfer (股份股权转让) where the model read one name in two of them. A transfer names its
 * buyer after the handing-over word (转让给X, 出售予X) or as such (受让方为X); a name read as the buyer anywhere
 * else is a seller or the company traded (朱某、冯某…拟转让…给Y: 冯某 is no buyer), and one written as the buyer
 * is no company traded too.
 */
import type { EventArgumentRow } from '../link/index.js';
import type { SentenceOf } from './financing-parties.js';

const SELLER = '转让方';
const BUYER = '受让方';
const TRADED = '标的公司';
/** The words a buyer's name follows. */
const BUYER_BEFORE = /(?:给|予|受让方(?:为|是)?|受让人(?:为|是)?)(?:了)?$/u;

function key(a: EventArgumentRow): string {
  return a.entityKey ?? a.text.replace(/\s+/gu, '');
}

function writtenAsBuyer(a: EventArgumentRow, sentenceOf: SentenceOf): boolean {
  const sentence = sentenceOf(a);
  return !!sentence && BUYER_BEFORE.test(sentence.text.slice(0, a.start - sentence.start));
}

/** Keeps each doubly read name in the one party role its wording gives (see above), in place. */
export function tidyTransferParties(args: EventArgumentRow[], sentenceOf: SentenceOf): void {
  const buyers = args.filter((a) => a.documentRole === BUYER && !a.inferred);
  const others = new Set(
    args.filter((a) => (a.documentRole === SELLER || a.documentRole === TRADED) && !a.inferred).map(key),
  );
  const asBuyer = new Set(buyers.filter((a) => writtenAsBuyer(a, sentenceOf)).map(key));
  const drop = (a: EventArgumentRow): boolean => {
    if (a.inferred) return false;
    if (a.documentRole === BUYER) return others.has(key(a)) && !asBuyer.has(key(a));
    if (a.documentRole === SELLER || a.documentRole === TRADED) return asBuyer.has(key(a));
    return false;
  };
  const kept = args.filter((a) => !drop(a));
  args.splice(0, args.length, ...kept);
}
