import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { registerExtractCommand } from '../../src/cli/commands/extract.js';
import { KNOWLEDGE_MODEL_DIR, LOOKUP_MODEL_DIR } from './lookup-model.js';

async function runExtract(args: string[]): Promise<void> {
  const program = new Command('finkg').exitOverride();
  registerExtractCommand(program);
  await program.parseAsync(args, { from: 'user' });
}

describe('finkg extract', () => {
  it('tells a model with the knowledge input the names of --gazetteer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finkg-extract-'));
    try {
      const input = join(dir, 'in.jsonl');
      const names = join(dir, 'names.tsv');
      const output = join(dir, 'out.jsonl');
      await writeFile(input, `${JSON.stringify({ id: 'a', content: '华夏质押' })}\n`);
      await writeFile(names, '# pledgors\n华夏\torg\n');
      const common = [
        '--format',
        'fewfc',
        '--model',
        KNOWLEDGE_MODEL_DIR,
        '--precision',
        'fp32',
        '--output',
        output,
      ];
      const args = async () => JSON.parse(await readFile(output, 'utf8')).events[0].args;
      await runExtract(['extract', input, ...common]);
      assert.deepEqual(await args(), {});
      await runExtract(['extract', input, ...common, '--gazetteer', names]);
      assert.deepEqual(await args(), { 'sub-org': [{ span: [0, 2], word: '华夏' }] });
      await writeFile(names, '华夏\tbank\n');
      await assert.rejects(
        runExtract(['extract', input, ...common, '--gazetteer', names]),
        /names\.tsv:1: expected/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes FewFC records with code-point spans for JSON Lines input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finkg-extract-'));
    try {
      const input = join(dir, 'in.jsonl');
      const output = join(dir, 'out.jsonl');
      await writeFile(
        input,
        `${JSON.stringify({ id: 'a', content: '𠀀标' })}\n${JSON.stringify({ id: 'b', content: '甲乙质押' })}\n`,
      );
      await runExtract([
        'extract',
        input,
        '--format',
        'fewfc',
        '--model',
        LOOKUP_MODEL_DIR,
        '--precision',
        'fp32',
        '--threads',
        '1',
        '--output',
        output,
      ]);
      const lines = (await readFile(output, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(lines[0], {
        id: 'a',
        content: '𠀀标',
        events: [
          {
            type: '中标',
            trigger: { span: [1, 2], word: '标' },
            args: { obj: [{ span: [0, 1], word: '𠀀' }] },
          },
        ],
      });
      assert.deepEqual(lines[1].events[0].args, { 'sub-org': [{ span: [0, 2], word: '甲乙' }] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a document as the workers do and writes its records, in both layouts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finkg-extract-'));
    try {
      const input = join(dir, 'doc.txt');
      // A bid win: outside an announcement a pledge naming no shares or pledgee is a mention in passing.
      const text = '第一句无关。\n𠀀标，公司。';
      await writeFile(input, text);
      const lines = async (format: string) => {
        const output = join(dir, `${format}.jsonl`);
        await runExtract([
          'extract',
          input,
          '--format',
          format,
          '--model',
          LOOKUP_MODEL_DIR,
          '--precision',
          'fp32',
          '--output',
          output,
        ]);
        return (await readFile(output, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l));
      };
      const [graph] = await lines('finkg');
      assert.equal(graph.id, 'doc');
      assert.equal(graph.document.modelVersion, 'lookup-fixture-1');
      const [record] = graph.events;
      assert.equal(text.slice(record.mentions[0].start, record.mentions[0].end), '标');
      // A bare 公司 with no issuer is nobody.
      assert.deepEqual(
        graph.entities.map((e: { name: string }) => e.name),
        [],
      );
      const [duee] = await lines('duee-fin');
      assert.deepEqual(duee.event_list, [
        { event_type: '中标', trigger: '标', arguments: [{ role: '招标方', argument: '𠀀' }] },
      ]);
      assert.deepEqual(duee.document, { kind: 'other', issuer: null, date: null, report: null });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
