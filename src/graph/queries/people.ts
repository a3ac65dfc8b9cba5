import { type GraphReader, readRows, type Statement, str } from './statement.js';

/** Where a position argument is read: 高管职位 (the post changed) and 变动后职位 (the post held after). */
const POSITION_ROLES = ['position', 'position after'];

/** One dated statement of a person's position: an event that names the person with a post. */
export interface PositionStatement {
  /** The event's date, else the date its first telling document was published; null when neither. */
  date: string | null;
  /** 变动类型 as stated (聘任, 辞职, 换届 …); null when the document says none. */
  change: string | null;
  /** 高管职位: the post the change is about. */
  positions: string[];
  /** 变动后职位: the post held after the change. */
  positionsAfter: string[];
  /** The employer the event names (任职公司), else null. */
  company: { key: string; name: string } | null;
  eventId: string;
  eventType: string;
  /** The documents that state it, earliest published first. */
  documents: { id: string; title: string | null; publishedAt: string | null }[];
}

export interface PersonProfile {
  key: string;
  name: string;
  /** The company that tells this person from namesakes (the key's context), when it is a company. */
  company: { key: string; name: string } | null;
  /** Every position stated for the person, undated, in the order first read. */
  positions: string[];
  /** The positions over time: one entry per event stating one for this person alone, oldest first, undated last. */
  positionHistory: PositionStatement[];
}

export function personProfileStatement(key: string): Statement {
  return {
    text: `MATCH (p:Person {key: $key})
      OPTIONAL MATCH (c:Company {key: p.companyKey})
      RETURN p { .key, .name, positions: coalesce(p.positions, []) } AS person,
        CASE WHEN c IS NULL THEN null ELSE c { .key, name: coalesce(c.name, c.key) } END AS company,
        COLLECT {
          MATCH (p)<-[r]-(e:Event) WHERE r.roleKey IS NOT NULL
            AND EXISTS { (e)-[a:HAS_ARGUMENT]->() WHERE a.roleKey IN $positionRoles }
            // An event naming several people cannot say whose each post is (see person-positions.ts).
            AND COUNT { MATCH (e)-[o]->(other:Person) WHERE o.roleKey IS NOT NULL RETURN DISTINCT other } = 1
          WITH DISTINCT e
          WITH e, COLLECT {
              MATCH (e)-[:REPORTED_IN]->(d:Document)
              RETURN d { .id, .title, .publishedAt } AS d ORDER BY coalesce(d.publishedAt, '9999'), d.id
            } AS documents
          WITH e, documents, coalesce(e.date, documents[0].publishedAt) AS date
          RETURN {date: date, eventId: e.id, eventType: e.type, documents: documents,
            change: head(COLLECT { MATCH (e)-[a:HAS_ARGUMENT {roleKey: 'change kind'}]->()
                                   RETURN coalesce(a.value, a.text) AS x ORDER BY a.start }),
            positions: COLLECT { MATCH (e)-[a:HAS_ARGUMENT {roleKey: 'position'}]->() RETURN DISTINCT a.text },
            positionsAfter: COLLECT { MATCH (e)-[a:HAS_ARGUMENT {roleKey: 'position after'}]->()
                                      RETURN DISTINCT a.text },
            company: head(COLLECT { MATCH (e)-[r2]->(x:Company) WHERE r2.roleKey = 'employer'
                                    RETURN x { .key, name: coalesce(x.name, x.key) } AS x })} AS s
          ORDER BY s.date IS NULL, s.date, s.eventId
        } AS history`,
    params: { key, positionRoles: POSITION_ROLES },
  };
}

type Row = Record<string, unknown>;

const companyOf = (raw: unknown) => {
  const c = raw as Row | null;
  return c ? { key: String(c.key), name: String(c.name) } : null;
};

/** A person with their company and the positions stated for them over time; null when no such person. */
export async function getPersonProfile(reader: GraphReader, key: string): Promise<PersonProfile | null> {
  const [rows = []] = await readRows(reader, personProfileStatement(key));
  const row = rows[0];
  if (!row) return null;
  const p = row.person as Row;
  return {
    key: String(p.key),
    name: String(p.name ?? p.key),
    company: companyOf(row.company),
    positions: (p.positions as unknown[]).map(String),
    positionHistory: (row.history as Row[]).map((s) => ({
      date: str(s.date),
      change: str(s.change),
      positions: (s.positions as unknown[]).map(String),
      positionsAfter: (s.positionsAfter as unknown[]).map(String),
      company: companyOf(s.company),
      eventId: String(s.eventId),
      eventType: String(s.eventType),
      documents: (s.documents as Row[]).map((d) => ({
        id: String(d.id),
        title: str(d.title),
        publishedAt: str(d.publishedAt),
      })),
    })),
  };
}
