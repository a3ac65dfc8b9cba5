/**
 * Contract fields on the FDDC 2018 major-contract announcements, scored as the competition did: each announcement's
 * HTML goes through the product's parseDocument, then readContractFields; per-field P/R/F1 and their mean.
 *
 *   node dist/bench/fddc-contracts.js [--part dev|held-out] [--datasets DIR] [--raw-html] [--misses N]
 *
 * Split: announcements whose 0-based line in dev.jsonl is divisible by 3 are held out (rules are never developed on
 * them); the rest are the development part. The competition's HTML keeps section headings such as "1、招标人："
 * in `title` attributes of divs, which an HTML reader ignores; by default they are turned into text lines before
 * parsing (`--raw-html` skips that). `--misses N` prints N development announcements' wrong fields (never held-out).
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type ContractRecord, readContractFields } from '../src/assemble/contract-fields.js';
import { loadConfig } from '../src/config/index.js';
import {
  FDDC_CONTRACT_FIELDS,
  type FddcAnnouncement,
  type FddcContractRecord,
  fddcHtmlWithHeadings,
  loadFddcContracts,
  normalizeFddcText,
  scoreFddcContracts,
} from '../src/eval/fddc-contracts.js';
import { parseDocument } from '../src/parse/index.js';

const { values } = parseArgs({
  options: {
    part: { type: 'string', default: 'dev' },
    datasets: { type: 'string' },
    'raw-html': { type: 'boolean', default: false },
    misses: { type: 'string', default: '0' },
  },
});
if (values.part !== 'dev' && values.part !== 'held-out') throw new Error('--part is dev or held-out');

/** 乙方 labels name listed companies without the "（集团）" of their registered names. */
function labelStyleName(name: string): string {
  return name.replace(/[（(][^）)]*[）)]/g, '');
}

function toFddc(record: ContractRecord): FddcContractRecord {
  return {
    甲方: record.甲方?.text ?? null,
    乙方: record.乙方 ? labelStyleName(record.乙方.text) : null,
    项目名称: record.项目名称?.text ?? null,
    合同名称: record.合同名称?.text ?? null,
    合同金额上限: record.合同金额?.upper ?? null,
    合同金额下限: record.合同金额?.lower ?? null,
    联合体成员: record.联合体成员?.map((m) => m.text).join('、') ?? null,
  };
}

async function main(): Promise<void> {
  const datasets = values.datasets ?? loadConfig().datasetsDir;
  const all = await loadFddcContracts(datasets);
  const heldOut = values.part === 'held-out';
  const part: FddcAnnouncement[] = all.filter((_, i) => (i % 3 === 0) === heldOut);
  const gold = new Map<string, FddcContractRecord[]>();
  const predicted = new Map<string, FddcContractRecord[]>();
  let parseMs = 0;
  let rulesMs = 0;
  for (const a of part) {
    const html = values['raw-html'] ? a.html : fddcHtmlWithHeadings(a.html);
    const t0 = performance.now();
    const doc = await parseDocument(
      new TextEncoder().encode(html),
      { fileName: `${a.id}.html`, mimeType: 'text/html', kind: 'announcement' },
      { maxBytes: 50e6, maxPages: 500 },
    );
    const t1 = performance.now();
    const records = readContractFields(doc);
    rulesMs += performance.now() - t1;
    parseMs += t1 - t0;
    gold.set(a.id, a.labels);
    predicted.set(a.id, records.map(toFddc));
  }
  const s = scoreFddcContracts(gold, predicted);
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  console.log(
    `FDDC contracts, ${values.part} part: ${part.length} announcements, ${[...gold.values()].flat().length} label rows${values['raw-html'] ? ' (raw HTML)' : ''}`,
  );
  console.log('field          P      R      F1   (correct/predicted/labelled)');
  for (const f of FDDC_CONTRACT_FIELDS) {
    const r = s.fields[f];
    console.log(
      `${f.padEnd(8, '　')} ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}   (${r.correct}/${r.predicted}/${r.gold})`,
    );
  }
  console.log(`mean F1 ${pct(s.score)}`);
  console.log(
    `time per document: parse ${(parseMs / part.length).toFixed(2)} ms, rules ${(rulesMs / part.length).toFixed(2)} ms`,
  );
  const misses = heldOut ? 0 : Number(values.misses);
  let shown = 0;
  for (const a of part) {
    if (shown >= misses) break;
    const p = predicted.get(a.id)?.[0] ?? {};
    const g = a.labels[0] ?? {};
    const wrong = FDDC_CONTRACT_FIELDS.filter(
      (f) => normalizeFddcText(String(p[f] ?? '')) !== normalizeFddcText(String(g[f] ?? '')),
    );
    if (wrong.length === 0) continue;
    shown++;
    console.log(`\n${a.id}`);
    for (const f of wrong)
      console.log(`  ${f}: got ${JSON.stringify(p[f] ?? null)}, label ${JSON.stringify(g[f] ?? null)}`);
  }
}

await main();
