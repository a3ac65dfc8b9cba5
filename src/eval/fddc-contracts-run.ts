/**
 * The FDDC 2018 major-contract announcements read through the product (`readDocument`, as the workers
 * do) and scored as the competition did. Announcements whose 0-based line in dev.jsonl is divisible by 3
 * are a held-out part the contract rules were never developed on.
 */
import { CONTRACT_RECORDS } from '../assemble/contract-fields.js';
import { type DueeFinDocument, toDueeFinDocument } from '../assemble/index.js';
import type { SentenceExtractor } from '../extract/index.js';
import { loadEventRoles } from '../link/index.js';
import { readStandalone } from '../pipeline/index.js';
import {
  type FddcContractRecord,
  type FddcContractScores,
  fddcContractsPath,
  fddcHtmlWithHeadings,
  loadFddcContracts,
  scoreFddcContracts,
} from './fddc-contracts.js';

export type FddcPart = 'dev' | 'held-out' | 'all';

export interface FddcRun {
  scores: FddcContractScores;
  seconds: number;
  /** Each announcement's labelled and predicted records, by id. */
  records: Map<string, { gold: FddcContractRecord[]; predicted: FddcContractRecord[] }>;
}

/** The fields the competition labels, of those a contract record has (it has no signing date). */
const LABELLED = new Set(['甲方', '乙方', '项目名称', '合同名称', '合同金额', '联合体成员']);

/** The competition's fields by the record role that fills them, per record type: the contract fields' own map, turned round. */
const FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  Object.values(CONTRACT_RECORDS).map(({ type, roles }) => [
    type,
    Object.fromEntries(
      Object.entries(roles).flatMap(([field, role]) => (LABELLED.has(field) ? [[role, field]] : [])),
    ),
  ]),
);

/** 乙方 and 联合体成员 labels name companies without the bracketed part of their registered names (珀挺机械工业有限公司). */
function labelStyleName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]/g, '');
}

/** Project and contract labels drop slashes ("50万吨/年…项目" is labelled "50万吨年…项目"). */
function labelStyleTitle(name: string): string {
  return name.replace(/[/／]/g, '');
}

/** The contract and bid-win records of one document as the competition's label rows. */
export function fddcRecordsOf(doc: DueeFinDocument): FddcContractRecord[] {
  const records: FddcContractRecord[] = [];
  for (const event of doc.event_list) {
    const fields = FIELDS[event.event_type];
    if (!fields) continue;
    const record: FddcContractRecord = {};
    const members: string[] = [];
    for (const a of event.arguments) {
      const field = fields[a.role];
      if (!field) continue;
      if (field === '联合体成员') members.push(labelStyleName(a.argument));
      else if (field === '合同金额') {
        if (typeof a.value === 'number' && record.合同金额上限 === undefined) {
          record.合同金额上限 = a.value;
          record.合同金额下限 = a.value;
        }
      } else if (record[field as keyof FddcContractRecord] === undefined) {
        record[field as keyof FddcContractRecord] =
          field === '乙方'
            ? labelStyleName(a.argument)
            : field === '项目名称' || field === '合同名称'
              ? labelStyleTitle(a.argument)
              : a.argument;
      }
    }
    if (members.length > 0) record.联合体成员 = members.join('、');
    records.push(record);
  }
  return records;
}

/** Reads the announcements of `part` with the extractor, kind undeclared, and scores their contract records. */
export async function runFddcContracts(
  extractor: SentenceExtractor,
  datasetsDir: string,
  part: FddcPart,
): Promise<FddcRun & { announcements: number }> {
  const all = await loadFddcContracts(fddcContractsPath(datasetsDir));
  const chosen = all.filter((_, i) => part === 'all' || (i % 3 === 0) === (part === 'held-out'));
  const eventTypes = loadEventRoles();
  const gold = new Map<string, FddcContractRecord[]>();
  const predicted = new Map<string, FddcContractRecord[]>();
  const started = performance.now();
  for (const a of chosen) {
    const bytes = new TextEncoder().encode(fddcHtmlWithHeadings(a.html));
    const { parsed, graph } = await readStandalone(
      { bytes, fileName: `${a.id}.html`, mimeType: 'text/html' },
      { extractor, eventTypes },
    );
    gold.set(a.id, a.labels);
    predicted.set(a.id, fddcRecordsOf(toDueeFinDocument(a.id, parsed, graph, eventTypes)));
  }
  const records = new Map([...gold].map(([id, g]) => [id, { gold: g, predicted: predicted.get(id) ?? [] }]));
  return {
    scores: scoreFddcContracts(gold, predicted),
    seconds: (performance.now() - started) / 1000,
    announcements: chosen.length,
    records,
  };
}
