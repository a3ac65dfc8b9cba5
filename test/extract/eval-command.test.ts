import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { registerEvalCommand } from '../../src/cli/commands/eval.js';
import { KNOWLEDGE_MODEL_DIR, LOOKUP_MODEL_DIR } from './lookup-model.js';

/** Hand-written FewFC-layout records that the lookup fixture model half gets right. */
const RECORDS = [
  {
    id: 'r1',
    content: '甲乙质押',
    events: [
      {
        type: '质押',
        trigger: { span: [2, 4], word: '质押' },
        args: { 'sub-org': [{ span: [0, 2], word: '甲乙' }] },
      },
    ],
  },
  {
    id: 'r2',
    content: '𠀀标的',
    events: [
      {
        type: '中标',
        trigger: { span: [1, 2], word: '标' },
        args: { obj: [{ span: [0, 1], word: '𠀀' }], sub: [{ span: [2, 3], word: '的' }] },
      },
    ],
  },
];

async function captureStdout(run: () => Promise<unknown>): Promise<string> {
  const original = process.stdout.write.bind(process.stdout);
  let text = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = original;
  }
  return text;
}

describe('finkg eval', () => {
  it('scores a FewFC split from the datasets folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finkg-eval-'));
    try {
      await mkdir(join(dir, 'fewfc'));
      await writeFile(join(dir, 'fewfc', 'dev.json'), RECORDS.map((r) => JSON.stringify(r)).join('\n'));
      const program = new Command('finkg').exitOverride();
      registerEvalCommand(program);
      const args = ['eval', '--dataset', 'fewfc', '--split', 'dev', '--data-dir', dir];
      const out = await captureStdout(() =>
        program.parseAsync([...args, '--model', LOOKUP_MODEL_DIR, '--precision', 'fp32', '--json'], {
          from: 'user',
        }),
      );
      const summary = JSON.parse(out) as {
        sentences: number;
        scores: Record<string, { correct: number; predicted: number; gold: number; f1: number }>;
      };
      assert.equal(summary.sentences, 2);
      assert.deepEqual(
        summary.scores.TC && [summary.scores.TC.correct, summary.scores.TC.predicted, summary.scores.TC.gold],
        [2, 2, 2],
      );
      // Arguments: 甲乙 and 𠀀 are found, 的 (sub of 中标) is not.
      assert.deepEqual(
        summary.scores.AC && [summary.scores.AC.correct, summary.scores.AC.predicted, summary.scores.AC.gold],
        [2, 2, 3],
      );
      assert.ok(Math.abs((summary.scores.AC?.f1 ?? 0) - 0.8) < 1e-9);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells a model with the knowledge input the training names, unless --knowledge none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'finkg-eval-'));
    const pledge = (id: string, content: string, org: string) => ({
      id,
      content,
      events: [
        {
          type: '质押',
          trigger: { span: [content.indexOf('质押'), content.indexOf('质押') + 2], word: '质押' },
          args: {
            'sub-org': [{ span: [content.indexOf(org), content.indexOf(org) + org.length], word: org }],
          },
        },
      ],
    });
    try {
      await mkdir(join(dir, 'fewfc'));
      await mkdir(join(dir, 'finner-bbt'));
      await writeFile(join(dir, 'fewfc', 'train.json'), JSON.stringify(pledge('t', '华夏质押', '华夏')));
      await writeFile(join(dir, 'finner-bbt', 'train_list.json'), '[]');
      await writeFile(join(dir, 'fewfc', 'dev.json'), JSON.stringify(pledge('d', '的华夏质押', '华夏')));
      const score = async (...extra: string[]) => {
        const program = new Command('finkg').exitOverride();
        registerEvalCommand(program);
        const args = [
          'eval',
          '--data-dir',
          dir,
          '--model',
          KNOWLEDGE_MODEL_DIR,
          '--precision',
          'fp32',
          '--json',
        ];
        const out = await captureStdout(() => program.parseAsync([...args, ...extra], { from: 'user' }));
        return JSON.parse(out) as { knowledge: string; scores: Record<string, { correct: number }> };
      };
      const told = await score();
      assert.equal(told.knowledge, 'training (1 names)');
      assert.equal(told.scores.AC?.correct, 1);
      const blind = await score('--knowledge', 'none');
      assert.equal(blind.knowledge, 'none');
      assert.equal(blind.scores.AC?.correct, 0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
