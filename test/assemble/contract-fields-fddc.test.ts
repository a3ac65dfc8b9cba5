import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type ContractRecord, readContractFields } from '../../src/assemble/contract-fields.js';
import { loadConfig } from '../../src/config/index.js';
import {
  type FddcContractRecord,
  fddcContractsPath,
  fddcHtmlWithHeadings,
  loadFddcContracts,
  scoreFddcContracts,
} from '../../src/eval/fddc-contracts.js';
import { parseDocument } from '../../src/parse/index.js';

const toFddc = (r: ContractRecord): FddcContractRecord => ({
  甲方: r.甲方?.text ?? null,
  乙方: r.乙方?.text.replace(/[（(][^）)]*[）)]/g, '') ?? null,
  项目名称: r.项目名称?.text ?? null,
  合同名称: r.合同名称?.text ?? null,
  合同金额上限: r.合同金额?.upper ?? null,
  合同金额下限: r.合同金额?.lower ?? null,
  联合体成员: r.联合体成员?.map((m) => m.text).join('、') ?? null,
});

describe('readContractFields on real FDDC announcements', () => {
  it('keeps its score on the first 120 development announcements', async (t) => {
    const datasets = loadConfig().datasetsDir;
    if (!existsSync(fddcContractsPath(datasets))) {
      t.skip(`no ${fddcContractsPath(datasets)}: set DATASETS_DIR to the shared data folder`);
      return;
    }
    // Lines divisible by 3 are held out from rule development; only the others are used here.
    const part = (await loadFddcContracts(datasets)).filter((_, i) => i % 3 !== 0).slice(0, 120);
    const gold = new Map<string, FddcContractRecord[]>();
    const predicted = new Map<string, FddcContractRecord[]>();
    for (const a of part) {
      const doc = await parseDocument(
        new TextEncoder().encode(fddcHtmlWithHeadings(a.html)),
        { fileName: `${a.id}.html`, mimeType: 'text/html', kind: 'announcement' },
        { maxBytes: 50e6, maxPages: 500 },
      );
      const records = readContractFields(doc);
      for (const r of records) {
        for (const s of [r.甲方, r.乙方, r.项目名称, r.合同名称, r.合同金额]) {
          if (s) assert.equal(doc.text.slice(s.start, s.end), s.text, `${a.id}: offsets`);
        }
      }
      gold.set(a.id, a.labels);
      predicted.set(a.id, records.map(toFddc));
    }
    const s = scoreFddcContracts(gold, predicted);
    assert.ok(s.score > 0.68, `mean F1 ${s.score.toFixed(3)}`);
    assert.ok(s.fields.乙方.f1 > 0.75, `乙方 F1 ${s.fields.乙方.f1.toFixed(3)}`);
    assert.ok(s.fields.合同金额上限.f1 > 0.72, `合同金额上限 F1 ${s.fields.合同金额上限.f1.toFixed(3)}`);
  });
});
