/**
 * The roles of a bid won (中标) as news tells it. The headline names the project short (雨污排水管采购项目) and
 * the body in full (中建隧道重庆分公司一品河项目雨污排水管采购); the record keeps the full name once. A project's
 * name often opens with the place it is built in (深圳市城市轨道交通13号线…): the model reads that place as the
 * tenderer, which the guideline fills only with the party that tendered (a company, an authority, a city's bureau).
 */
import type { EventArgumentRow } from '../link/index.js';

const OBJECT = '中标标的';
const TENDERER = '招标方';
/** A place's name: a province, city, county or district, which tenders nothing itself. */
const PLACE = /(?:省|市|县|区|州|镇|乡|旗)$/;
const WINNER = '中标公司';
/**
 * A headline's summary of the award names the project by its price (中标近3亿元矿用车采购项目, 预中标某某3750万元采购
 * 项目): the price is no part of a project's name, and the body names the project as tendered.
 */
const PRICED_NAME = /\d(?:[\d.,，]*)\s*(?:亿|万|千)?(?:元|美元|港元)|[千百]万级/u;

/** Tidies a 中标 record's project and tenderer in place (see above). */
export function tidyBidRoles(args: EventArgumentRow[]): void {
  const objects = args.filter((a) => a.documentRole === OBJECT && !a.inferred && !PRICED_NAME.test(a.text));
  // Several names of one project: the longest is the one written in full.
  const full = objects.reduce<EventArgumentRow | undefined>(
    (a, b) => (a && a.text.length >= b.text.length ? a : b),
    undefined,
  );
  const drop = (a: EventArgumentRow): boolean => {
    if (a.documentRole === OBJECT) {
      if (a.inferred) return false;
      return PRICED_NAME.test(a.text) || (full !== undefined && a !== full);
    }
    if (a.documentRole !== TENDERER || a.inferred) return false;
    const name = a.text.trim();
    // Kept where it is the record's only party: a record needs one.
    return (
      PLACE.test(name) &&
      args.some((w) => w.documentRole === WINNER) &&
      objects.some((o) => o.text.trim().startsWith(name) && o.text.trim().length > name.length)
    );
  };
  const kept = args.filter((a) => !drop(a));
  args.splice(0, args.length, ...kept);
}
