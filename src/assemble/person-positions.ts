/**
 * The positions a person node carries, read from the document's records rather than from the model's
 * sentences: the model gives every post a sentence lists to each person it names (董事长 of one, 总经理 of
 * the next), while a 高管变动 record pairs one 高管姓名 with the 高管职位 / 变动后职位 written next to that name
 * (officer-posts.ts). A record that still names several people pairs none of them with its posts: the
 * record cannot say whose each post is, and a post on the wrong person is worse than none.
 */

import type { LinkedEntity, LinkedEvent } from '../link/index.js';
import { POSITION_ROLES } from '../link/people.js';

/** A post longer than this is a clause the model ran on into, not a title. */
const MAX_POSITION_LENGTH = 20;

/** Each person's positions as the records state them, in reading order, by person key. */
export function recordPositions(events: readonly LinkedEvent[]): Map<string, string[]> {
  const byPerson = new Map<string, string[]>();
  for (const event of events) {
    const people = new Set(event.arguments.filter((a) => a.label === 'Person').map((a) => a.entityKey));
    const [key] = people;
    if (people.size !== 1 || key === undefined) continue;
    const posts = event.arguments
      .filter((a) => POSITION_ROLES.has(a.roleKey))
      .sort((a, b) => a.sentence - b.sentence || a.start - b.start);
    for (const post of posts) {
      const text = post.text.trim();
      if (text.length === 0 || text.length > MAX_POSITION_LENGTH) continue;
      const list = byPerson.get(key) ?? [];
      if (!list.includes(text)) list.push(text);
      byPerson.set(key, list);
    }
  }
  return byPerson;
}

/** The document's entities, each person with the positions its records give it (none when they give none). */
export function withRecordPositions(
  entities: readonly LinkedEntity[],
  events: readonly LinkedEvent[],
): LinkedEntity[] {
  const positions = recordPositions(events);
  return entities.map((entity) => {
    if (entity.label !== 'Person') return entity;
    const { positions: _read, ...rest } = entity;
    const stated = positions.get(entity.key);
    return stated ? { ...rest, positions: stated } : rest;
  });
}
