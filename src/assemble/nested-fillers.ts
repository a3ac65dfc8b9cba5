/**
 * Two readings of one role where one holds the other are one name read twice: the model cut a name short
 * (佳医疗 of 和佳医疗, 超杰 of 米超杰, 朱文 of 朱文怡) or ran a span over the words around it (拉夏贝尔董秘丁莉莉,
 * 中信建投发布公告称，中信证券, 科泰控股及姚瑛). A record keeps the whole name and drops the other reading; a
 * short name beside the legal name it starts (远山 and 远山科技股份有限公司) is no copy, both stay.
 */

/** Words that never stand inside a name: a reading holding another reading plus one of them ran over. */
const RUN_OVER_WORDS = /[，,、；;：:。]|公告|称|通知|获悉|先生|女士|董秘|股东|实控人|实际控制人|期间|旗下/;
/** A list joined by 及/和 (科泰控股及姚瑛); a lone leading 和 is part of a name (和佳医疗). */
const JOINED_LIST = /^.+[及和]$|^[及和].+$/;

/** A legal name's ending: the short names written beside it are no cut copies. */
const LEGAL_NAME = /(?:公司|集团|银行|（有限合伙）|\(有限合伙\))$/;

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether `outer`, which holds `inner`, is `inner` with the words around it (not a longer name). */
function ranOver(outer: string, inner: string): boolean {
  const at = outer.indexOf(inner);
  const rest = [outer.slice(0, at), outer.slice(at + inner.length)];
  return rest.some((r) => r.length > 0 && (RUN_OVER_WORDS.test(r) || JOINED_LIST.test(r)));
}

/** Whether reading `text` of a role is a cut-short or run-over copy of another reading of the same role. */
export function isNestedReading(text: string, others: readonly string[]): boolean {
  const self = compact(text);
  if (self.length === 0) return false;
  const readings = others.map(compact);
  const times = (name: string) => readings.filter((r) => r === name).length;
  return readings.some((o) => {
    if (o === self || o.length === 0) return false;
    // A short name is the start of the legal name (远山 of 远山科技股份有限公司) and stays; a name that lost its
    // first characters (佳医疗 of 和佳医疗) or its last one or two (朱文 of 朱文怡), or a lone character, was cut.
    // A company's short name leaves out the place and the legal form (九点医药 of 河北九点医药化工有限公司).
    if (o.includes(self) && self.length > 1 && LEGAL_NAME.test(o)) return false;
    // A name read more often than a longer reading holding it is the name, the longer one a slip over the words
    // before or after it (顺丰控股 read throughout, 资产顺丰控股 once).
    if (o.includes(self) && times(self) > times(o)) return false;
    if (o.includes(self))
      return !ranOver(o, self) && (!o.startsWith(self) || self.length === 1 || o.length - self.length <= 2);
    if (self.includes(o)) return ranOver(self, o);
    return false;
  });
}

/**
 * The readings minus those that copy another reading of their role (`roleOf` groups them; readings with no
 * role are kept). Figures are left alone: a value is compared by value, not by text.
 */
export function withoutNestedReadings<T>(
  readings: readonly T[],
  roleOf: (r: T) => string | undefined,
  textOf: (r: T) => string,
  isName: (r: T) => boolean,
): T[] {
  const byRole = new Map<string, string[]>();
  for (const r of readings) {
    const role = roleOf(r);
    if (role === undefined || !isName(r)) continue;
    byRole.set(role, [...(byRole.get(role) ?? []), textOf(r)]);
  }
  return readings.filter((r) => {
    const role = roleOf(r);
    if (role === undefined || !isName(r)) return true;
    return !isNestedReading(textOf(r), byRole.get(role) ?? []);
  });
}
