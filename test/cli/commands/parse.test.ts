import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { projectRoot } from '../../../src/config/index.js';
import { scannedPdf } from '../../support/scanned-pdf.js';

const cli = path.join(projectRoot, 'dist/src/cli/main.js');
const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, [cli, 'parse', ...args], { maxBuffer: 32 << 20 });
const runWith = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  promisify(execFile)(process.execPath, [cli, 'parse', ...args], {
    maxBuffer: 32 << 20,
    env: { ...process.env, ...env },
  });

interface Report {
  type: string;
  kind: string;
  ocr: boolean;
  header: { announcement?: { stockCode?: string } };
  pages: Array<{
    number: number;
    text: string;
    ocr?: { confidence: number; lines: Array<{ text: string; confidence: number; box: number[] }> };
  }>;
  tables: Array<{ page: number; header: string[]; rows: string[][] }>;
}

describe('finkg parse', () => {
  let dir: string;
  let scan: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'finkg-parse-'));
    scan = path.join(dir, 'scan.pdf');
    await writeFile(
      scan,
      await scannedPdf([['证券代码：603871  证券简称：华辰精密', '关于控股股东部分股份质押的公告']]),
    );
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('prints kind, header, pages and tables of a text PDF without any service', async () => {
    const { stdout } = await run(path.join(projectRoot, 'samples/ann-603871-pledge.pdf'));
    const report = JSON.parse(stdout) as Report;
    assert.equal(report.type, 'pdf');
    assert.equal(report.kind, 'announcement');
    assert.equal(report.ocr, false);
    assert.equal(report.header.announcement?.stockCode, '603871');
    assert.equal(report.pages.length, 2);
    assert.ok(report.pages.every((p) => p.ocr === undefined));
    assert.ok(
      report.tables.some((t) => t.header.includes('股东名称') && t.rows.some((r) => r.includes('周建平'))),
    );
  });

  it('prints each OCR line of a scanned PDF with its box and confidence', async () => {
    const report = JSON.parse((await run(scan)).stdout) as Report;
    assert.equal(report.ocr, true);
    const lines = report.pages[0]?.ocr?.lines ?? [];
    assert.equal(lines.length, 2);
    assert.match(lines[1]?.text ?? '', /股份质押的公告/);
    for (const line of lines) {
      assert.equal(line.box.length, 4);
      assert.ok(line.confidence > 0.5 && line.confidence <= 1);
    }
  });

  it('keeps the configured OCR limits (OCR_MAX_PAGES, OCR_ENABLED), as the workers do', async () => {
    const twoPages = path.join(dir, 'two-pages.pdf');
    await writeFile(twoPages, await scannedPdf([['第一页'], ['第二页']]));
    await assert.rejects(runWith({ OCR_MAX_PAGES: '1' }, twoPages), (e: { stderr?: string }) => {
      assert.match(e.stderr ?? '', /two-pages\.pdf: \[ocr_limit\].*limit of 1 pages/);
      return true;
    });
    await assert.rejects(runWith({ OCR_ENABLED: 'false' }, scan), /\[no_text_layer\]/);
  });

  it('--no-ocr keeps a scan the clear no_text_layer error, exit code 1', async () => {
    await assert.rejects(run(scan, '--no-ocr'), (e: { code?: number; stderr?: string }) => {
      assert.equal(e.code, 1);
      assert.match(e.stderr ?? '', /scan\.pdf: \[no_text_layer\]/);
      return true;
    });
  });
});
