import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, it } from 'node:test';
import { parseDocument } from '../../src/parse/parse-document.js';
import type { Forecast } from '../../src/parse/research-forecasts.js';
import type { ParsedDocument } from '../../src/parse/types.js';
import { SAMPLES_DIR } from './samples-dir.js';

interface ExpectedSample {
  file: string;
  kind: 'announcement' | 'research_report' | 'news';
  format: 'pdf' | 'txt' | 'html';
  encoding?: string;
  traditional: boolean;
  header: Record<string, unknown> & {
    analysts?: Array<{ name: string; certificateNo?: string; role?: string }>;
    rating?: { raw: string; normalized: string; change?: string };
    stock?: { code: string; shortName: string };
    forecasts?: Record<string, Record<string, number | string>>;
  };
  events: Array<{ type: string; args: Record<string, string> }>;
}

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxPages: 50 };
const expected: ExpectedSample[] = JSON.parse(await readFile(`${SAMPLES_DIR}expected.json`, 'utf8'));
const parsed = new Map<string, ParsedDocument>();

before(async () => {
  for (const sample of expected) {
    const bytes = new Uint8Array(await readFile(`${SAMPLES_DIR}${sample.file}`));
    parsed.set(sample.file, await parseDocument(bytes, { fileName: sample.file, kind: sample.kind }, LIMITS));
  }
});

function doc(file: string): ParsedDocument {
  const d = parsed.get(file);
  assert.ok(d, file);
  return d;
}

