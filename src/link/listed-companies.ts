import { readFile } from 'node:fs/promises';
import type { Exchange } from '../normalize/stock-code.js';
import { cleanCompanyName, isFullName, nameCore } from './company-name.js';
import type { Gazetteer, KnownCompany } from './gazetteer.js';

const COLUMNS = ['code', 'short_name', 'full_name', 'exchange'] as const;
const EXCHANGES: readonly Exchange[] = ['SSE', 'SZSE', 'BSE', 'HKEX'];

/** A file of listed companies that cannot be read as one: the message names the line. */
export class ListedCompaniesFileError extends Error {}

/**
 * Reads a user's list of listed companies: a CSV with the header `code,short_name,full_name,exchange`
 * (exchange SSE, SZSE, BSE or HKEX; names hold no comma or quote). Every line is checked here, once,
 * so linking can trust what it gets.
 */
export function parseListedCompanies(text: string, source = 'listed companies'): KnownCompany[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (header.join(',') !== COLUMNS.join(','))
    throw new ListedCompaniesFileError(`${source}: the first line must be ${COLUMNS.join(',')}`);
  const out: KnownCompany[] = [];
  const codes = new Set<string>();
  lines.slice(1).forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${source} line ${i + 2}`;
    if (/["']/.test(line)) throw new ListedCompaniesFileError(`${at}: quoted fields are not read`);
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length !== COLUMNS.length)
      throw new ListedCompaniesFileError(`${at}: ${fields.length} fields, expected ${COLUMNS.length}`);
    const [code = '', short = '', full = '', exchange = ''] = fields;
    if (!/^\d{5,6}$/.test(code))
      throw new ListedCompaniesFileError(`${at}: code ${code} is not 5 or 6 digits`);
    if (codes.has(code)) throw new ListedCompaniesFileError(`${at}: code ${code} appears twice`);
    const fullName = cleanCompanyName(full);
    if (!isFullName(fullName))
      throw new ListedCompaniesFileError(`${at}: ${full} is not a full company name`);
    if (!EXCHANGES.includes(exchange as Exchange))
      throw new ListedCompaniesFileError(`${at}: exchange ${exchange} is not one of ${EXCHANGES.join(', ')}`);
    codes.add(code);
    const shortName = cleanCompanyName(short);
    out.push({ key: code, name: fullName, code, shortNames: shortName ? [shortName] : [] });
  });
  return out;
}

export async function readListedCompanies(path: string): Promise<KnownCompany[]> {
  return parseListedCompanies(await readFile(path, 'utf8'), path);
}

/**
 * The graph's gazetteer seeded by a list: companies of the list that a document's names or codes
 * meet are known to linking even before any document of theirs arrived. The graph's node wins when
 * both know a code.
 */
export function withListedCompanies(gazetteer: Gazetteer, listed: readonly KnownCompany[]): Gazetteer {
  if (listed.length === 0) return gazetteer;
  return {
    async findCompanies(query) {
      const found = await gazetteer.findCompanies(query);
      const seen = new Set(found.map((c) => c.code ?? c.key));
      const names = new Set(query.names);
      const codes = new Set(query.codes);
      const fits = (c: KnownCompany) =>
        (c.code !== undefined && codes.has(c.code)) ||
        [c.name, ...c.shortNames].some((n) => names.has(n)) ||
        query.names.some((n) => n.length >= 3 && nameCore(c.name).includes(n));
      return [...found, ...listed.filter((c) => !seen.has(c.code ?? c.key) && fits(c))];
    },
  };
}
