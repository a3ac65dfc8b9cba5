import { officerChangeLabel } from '../normalize/index.js';
import type { ParsedDocument } from '../parse/index.js';
import { NAME_UNIT, splitNames } from './rule-names.js';
import type { RuleSentence } from './rule-text.js';
import {
  argumentAt,
  issuerArgument,
  makeRecord,
  type RuleArgument,
  type RuleContext,
  type RuleRecord,
} from './rule-types.js';
import { DATE, isoDate } from './rule-values.js';

/** Titles of announcements that report a change of directors, supervisors or officers. */
export const OFFICER_TITLE =
  /辞职|辞任|辞去|聘任|任命|委任|选举|换届|离任|退休|人事变动|高管变动|董事会决议|监事会决议/;

/**
 * Words that state a change of post. A sentence that names officers without one (a board list, an
 * announcement's signature block) states no 高管变动, whoever reads it.
 */
export const OFFICER_CHANGE_WORD =
  /辞|辭|聘|任命|委任|选举|選舉|补选|補選|当选|當選|离任|離任|离职|離職|卸任|出任|接任|继任|繼任|调任|調任|免去|免职|免職|不再担任|不再擔任|上任|履新|退任|退休|换届|換屆|接替|接棒|加盟|加入|出走|请辞|請辭|变更|變更/;

/** Words that tell a post held (担任董事), not its change: a record keeps them only where no word of change was read. */
export const HOLDS_POST = /^(?:担任|擔任|兼任|现任|現任|留任)$/;

const POSITION =
  '(?:董事会秘书|董事会联席主席|董事会主席|监事会主席|副董事长|董事长|联席主席|非职工代表监事|职工代表监事|职工监事|独立非执行董事|非执行董事|执行董事|非独立董事|独立董事|董事|监事|常务副总经理|副总经理|总经理|常务副总裁|副总裁|总裁|首席执行官|行政总裁|首席财务官|首席运营官|首席技术官|财务总监|财务负责人|总会计师|总工程师|公司秘书|证券事务代表)';
/** A list of positions; "董事、董事会战略委员会委员" lists one position (committee seats are not kept). */
const POSITIONS = `${POSITION}(?!会|委员)(?:(?:[、及和]|兼)${POSITION}(?!会|委员))*`;
const NAMES = `${NAME_UNIT}(?:[、及和与]${NAME_UNIT})*`;
/** The board a post belongs to, between the company and the post: 公司第四届监事会监事. */
const TERM = '(?:第.{1,4}届(?:董事会|监事会))?';
/** Posts that head a board: the main post of a list that names one (监事、监事会主席 → 监事会主席). */
export const HEAD_POST = /^(?:董事长|董事会主席|董事会联席主席|监事会主席|联席主席)$/;

/**
 * The main post of a list of posts (compact offsets [start, end)): the post heading a board where the list
 * names one, else the first; the others are lost with it.
 */
