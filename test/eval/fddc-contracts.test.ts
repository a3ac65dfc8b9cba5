import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  type FddcContractRecord,
  loadFddcContracts,
  normalizeFddcText,
  scoreFddcContracts,
} from '../../src/eval/fddc-contracts.js';
import { fddcRecordsOf } from '../../src/eval/fddc-contracts-run.js';

const gold = (records: FddcContractRecord[]) => new Map([['a1', records]]);

describe('normalizeFddcText', () => {
  it('folds full width, whitespace and case', () => {
    assert.equal(normalizeFddcText('第 Ｄ 标段（一期）'), '第d标段(一期)');
  });
});

describe('scoreFddcContracts', () => {
  it('scores a perfect prediction 1 on every labelled field', () => {
    const r = {
      甲方: '某市水务局',
      乙方: '甲乙建设股份有限公司',
      合同金额上限: '1200000',
      合同金额下限: '1200000',
    };
    const s = scoreFddcContracts(gold([r]), gold([{ ...r, 合同金额上限: 1200000, 合同金额下限: 1200000 }]));
    assert.equal(s.fields.甲方.f1, 1);
    assert.equal(s.fields.合同金额上限.f1, 1);
    // Fields neither labelled nor predicted score 0, as in the competition's mean over all fields.
    assert.equal(s.fields.项目名称.f1, 0);
    assert.equal(s.score, 4 / 7);
  });

  it('compares text after width, space and case folding and amounts to the yuan', () => {
    const s = scoreFddcContracts(
      gold([{ 乙方: '甲乙建设股份有限公司', 项目名称: '第D标段工程', 合同金额上限: '1777497723' }]),
      gold([{ 乙方: '甲乙建设股份有限公司', 项目名称: '第 Ｄ 标段工程', 合同金额上限: 1777497723.4 }]),
    );
    assert.equal(s.fields.项目名称.correct, 1);
    assert.equal(s.fields.合同金额上限.correct, 1);
    const off = scoreFddcContracts(
      gold([{ 合同金额上限: '1777497723' }]),
      gold([{ 合同金额上限: 1777497725 }]),
    );
    assert.equal(off.fields.合同金额上限.correct, 0);
  });

  it('counts precision over predicted and recall over labelled non-empty fields', () => {
    const s = scoreFddcContracts(
      gold([{ 甲方: '某市水务局', 乙方: '甲乙建设股份有限公司', 项目名称: null }]),
      gold([{ 甲方: '某市交通局', 乙方: '甲乙建设股份有限公司', 项目名称: '某路改造工程' }]),
    );
    assert.deepEqual(
      { c: s.fields.甲方.correct, p: s.fields.甲方.predicted, g: s.fields.甲方.gold },
      { c: 0, p: 1, g: 1 },
    );
    assert.equal(s.fields.乙方.f1, 1);
    assert.equal(s.fields.项目名称.precision, 0);
    assert.equal(s.fields.项目名称.gold, 0);
  });

  it('pairs several contracts by 甲方 + 乙方 before field agreement', () => {
    const labels = [
      { 甲方: '某市水务局', 乙方: '甲乙建设股份有限公司', 合同金额上限: '100' },
      { 甲方: '某市交通局', 乙方: '甲乙建设股份有限公司', 合同金额上限: '200' },
    ];
    // Listed in the other order, and the first one's amount matches the wrong label: keys still decide.
    const predicted = [
      { 甲方: '某市交通局', 乙方: '甲乙建设股份有限公司', 合同金额上限: 100 },
      { 甲方: '某市水务局', 乙方: '甲乙建设股份有限公司', 合同金额上限: 100 },
    ];
    const s = scoreFddcContracts(gold(labels), gold(predicted));
    assert.equal(s.fields.甲方.correct, 2);
    assert.equal(s.fields.合同金额上限.correct, 1);
  });

  it('pairs one prediction with one label only', () => {
    const label = { 乙方: '甲乙建设股份有限公司', 合同金额上限: '100' };
    const s = scoreFddcContracts(gold([label]), gold([label, label]));
    assert.equal(s.fields.乙方.correct, 1);
    assert.equal(s.fields.乙方.precision, 0.5);
    assert.equal(s.fields.乙方.recall, 1);
  });

  it('counts an announcement without prediction in recall only', () => {
    const s = scoreFddcContracts(gold([{ 乙方: '甲乙建设股份有限公司' }]), new Map());
    assert.deepEqual([s.fields.乙方.predicted, s.fields.乙方.gold, s.fields.乙方.recall], [0, 1, 0]);
  });
});

describe('loadFddcContracts', () => {
  it('reads dev.jsonl from a datasets folder and rejects other records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fddc-'));
    try {
      const folder = join(dir, 'fddc2018-contracts');
      await mkdir(folder);
      const line = { id: '1', html: '<div>公告</div>', labels: [{ 乙方: '甲乙建设股份有限公司' }] };
      await writeFile(join(folder, 'dev.jsonl'), `${JSON.stringify(line)}\n\n`);
      assert.deepEqual(await loadFddcContracts(dir), [line]);
      await writeFile(join(folder, 'dev.jsonl'), '{"id":"2"}\n');
      await assert.rejects(loadFddcContracts(join(folder, 'dev.jsonl')), /not an FDDC contract announcement/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('fddcRecordsOf', () => {
  it('writes names as the labels do: 乙方 and members without brackets, titles without slashes', () => {
    const [record] = fddcRecordsOf({
      id: 'a1',
      event_list: [
        {
          event_type: '签署合同',
          trigger: '签订',
          arguments: [
            { role: '乙方', argument: '华北路桥（集团）股份有限公司' },
            { role: '项目名称', argument: '东湖20万吨/年焦化项目' },
            { role: '合同名称', argument: '屏蔽门/安全门供货合同' },
            { role: '合同金额', argument: '1.2亿元', value: 120000000 },
            { role: '联合体成员', argument: '西山基金管理（北京）有限公司' },
            { role: '联合体成员', argument: '东湖设计院' },
          ],
        },
      ],
      document: { kind: 'announcement', issuer: null, date: null, report: null },
    });
    assert.deepEqual(record, {
      乙方: '华北路桥股份有限公司',
      项目名称: '东湖20万吨年焦化项目',
      合同名称: '屏蔽门安全门供货合同',
      合同金额上限: 120000000,
      合同金额下限: 120000000,
      联合体成员: '西山基金管理有限公司、东湖设计院',
    });
  });
});
