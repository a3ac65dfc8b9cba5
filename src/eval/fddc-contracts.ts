/**
 * FDDC 2018 major-contract announcements (重大合同 / 中标): loading the labelled development set and scoring
 * predicted contract records the way the competition did. Per announcement, predicted records are paired with
 * label records (same 甲方 + 乙方 first, then the pair sharing most fields); per field, precision = correct /
 * predicted non-empty, recall = correct / labelled non-empty, F1; the score is the mean F1 over the fields.
 * The data is read from the datasets folder at run time and never copied into the repository.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Prf, prf } from './event-metrics.js';

export const FDDC_CONTRACT_FIELDS = [
  '甲方',
  '乙方',
  '项目名称',
  '合同名称',
  '合同金额上限',
  '合同金额下限',
  '联合体成员',
] as const;
export type FddcContractField = (typeof FDDC_CONTRACT_FIELDS)[number];

const AMOUNT_FIELDS: ReadonlySet<FddcContractField> = new Set(['合同金额上限', '合同金额下限']);

/** One contract or bid as the competition records it; amounts in yuan (labels write them as strings). */
export type FddcContractRecord = Partial<Record<FddcContractField, string | number | null>>;

export interface FddcAnnouncement {
  id: string;
  html: string;
  labels: FddcContractRecord[];
}

export interface FddcContractScores {
  fields: Record<FddcContractField, Prf>;
  /** Mean F1 over the seven fields. */
  score: number;
  announcements: number;
}

export function fddcContractsPath(datasetsDir: string): string {
  return join(datasetsDir, 'fddc2018-contracts', 'dev.jsonl');
}

/** Reads dev.jsonl from a datasets folder (or the file itself when `path` ends in .jsonl), in file order. */
export async function loadFddcContracts(path: string): Promise<FddcAnnouncement[]> {
  const file = path.endsWith('.jsonl') ? path : fddcContractsPath(path);
  const text = await readFile(file, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const record = JSON.parse(line) as FddcAnnouncement;
      if (typeof record.id !== 'string' || typeof record.html !== 'string' || !Array.isArray(record.labels)) {
        throw new Error(`${file}:${i + 1}: not an FDDC contract announcement`);
      }
      return record;
    });
}

/**
 * The competition's HTML keeps section headings ("1、招标人：") in `title` attributes of paragraph divs, where an
 * HTML reader rightly ignores them; this puts each one back as the first line of its div.
 */
export function fddcHtmlWithHeadings(html: string): string {
  return html.replace(
    /(<div\b[^>]*?\btitle="([^"]*)"[^>]*type="paragraph"[^>]*>)/g,
    (_all, open: string, title: string) => `${open}<div type="content">${title}</div>`,
  );
}

/** Text as the competition compared it: full width → half width, no whitespace, lower case. */
export function normalizeFddcText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/** A field's comparable form, or null when empty; amounts compare as whole yuan. */
function fieldKey(field: FddcContractField, value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (AMOUNT_FIELDS.has(field)) {
    const n = typeof value === 'number' ? value : Number(normalizeFddcText(value).replace(/,/g, ''));
    return Number.isFinite(n) && String(value).trim() !== '' ? String(Math.round(n)) : null;
  }
  const text = normalizeFddcText(String(value));
  return text === '' ? null : text;
}

type Keys = Record<FddcContractField, string | null>;

function keysOf(record: FddcContractRecord): Keys {
  const keys = {} as Keys;
  for (const field of FDDC_CONTRACT_FIELDS) keys[field] = fieldKey(field, record[field]);
  return keys;
}

function agreement(a: Keys, b: Keys): number {
  return FDDC_CONTRACT_FIELDS.filter((f) => a[f] !== null && a[f] === b[f]).length;
}

/** Pairs gold with predicted records: same 甲方 + 乙方 first, then greedily by the number of agreeing fields. */
function pairFddcRecords(gold: readonly Keys[], predicted: readonly Keys[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const freeGold = new Set(gold.keys());
  const freePredicted = new Set(predicted.keys());
  for (const g of [...freeGold]) {
    const a = gold[g] as Keys;
    for (const p of freePredicted) {
      const b = predicted[p] as Keys;
      if (a.甲方 === b.甲方 && a.乙方 === b.乙方) {
        pairs.push([g, p]);
        freeGold.delete(g);
        freePredicted.delete(p);
        break;
      }
    }
  }
  const candidates: Array<[number, number, number]> = [];
  for (const g of freeGold)
    for (const p of freePredicted) candidates.push([agreement(gold[g] as Keys, predicted[p] as Keys), g, p]);
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  for (const [, g, p] of candidates) {
    if (!freeGold.has(g) || !freePredicted.has(p)) continue;
    pairs.push([g, p]);
    freeGold.delete(g);
    freePredicted.delete(p);
  }
  return pairs;
}

/**
 * Scores predictions against labels. `gold` and `predicted` map an announcement id to its records; ids missing
 * from `predicted` count as announcements with no prediction, ids only in `predicted` add predicted fields.
 */
export function scoreFddcContracts(
  gold: ReadonlyMap<string, readonly FddcContractRecord[]>,
  predicted: ReadonlyMap<string, readonly FddcContractRecord[]>,
): FddcContractScores {
  const counts = Object.fromEntries(
    FDDC_CONTRACT_FIELDS.map((f) => [f, { correct: 0, predicted: 0, gold: 0 }]),
  ) as Record<FddcContractField, { correct: number; predicted: number; gold: number }>;
  const ids = new Set([...gold.keys(), ...predicted.keys()]);
  for (const id of ids) {
    const g = (gold.get(id) ?? []).map(keysOf);
    const p = (predicted.get(id) ?? []).map(keysOf);
    for (const field of FDDC_CONTRACT_FIELDS) {
      counts[field].gold += g.filter((k) => k[field] !== null).length;
      counts[field].predicted += p.filter((k) => k[field] !== null).length;
    }
    for (const [gi, pi] of pairFddcRecords(g, p)) {
      const a = g[gi] as Keys;
      const b = p[pi] as Keys;
      for (const field of FDDC_CONTRACT_FIELDS)
        if (a[field] !== null && a[field] === b[field]) counts[field].correct++;
    }
  }
  const fields = {} as Record<FddcContractField, Prf>;
  for (const field of FDDC_CONTRACT_FIELDS) {
    const c = counts[field];
    fields[field] = prf(c.correct, c.predicted, c.gold);
  }
  const score = FDDC_CONTRACT_FIELDS.reduce((sum, f) => sum + fields[f].f1, 0) / FDDC_CONTRACT_FIELDS.length;
  return { fields, score, announcements: gold.size };
}
