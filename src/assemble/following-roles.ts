/**
 * Figures a record's event states in the sentence right after one of its mentions: a label line under a
 * news item's lead (中标价：15.5亿元), the clause after a semicolon (…回购公司股份；回购价格不超过100元/股),
 * a follow-up sentence (四位高管累计套现约8760.5万元). Only where that sentence opens with the figure's own
 * label, so that it continues the same event and does not tell another one.
 */

import type { EventArgumentRow, EventTypeInfo } from '../link/index.js';
import { MONEY } from './rule-values.js';

/** What may open a continuing sentence before the label: a source, a connective, a pointer, a short subject. */
const OPENING =
  '^(?:(?:据[^，。；]{0,16}?(?:报道|显示|统计|公告)|公告(?:显示|称)|数据显示|其中|同时|另外|此外|而)[，,]?)?(?:本次|此次|上述|该次|该|其)?(?<subject>[^，。；,;：:]{0,6}?)';
/** A subject naming a company opens the story of another party's event. */
const OTHER_PARTY = /公司|集团|股份|银行|证券|控股|基金/;

interface FollowingRole {
  role: string;
  /** The label and the figure (group `v`) right after the opening. */
  label: string;
}

const FIGURES: Readonly<Record<string, readonly FollowingRole[]>> = {
  中标: [{ role: '中标金额', label: `中标(?:价格?|金额|总价)(?:为|约|[:：])*(?<v>${MONEY})` }],
  股份回购: [
    {
      role: '每股交易价格',
      label: `回购(?:股份的)?价格(?:上限)?(?:为|不超过|不高于|上限为)*(?<v>${MONEY}(?:/股|每股))`,
    },
    { role: '交易金额', label: `回购(?:资金)?总?(?:金)?额(?:为|约|不超过|不低于)*(?<v>${MONEY})` },
  ],
  股东减持: [{ role: '交易金额', label: `(?:累计|合计|共)?套现(?:约|近|超过?)?(?<v>${MONEY})` }],
  企业收购: [
    {
      role: '交易金额',
      label: `(?:本次)?(?:交易|收购|转让)(?:价格|对价|价款|作价|总价)(?:为|约|[:：])*(?<v>${MONEY})`,
    },
  ],
};

const COMPILED = new Map(
  Object.entries(FIGURES).map(([type, roles]) => [
    type,
    roles.map((r) => ({ role: r.role, re: new RegExp(`${OPENING}${r.label}`, 'du') })),
  ]),
);

export interface FollowingSentence {
  index: number;
  start: number;
  text: string;
}

/**
 * The arguments the sentence after a mention states for roles of `documentType` the record lacks, at `confidence`.
 * `has` tells which roles the record already fills.
 */
export function followingFigures(
  documentType: string,
  next: FollowingSentence | undefined,
  has: (role: string) => boolean,
  info: EventTypeInfo | undefined,
  confidence: number,
): EventArgumentRow[] {
  const roles = COMPILED.get(documentType);
  if (!roles || !next) return [];
  const out: EventArgumentRow[] = [];
  for (const { role, re } of roles) {
    if (has(role) || !info?.documentRoles.has(role)) continue;
    const m = re.exec(next.text);
    const at = m?.indices?.groups?.v;
    if (!m || !at || OTHER_PARTY.test(m.groups?.subject ?? '')) continue;
    out.push({
      sentence: next.index,
      start: next.start + at[0],
      end: next.start + at[1],
      text: next.text.slice(at[0], at[1]),
      confidence,
      role,
      roleKey: info.documentRoles.get(role)?.key ?? role,
      documentRole: role,
    });
  }
  return out;
}