export function mainPost(text: string, start: number, end: number): { start: number; end: number } {
  const posts = [...text.slice(start, end).matchAll(new RegExp(POSITION, 'gu'))].map((m) => ({
    text: m[0],
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
  const main = posts.find((p) => HEAD_POST.test(p.text)) ?? posts[0];
  return main ? { start: main.start, end: main.end } : { start, end };
}
/** Between a name and its verb only a reason fits: no other name, alias or clause break. */
const GAP = '[^。；，,（(「」）)]{0,30}?(?:[，,][^。；，,（(「」）)]{0,30}?)?';
const OWN_COMPANY = '(?:本公司|公司)?(?:之|的)?';
/** Words that make a change hypothetical, denied or someone else's wish. */
const NOT_AN_EVENT = /不|未|否|拒|如|若|候选|提名|拟/;

interface Change {
  names: { text: string; start: number; end: number }[];
  verb: { start: number; end: number; word: string };
  positions: { start: number; end: number };
}

/** Patterns over one compact sentence; named groups: names, verb, positions, gap (checked for negation). */
const CHANGES: RegExp[] = [
  // 张三先生因个人原因申请辞去公司董事、副总经理职务 / 邓先生因其他商务承担而辞任本公司独立非执行董事
  new RegExp(
    `(?<names>${NAMES})(?<gap>${GAP})(?:申请|提出|请求|已提出)?(?<verb>辞去|辞任)(?:其在|其担任的)?${OWN_COMPANY}${TERM}(?<positions>${POSITIONS})(?!候选)`,
    'dgu',
  ),
  // 收到公司监事廖某女士提交的书面辞职报告
  new RegExp(
    `收到${OWN_COMPANY}${TERM}(?<positions>${POSITIONS})(?<names>${NAME_UNIT})(?<gap>[^。；，,（(]{0,20}?)(?:提交|递交|发出)的(?:书面)?(?<verb>辞职|辞任)(?:报告|函|信|申请)`,
    'dgu',
  ),
  // 郑某某先生已获委任为本公司执行董事 / 李四被选举为公司董事长
  new RegExp(
    `(?<names>${NAMES})(?<gap>)(?:已|亦)?(?:获|被)(?<verb>委任|任命|聘任|聘请|选举|补选)为${OWN_COMPANY}(?:第.{1,4}届(?:董事会|监事会))?(?<positions>${POSITIONS})(?!候选)`,
    'dgu',
  ),
  // 同意聘任张三先生为公司总经理 / 选举李四女士、王五先生为公司第八届董事会董事
  new RegExp(
    `(?<gap>同意|决定|会议)?(?<verb>聘任|聘请|任命|委任|选举|补选)(?<names>${NAMES})为${OWN_COMPANY}(?:第.{1,4}届(?:董事会|监事会))?(?<positions>${POSITIONS})(?!候选)`,
    'dgu',
  ),
];

function findChanges(sentence: RuleSentence): Change[] {
  const out: Change[] = [];
  for (const re of CHANGES) {
    re.lastIndex = 0;
    for (const m of sentence.compact.matchAll(re)) {
      const g = m.groups ?? {};
      const at = m.indices?.groups ?? {};
      const namesAt = at.names;
      const verbAt = at.verb;
      const positionsAt = at.positions;
      if (!namesAt || !verbAt || !positionsAt || !g.names || !g.verb) continue;
      // A gap only holds a reason ("因个人原因"); a negation or a condition there means no change happened.
      if (g.gap && NOT_AN_EVENT.test(g.gap) && g.gap !== '同意' && g.gap !== '决定') continue;
      const before = sentence.compact.slice(Math.max(0, namesAt[0] - 6), namesAt[0]);
      if (/拟|提名|推荐|候选/.test(before)) continue;
      const names: Change['names'] = [];
      let from = namesAt[0];
      for (const name of splitNames(g.names)) {
        const start = sentence.compact.indexOf(name, from);
        if (start < 0 || start >= namesAt[1]) break;
        names.push({ text: name, start, end: start + name.length });
        from = start + name.length;
      }
      out.push({
        names,
        verb: { start: verbAt[0], end: verbAt[1], word: g.verb },
        positions: mainPost(sentence.compact, positionsAt[0], positionsAt[1]),
      });
    }
  }
  return out;
}

/** The post a sentence gives or takes: 补选…为公司第四届监事会监事候选人, 辞去其担任的公司董事职务. */
const STATED_POST = new RegExp(
  `(?:为|辞去|辞任|不再担任)(?:其在|其担任的)?${OWN_COMPANY}${TERM}(?<positions>${POSITIONS})`,
  'du',
);

/**
 * The main post a sentence states for the people it names, whitespace ignored (PDF lines break inside
 * words: 监事 会监事); offsets into `sentence`.
 */
export function statedPost(sentence: string): { text: string; start: number; end: number } | undefined {
  const at: number[] = [];
  let compact = '';
  for (let i = 0; i < sentence.length; i++) {
    if (/\s/.test(sentence[i] ?? '')) continue;
    compact += sentence[i];
    at.push(i);
  }
  const place = STATED_POST.exec(compact)?.indices?.groups?.positions;
  if (!place) return undefined;
  const post = mainPost(compact, place[0], place[1]);
  const start = at[post.start] ?? 0;
  const end = (at[post.end - 1] ?? start) + 1;
  return { text: sentence.slice(start, end), start, end };
}

/** 事件时间: the "自…起生效" date of the sentence, else its only full date. */
function eventDate(sentence: RuleSentence, ctx: RuleContext): RuleArgument | undefined {
  const effective = new RegExp(`自(${DATE})起`, 'd').exec(sentence.compact);
  const dates = [...sentence.compact.matchAll(new RegExp(DATE, 'g'))];
  const at =
    effective?.indices?.[1] ??
    (dates.length === 1 && dates[0] ? [dates[0].index, dates[0].index + dates[0][0].length] : undefined);
  if (!at) return undefined;
  const text = sentence.compact.slice(at[0], at[1]);
  return argumentAt(sentence, '事件时间', at[0], at[1], isoDate(text, ctx.publishedAt));
}

/** "以下事项自…起生效": a sentence that dates the changes it goes on to state. */
const DATES_WHAT_FOLLOWS = new RegExp(
  `以下(?:事[项項]|变[动更]|[变變][動更])[^。；]{0,8}?自(${DATE})起生效`,
  'd',
);

/** 事件时间 of a change whose sentence states none, from the sentence before when that one dates what follows. */
function dateOfWhatFollows(sentence: RuleSentence | undefined, ctx: RuleContext): RuleArgument | undefined {
  const at = sentence && DATES_WHAT_FOLLOWS.exec(sentence.compact)?.indices?.[1];
  if (!sentence || !at) return undefined;
  return argumentAt(
    sentence,
    '事件时间',
    at[0],
    at[1],
    isoDate(sentence.compact.slice(at[0], at[1]), ctx.publishedAt),
  );
}

/** 高管变动: one record per person and change, from resignation / appointment / election wording. */
export function officerRecords(
  doc: ParsedDocument,
  ctx: RuleContext,
  sentences: RuleSentence[],
): RuleRecord[] {
  const byKey = new Map<string, RuleRecord>();
  const company = issuerArgument(doc, ctx, '任职公司');
  for (const [i, sentence] of sentences.entries()) {
    for (const change of findChanges(sentence)) {
      const label = officerChangeLabel(change.verb.word) ?? change.verb.word;
      const trigger = sentence.span(change.verb.start, change.verb.end);
      for (const name of change.names) {
        const key = `${name.text}|${label}`;
        const args = [
          argumentAt(sentence, '高管姓名', name.start, name.end),
          company,
          argumentAt(sentence, '高管职位', change.positions.start, change.positions.end),
          argumentAt(sentence, '变动类型', change.verb.start, change.verb.end, label),
          eventDate(sentence, ctx) ?? dateOfWhatFollows(sentences[i - 1], ctx),
        ];
        const known = byKey.get(key);
        if (!known) {
          byKey.set(key, makeRecord('高管变动', trigger, args, 0.9));
          continue;
        }
        // A later sentence about the same change may add what the first lacked (e.g. the date).
        for (const arg of args) {
          if (arg && !known.arguments.some((a) => a.role === arg.role)) known.arguments.push(arg);
        }
      }
    }
  }
  return [...byKey.values()];
}
