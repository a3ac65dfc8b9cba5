import type { Gazetteer, KnownCompany } from '../src/link/gazetteer.js';

/**
 * A processor child's company lookups answered by its worker process, which holds the graph's companies
 * in memory (src/graph/company-mirror.ts) and keeps them current from its own commits: a message to the
 * parent instead of a Neo4j round trip on each document's path. The messages ride the sandbox's IPC
 * channel beside BullMQ's own commands, which are numbers; these are strings, which BullMQ ignores.
 */
export const FIND_COMPANIES = 'finkg:findCompanies';
export const COMPANIES_FOUND = 'finkg:companiesFound';

/** Set in a processor child's environment by a worker that answers its lookups. */
export const PARENT_GAZETTEER_ENV = 'FINKG_PARENT_GAZETTEER';

interface FindCompaniesMessage {
  cmd: typeof FIND_COMPANIES;
  id: number;
  query: { names: string[]; codes: string[] };
}

interface CompaniesFoundMessage {
  cmd: typeof COMPANIES_FOUND;
  id: number;
  companies?: KnownCompany[];
  /** A failed lookup: what the error was, with its code, so a connection fault is still retried. */
  error?: { name: string; message: string; code?: unknown };
}

/** The child's side: each lookup a message to the parent, answered by id. */
export function parentGazetteer(channel: NodeJS.Process = process): Gazetteer {
  const waiting = new Map<number, { resolve(c: KnownCompany[]): void; reject(e: Error): void }>();
  let next = 0;
  channel.on('message', (message: unknown) => {
    const m = message as Partial<CompaniesFoundMessage> | null;
    if (m?.cmd !== COMPANIES_FOUND || typeof m.id !== 'number') return;
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(Object.assign(new Error(m.error.message), m.error));
    else w.resolve(m.companies ?? []);
  });
  return {
    findCompanies(query) {
      const send = channel.send?.bind(channel);
      if (!send) return Promise.reject(new Error('no worker process to ask for companies'));
      const id = next++;
      return new Promise<KnownCompany[]>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const message: FindCompaniesMessage = { cmd: FIND_COMPANIES, id, query };
        send(message, undefined, undefined, (error: Error | null) => {
          if (!error) return;
          waiting.delete(id);
          reject(error);
        });
      });
    },
  };
}

/**
 * The parent's side: answers a child's lookup message from `gazetteer`; false for any other message.
 * `reply` sends to that child.
 */
export function answerFindCompanies(
  message: unknown,
  gazetteer: Gazetteer,
  reply: (answer: CompaniesFoundMessage) => Promise<unknown>,
): boolean {
  const m = message as Partial<FindCompaniesMessage> | null;
  if (m?.cmd !== FIND_COMPANIES || typeof m.id !== 'number' || !m.query) return false;
  const id = m.id;
  gazetteer
    .findCompanies(m.query)
    .then(
      (companies) => reply({ cmd: COMPANIES_FOUND, id, companies }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        const code = (e as { code?: unknown }).code;
        return reply({
          cmd: COMPANIES_FOUND,
          id,
          error: { name: e.name, message: e.message, ...(code !== undefined ? { code } : {}) },
        });
      },
    )
    // The child is gone (killed over its limits): nobody waits for the answer.
    .catch(() => undefined);
  return true;
}
