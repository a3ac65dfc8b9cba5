/**
 * Rule records on real filings read at run time from the datasets folder (never copied into the repository);
 * skipped with the reason when the folder is absent. Assertions are on roles and counts, not on copied text.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type RuleRecord, ruleRecords } from '../../src/assemble/rule-records.js';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { type ParsedDocument, parseDocument } from '../../src/parse/index.js';

const dir = join(defaultDatasetsDir(), 'real-pdfs', 'announcements');

async function parsePdf(name: string): Promise<ParsedDocument> {
  return parseDocument(
    readFileSync(join(dir, name)),
    { fileName: name, mimeType: 'application/pdf', kind: 'announcement' },
    { maxBytes: 5e7, maxPages: 50 },
  );
}

function roleNames(record: RuleRecord): string[] {
  return record.arguments.map((a) => a.role);
}

function changeLabels(records: RuleRecord[]): string[] {
  return records.map((r) => String(r.arguments.find((a) => a.role === '变动类型')?.value)).sort();
}

function assertOfficerRecords(doc: ParsedDocument, records: RuleRecord[]): void {
  for (const r of records) {
    assert.equal(r.type, '高管变动');
    for (const role of ['高管姓名', '高管职位', '变动类型']) assert.ok(roleNames(r).includes(role), role);
    for (const a of r.arguments) assert.equal(doc.text.slice(a.start, a.end), a.text);
  }
  const people = records.map((r) => r.arguments.find((a) => a.role === '高管姓名')?.text);
  assert.equal(new Set(people).size, people.length, 'one record per person');
}

function available(name: string): string | false {
  return existsSync(join(dir, name)) ? false : `${name} not found under ${dir} (set DATASETS_DIR)`;
}

const VANKE = '000002_万科A_关于监事辞职的公告_2017-047.pdf';
const HK_RESIGN = '00328_AlcoHoldings_獨立非執行董事辭任_20250903.pdf';
const HK_BOTH = '00328_AlcoHoldings_非執行董事辭任及委任_20250620.pdf';
const HK_APPOINT = '00328_AlcoHoldings_委任執行董事及非執行董事_20250717.pdf';
const HK_WARNING = '00328_AlcoHoldings_盈利預警_20250627.pdf';
const OTHER_KINDS = [
  '000001_平安银行_关联交易公告_2025-005.pdf',
  '002020_京新药业_关于全资子公司收购股权暨关联交易的公告.pdf',
  '00328_AlcoHoldings_自願公告合作諒解備忘錄_20250917.pdf',
];

describe('ruleRecords on real announcements', () => {
  it('a supervisor resignation gives one 高管变动 record of type 辞任 with date and company', {
    skip: available(VANKE),
  }, async () => {
    const doc = await parsePdf(VANKE);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 1);
    assertOfficerRecords(doc, records);
    assert.deepEqual(changeLabels(records), ['辞任']);
    const roles = roleNames(records[0] as RuleRecord);
    assert.ok(roles.includes('任职公司'));
    assert.ok(roles.includes('事件时间'));
  });

  it('an HKEX resignation (辭任) gives one record with its effective date', {
    skip: available(HK_RESIGN),
  }, async () => {
    const doc = await parsePdf(HK_RESIGN);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 1);
    assertOfficerRecords(doc, records);
    assert.deepEqual(changeLabels(records), ['辞任']);
    assert.match(
      String(records[0]?.arguments.find((a) => a.role === '事件时间')?.value),
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it('an HKEX resignation and appointment gives one record per person', {
    skip: available(HK_BOTH),
  }, async () => {
    const doc = await parsePdf(HK_BOTH);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 2);
    assertOfficerRecords(doc, records);
    assert.deepEqual(changeLabels(records), ['任命', '辞任']);
  });

  it('an HKEX appointment of two directors gives two 任命 records', {
    skip: available(HK_APPOINT),
  }, async () => {
    const doc = await parsePdf(HK_APPOINT);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 2);
    assertOfficerRecords(doc, records);
    assert.deepEqual(changeLabels(records), ['任命', '任命']);
  });

  it('an HKEX profit warning gives one 亏损 record with period and loss', {
    skip: available(HK_WARNING),
  }, async () => {
    const doc = await parsePdf(HK_WARNING);
    const records = ruleRecords(doc, {});
    assert.equal(records.length, 1);
    assert.equal(records[0]?.type, '亏损');
    const roles = roleNames(records[0] as RuleRecord);
    assert.ok(roles.includes('净亏损'));
    assert.ok(roles.includes('财报周期'));
    assert.ok(roles.includes('亏损变化'));
  });

  it('announcements of other kinds give no rule records', {
    skip: available(OTHER_KINDS[0] ?? ''),
  }, async () => {
    for (const name of OTHER_KINDS) {
      if (!existsSync(join(dir, name))) continue;
      assert.deepEqual(ruleRecords(await parsePdf(name), {}), [], name);
    }
  });
});