describe('sample documents', () => {
  it('cover the required mix', () => {
    const kinds = expected.map((e) => `${e.kind}/${e.format}`);
    assert.ok(kinds.filter((k) => k.startsWith('announcement')).length >= 8);
    assert.equal(kinds.filter((k) => k === 'research_report/pdf').length, 3);
    assert.ok(expected.filter((e) => e.format === 'txt').length >= 2);
    assert.ok(expected.filter((e) => e.format === 'html').length >= 2);
    assert.ok(expected.some((e) => e.encoding === 'gb18030'));
    assert.ok(expected.some((e) => e.traditional));
    const types = new Set(expected.flatMap((e) => e.events.map((ev) => ev.type)));
    for (const t of [
      '质押',
      '股份股权转让',
      '投资',
      '减持',
      '起诉',
      '收购',
      '判决',
      '签署合同',
      '担保',
      '中标',
      '解除质押',
      '回购',
      '增持',
    ]) {
      assert.ok(types.has(t), t);
    }
  });

  for (const sample of expected) {
    describe(sample.file, () => {
      it('parses with exact offsets and pages', () => {
        const d = doc(sample.file);
        assert.equal(d.type, sample.format === 'txt' ? 'text' : sample.format);
        assert.ok(d.sentences.length > 5);
        for (const s of d.sentences) {
          assert.equal(d.text.slice(s.start, s.end), s.text);
          const page = d.pages.find((p) => p.number === s.page);
          assert.ok(page && page.start <= s.start && s.start <= page.end, `sentence ${s.index} page`);
        }
        for (const p of d.pages) assert.equal(d.text.slice(p.start, p.end), p.text);
        assert.equal(d.modelText.length, d.text.length);
        assert.equal(d.traditional, sample.traditional);
        assert.doesNotMatch(d.text, /\[Table_[A-Za-z]+\]/);
        assert.doesNotMatch(d.text, /第 \d+ 页 共 \d+ 页|^\d+ \/ \d+$|^- \d+ -$/m);
      });

      it('keeps every event argument in the text', () => {
        const d = doc(sample.file);
        for (const event of sample.events) {
          for (const [role, value] of Object.entries(event.args)) {
            const plain = value.replace(/（\d{4}-\d{2}-\d{2}）$/, '');
            assert.ok(d.text.includes(plain), `${event.type}.${role}=${plain}`);
          }
        }
      });

      it('yields the expected header', () => {
        const d = doc(sample.file);
        const want = sample.header;
        if (sample.kind === 'announcement') {
          const got = d.header.announcement;
          assert.ok(got);
          for (const key of [
            'stockCode',
            'exchange',
            'shortName',
            'announcementNo',
            'companyName',
            'title',
            'date',
          ]) {
            if (key in want) assert.equal(got[key as keyof typeof got], want[key], key);
          }
        } else if (sample.kind === 'research_report') {
          const got = d.header.researchReport;
          assert.ok(got);
          assert.equal(got.broker, want.broker);
          assert.deepEqual(
            got.analysts.map((a) => [a.name, a.certificateNo ?? null]),
            (want.analysts ?? []).map((a) => [a.name, a.certificateNo ?? null]),
          );
          assert.equal(got.rating?.raw, want.rating?.raw);
          assert.equal(got.rating?.normalized, want.rating?.normalized);
          assert.equal(got.rating?.change, want.rating?.change);
          assert.deepEqual(got.targetPrice, want.targetPrice);
          assert.deepEqual(got.currentPrice, want.currentPrice);
          assert.equal(got.stock?.code, want.stock?.code);
          assert.equal(got.stock?.shortName, want.stock?.shortName);
          for (const [metric, byYear] of Object.entries(want.forecasts ?? {})) {
            for (const [year, value] of Object.entries(byYear)) {
              if (year === 'unit') continue;
              const f: Forecast | undefined = got.forecasts.find(
                (x) => x.metric === metric && x.year === Number(year),
              );
              assert.equal(f?.value, value, `${metric} ${year}`);
              assert.equal(f?.unit, byYear.unit, `${metric} ${year} unit`);
            }
          }
        }
      });
    });
  }

  it('removes running headers and footers but keeps the body', () => {
    const d = doc('ann-603871-pledge.pdf');
    assert.equal(d.pages.length, 2);
    assert.equal(d.text.split('华辰精密制造股份有限公司 关于控股股东部分股份质押及解除质押的公告').length, 1);
    assert.ok(d.text.includes('质押给国联信达证券股份有限公司'));
  });

  it('joins a sentence that runs across a page break', () => {
    const d = doc('ann-001238-acquisition.pdf');
    const s = d.sentences.find((x) => x.text.startsWith('若标的公司在业绩承诺期内发生重大违约情形'));
    assert.ok(s, 'sentence found whole');
    assert.equal(s.page, 1);
    assert.ok(s.end > (d.pages[1]?.start ?? Infinity), 'it ends on page 2');
  });

  it('keeps research-report sidebars and reassembles the vertical title', () => {
    const d = doc('rr-603871-glxd-q1-review.pdf');
    assert.ok(d.sidebar.includes('执业证书编号：S1230520080003'));
    assert.ok(d.sidebar.includes('投资评级：买入（维持）'));
    assert.match(d.text, /^公司点评$/m);
    assert.ok(!d.sidebar.some((l) => l.startsWith('投资评级说明')));
    assert.ok(d.tables.length >= 1);
  });

  it('reports Traditional documents in the original script with simplified model text', () => {
    const d = doc('hk-02368-acquisition-traditional.pdf');
    assert.ok(d.text.includes('代價為港幣4.2億元'));
    assert.ok(d.modelText.includes('代价为港币4.2亿元'));
    const model = '代价为港币4.2亿元';
    const at = d.modelText.indexOf(model);
    assert.equal(d.text.slice(at, at + model.length), '代價為港幣4.2億元');
    assert.equal(d.header.announcement?.companyName, '鴻圖國際控股有限公司');
  });

  it('drops scripts, navigation and footers from HTML', () => {
    const d = doc('news-001238-acquisition.html');
    assert.doesNotMatch(d.text, /不应出现|脚本插入|首页|投资有风险|广告/);
    assert.ok(d.text.startsWith('宏拓控股拟9.8亿元收购启辰半导体70%股权'));
  });
});
