/**
 * 高管变动 records hold one post (guideline §2: the main post; the others a resignation loses are its aliases).
 * The model reads every post a sentence lists and gives them all to each person it names; the post a person
 * changes is the one written next to the name (公司董事申西杰, 王涛辞去公司总经理职务), and of posts listed
 * together there (副行长兼首席信息官, 董事、董事长) the main one: a board's head, else the first.
 */

import type { EventArgumentRow } from '../link/index.js';
import { officerChangeLabel } from '../normalize/index.js';
import { HEAD_POST, HOLDS_POST } from './rule-officers.js';

/** What joins two posts of one person's list. */
const POST_JOIN = /^(?:、|兼|及|和|兼任|以及)$/;

interface Sentences {
  sentenceStarts: readonly number[];
  sentences?: readonly string[];
}

/** Characters between two spans of one sentence (0 when they touch or overlap). */
function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, a.start >= b.end ? a.start - b.end : b.start - a.end);
}

/** Where the names stand in a sentence: the arguments' own spans, and each time the sentence writes a name. */
function nameSpans(names: readonly EventArgumentRow[], sentence: number, ctx: Sentences) {
  const spans = names.filter((n) => n.sentence === sentence).map((n) => ({ start: n.start, end: n.end }));
  const text = ctx.sentences?.[sentence];
  const offset = ctx.sentenceStarts[sentence] ?? 0;
  if (text === undefined) return spans;
  for (const name of new Set(names.map((n) => n.text)))
    for (let at = text.indexOf(name); at >= 0 && name.length > 0; at = text.indexOf(name, at + 1))
      spans.push({ start: offset + at, end: offset + at + name.length });
  return spans;
}

/** How far a post is written from the person: characters in one sentence, else whole sentences away. */
function distance(post: EventArgumentRow, names: readonly EventArgumentRow[], ctx: Sentences): number {
  const near = nameSpans(names, post.sentence, ctx).map((n) => gap(post, n));
  if (near.length > 0) return Math.min(...near);
  return 10_000 * Math.min(...names.map((n) => Math.abs(n.sentence - post.sentence) || 1));
}

/** The posts written in one list with `post` (joined by 、/兼/及), in reading order. */
function listedWith(post: EventArgumentRow, posts: readonly EventArgumentRow[], ctx: Sentences) {
  const text = ctx.sentences?.[post.sentence];
  const offset = ctx.sentenceStarts[post.sentence] ?? 0;
  const inSentence = posts.filter((p) => p.sentence === post.sentence).sort((a, b) => a.start - b.start);
  const joined = (a: EventArgumentRow, b: EventArgumentRow) =>
    text !== undefined &&
    b.start >= a.end &&
    POST_JOIN.test(text.slice(a.end - offset, b.start - offset).replace(/\s+/g, ''));
  let at = inSentence.indexOf(post);
  let first = at;
  while (
    first > 0 &&
    joined(inSentence[first - 1] as EventArgumentRow, inSentence[first] as EventArgumentRow)
  )
    first--;
  while (
    at < inSentence.length - 1 &&
    joined(inSentence[at] as EventArgumentRow, inSentence[at + 1] as EventArgumentRow)
  )
    at++;
  return inSentence.slice(first, at + 1);
}

/** What may stand between a change word and its post: the company, its board and term. */
const BEFORE_POST = /^(?:其在|其担任的|为)?(?:本?公司|本行|本集团)?(?:第.{1,4}届)?(?:董事会|监事会)?$/;

/** The post written right after a change word (辞去公司第四届董事会董事), if the record read one there. */
function postAfter(change: EventArgumentRow, posts: readonly EventArgumentRow[], ctx: Sentences) {
  const text = ctx.sentences?.[change.sentence];
  if (text === undefined) return undefined;
  const offset = ctx.sentenceStarts[change.sentence] ?? 0;
  return posts.find(
    (p) =>
      p.sentence === change.sentence &&
      p.start >= change.end &&
      BEFORE_POST.test(text.slice(change.end - offset, p.start - offset).replace(/\s+/g, '')),
  );
}

/** Posts in a party or league body (党委委员): an officer's company post listed beside one is the main post. */
const PARTY_POST = /^(?:党委|党组|纪委|团委)/;

/** Words before a post the person keeps (辞职后仍担任公司董事): not the post that changed. */
const KEPT_POST = /(?:仍|继续|留任|仍然)(?:担任|擔任|出任|任)?(?:本?公司|本行)?[^，。；]{0,6}$/;

/** A reading that is no post or change of the person: a clause holding a name, or a post kept. */
function unlikely(a: EventArgumentRow, names: readonly EventArgumentRow[], ctx: Sentences): boolean {
  if (names.some((n) => a.text.includes(n.text))) return true;
  if (a.documentRole === '变动类型') return HOLDS_POST.test(a.text.trim());
  const text = ctx.sentences?.[a.sentence];
  const at = a.start - (ctx.sentenceStarts[a.sentence] ?? 0);
  return (
    a.documentRole === '高管职位' &&
    text !== undefined &&
    KEPT_POST.test(text.slice(Math.max(0, at - 12), at))
  );
}

/** The argument of `role` written nearest the person's name (the first, most confident, where none is named). */
function nearest(
  args: readonly EventArgumentRow[],
  role: string,
  names: readonly EventArgumentRow[],
  ctx: Sentences,
) {
  const fillers = args.filter((a) => a.documentRole === role);
  const likely = fillers.filter((a) => !unlikely(a, names, ctx));
  const candidates = likely.length > 0 ? likely : fillers;
  let kept = candidates[0];
  if (names.length > 0)
    for (const a of candidates) if (kept && distance(a, names, ctx) < distance(kept, names, ctx)) kept = a;
  return { fillers, kept };
}

/**
 * Keeps one 高管职位 and one 变动类型 in an officer record's arguments (most confident first): the person's
 * main post and the change written next to the name (王晓雁 of 常程离职，任命王晓雁兼任… is 任命).
 */
export function keepOwnPostAndChange(args: EventArgumentRow[], ctx: Sentences): void {
  const names = args.filter((a) => a.documentRole === '高管姓名' && !a.inferred);
  const change = nearest(args, '变动类型', names, ctx);
  const posts = nearest(args, '高管职位', names, ctx);
  // The post the change word governs (辞去公司总经理职务, 代为履行董事长职务); a transfer's is the new post.
  const governed =
    change.kept && officerChangeLabel(change.kept.text) !== '调任'
      ? postAfter(change.kept, posts.fillers, ctx)
      : undefined;
  let post = governed ?? posts.kept;
  if (post && names.length > 0) {
    const list = listedWith(post, posts.fillers, ctx);
    const own = list.filter((p) => !PARTY_POST.test(p.text.replace(/\s+/g, '')));
    const main = own.length > 0 ? own : list;
    post = main.find((p) => HEAD_POST.test(p.text.replace(/\s+/g, ''))) ?? main[0] ?? post;
  }
  for (const a of [...posts.fillers, ...change.fillers])
    if (a !== post && a !== change.kept) args.splice(args.indexOf(a), 1);
}
