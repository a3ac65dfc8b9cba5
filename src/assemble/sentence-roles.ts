/**
 * Roles a model mention's own sentence states in fixed wording the model does not read: the project of a
 * bid win (中标X项目, 成为X项目中标人) and the share of the capital a holder trades (减持不超过2%的公司股份).
 * News and broker notes state them in the same sentence as the event, and contract announcements' field
 * reading (contract-fields.ts) does not reach them.
 */

import type { EventArgumentRow, EventTypeInfo } from '../link/index.js';
import { projectFromNarrative, type TextSpan } from './contract-fields.js';
import type { RecordMention } from './document-events.js';
import { ratioBase } from './figures.js';
import { PERCENT } from './rule-values.js';

/** The traded ratio right after the verb (减持不超过4.91%, 增持比例达1%) or in the clause it opens (…，占总股本的1.77%). */
const TRADED_RATIO = new RegExp(
  `(?<verb>增持|减持)(?:(?:了)?(?:其(?:所)?持(?:有)?(?:的)?)?(?:公司|本公司)?(?:股份|股票)?(?:的)?(?:合计|共计|累计|总计)?|比例)(?:达|为)?(?:不超过|不超|不高于|约)?(?<ratio>${PERCENT})|(?<verb2>增持|减持)(?<gap>[^。；;%％]{0,30}?)占(?:公司|本公司)?(?:当前|目前)?总股本(?:的)?(?:比例)?(?:为)?(?:约)?(?<ratio2>${PERCENT})`,
  'gdu',
);
/** Words between the verb and a ratio that make it a holding, not the trade (减持后持有…，占总股本…). */
const HOLDING_AFTER = /后|持有|剩余|尚/;

const RATIO_ROLES: Readonly<Record<string, { verb: string; capital: string; holding: string }>> = {
  股东增持: { verb: '增持', capital: '增持部分占总股本比例', holding: '增持部分占所持比例' },
  股东减持: { verb: '减持', capital: '减持部分占总股本比例', holding: '减持部分占所持比例' },
};

function tradedRatio(
  sentence: string,
  verb: string,
): { span: TextSpan; base: 'holding' | 'capital' } | undefined {
  for (const m of sentence.matchAll(TRADED_RATIO)) {
    const g = m.groups ?? {};
    const at = m.indices?.groups;
    if ((g.verb ?? g.verb2) !== verb) continue;
    if (g.gap !== undefined && HOLDING_AFTER.test(g.gap)) continue;
    const place = at?.ratio ?? at?.ratio2;
    const text = g.ratio ?? g.ratio2;
    if (!place || !text) continue;
    const base = ratioBase(sentence, place[0], place[1]) ?? 'capital';
    return { span: { text, start: place[0], end: place[1] }, base };
  }
  return undefined;
}

/** The mention with the roles its sentence states added, where the model left them empty. */
export function withSentenceRoles(
  mention: RecordMention,
  sentenceStart: number,
  eventTypes: ReadonlyMap<string, EventTypeInfo>,
): RecordMention {
  const info = eventTypes.get(mention.type);
  const has = (role: string) => mention.arguments.some((a) => a.documentRole === role);
  const added: EventArgumentRow[] = [];
  const add = (role: string, span: TextSpan) => {
    if (!info?.documentRoles.has(role)) return;
    added.push({
      sentence: mention.mention.sentence,
      start: sentenceStart + span.start,
      end: sentenceStart + span.end,
      text: span.text,
      confidence: mention.confidence,
      role,
      roleKey: info.documentRoles.get(role)?.key ?? role,
      documentRole: role,
    });
  };
  if (mention.documentType === '中标' && !has('中标标的')) {
    const project = projectFromNarrative(mention.sentenceText, undefined);
    if (project) add('中标标的', project);
  }
  const ratioRoles = RATIO_ROLES[mention.documentType];
  if (ratioRoles && !has(ratioRoles.capital) && !has(ratioRoles.holding)) {
    const ratio = tradedRatio(mention.sentenceText, ratioRoles.verb);
    if (ratio) add(ratioRoles[ratio.base], ratio.span);
  }
  return added.length ? { ...mention, arguments: [...mention.arguments, ...added] } : mention;
}
