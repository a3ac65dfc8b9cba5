/**
 * Model speed: characters per second per core (onnxruntime intra-op threads = 1), fp32 and int8, for our
 * model and for a BERT-base-shaped encoder, on the same composed announcement-style text cut into windows
 * of our max_len. Printed side by side with the ratio.
 *
 *   .venv/bin/python bench/make_bert_base_onnx.py     # once: bench/out/bert-base.{fp32,int8}.onnx
 *   npm run bench:model -- [--model models/finkg-small] [--seconds 5] [--chars 8000] [--batch 8]
 *
 * "model" rows time session.run alone on prepared windows ("int8 parts": the encoder, then the heads for the
 * detected types only, as served when the model folder has the parts); the "pipeline" row times our whole extractor
 * (tokenizer, jieba features, knowledge marks of the text's company, bank and person names, windowing,
 * run, decoding) on the same text.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultModelDir, eventSchemaFile, projectRoot } from '../src/config/index.js';
import { EventExtractor } from '../src/extract/event-extractor.js';
import { KnownNames } from '../src/extract/knowledge-features.js';
import { loadModelConfig } from '../src/extract/model-config.js';
import { modelFileName } from '../src/extract/model-paths.js';
import { loadModelRunner, partFileNames } from '../src/extract/model-runner.js';
import { type Int64Feed, loadOnnxSession, releaseOnnxSession } from '../src/extract/onnx-session.js';
import { Tokenizer } from '../src/extract/tokenizer.js';
import { wordFeatures } from '../src/extract/word-features.js';

const COMPANIES = [
  '华东精密制造股份有限公司',
  '远山新能源科技有限公司',
  '北辰医药集团',
  '恒信建设工程有限公司',
  '中嘉投资控股有限公司',
];
const PEOPLE = ['张建华', '李明远', '王晓燕', '陈国栋', '刘若冰'];
const BANKS = ['招商银行深圳分行', '中国工商银行上海分行', '兴业银行杭州分行'];

/** Announcement-style sentences written for this benchmark, varied by a counter. */
function sentence(i: number): string {
  const c = COMPANIES[i % COMPANIES.length] as string;
  const d = COMPANIES[(i + 2) % COMPANIES.length] as string;
  const p = PEOPLE[i % PEOPLE.length] as string;
  const b = BANKS[i % BANKS.length] as string;
  const n = 1000 + ((i * 7919) % 9000);
  const month = 1 + (i % 12);
  const day = 1 + ((i * 3) % 28);
  const templates = [
    `本公司于2023年${month}月${day}日接到控股股东${p}的通知，获悉其将所持有的本公司${n}万股无限售流通股质押给${b}，占其所持股份的${(n % 37) + 5}.${n % 10}%，质押期限自${month}月${day}日起至解除质押登记之日止。`,
    `${c}与${d}签署了《战略合作框架协议》，合同金额约为人民币${n}.${i % 100}万元，协议自双方签字盖章之日起生效，对公司本年度经营业绩不构成重大影响。`,
    `近日，公司全资子公司${d}收到中标通知书，确认其为“智慧园区综合管理平台建设项目”的中标单位，中标金额为${n}万元，约占公司上一年度经审计营业收入的${(n % 9) + 1}%。`,
    `因与${d}的买卖合同纠纷，公司向人民法院提起诉讼，请求判令被告支付货款${n}万元及逾期付款利息，法院已正式受理，目前案件尚未开庭审理。`,
    `公司持股5%以上股东${p}计划自本公告披露之日起15个交易日后的6个月内，以集中竞价方式减持本公司股份不超过${n}股，减持价格视市场价格确定。`,
    `为满足经营发展需要，公司拟为全资子公司${c}向${b}申请的综合授信提供连带责任保证担保，担保金额不超过${n}万元，担保期限为三年。`,
  ];
  return templates[i % templates.length] as string;
}

function composeText(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++) text += sentence(i);
  return text;
}

/** Cut code points into windows of `maxLen` (the long text as the extractor would see it, without overlap). */
function windows<T>(items: readonly T[], maxLen: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += maxLen) out.push(items.slice(i, i + maxLen));
  return out;
}

function feedsFor(rows: readonly (readonly number[])[]): {
  dims: readonly [number, number];
  fill: (v: (r: number, i: number) => number) => Int64Feed;
} {
  const width = Math.max(...rows.map((r) => r.length));
  const dims = [rows.length, width] as const;
  return {
    dims,
    fill: (value) => {
      const data = new BigInt64Array(rows.length * width);
      rows.forEach((row, r) => {
        for (let i = 0; i < row.length; i++) data[r * width + i] = BigInt(value(r, i));
      });
      return { data, dims };
    },
  };
}

interface Measured {
  chars: number;
  seconds: number;
  runs: number;
}

/**
 * Run `once` (which processes `chars` characters) repeatedly for at least `seconds`, after `warmUp` (one
 * batch: enough for onnxruntime's first-run allocations without paying a whole slow pass twice).
 */
async function measure(
  chars: number,
  seconds: number,
  once: () => Promise<void>,
  warmUp: () => Promise<void> = once,
): Promise<Measured> {
  await warmUp();
  const started = process.hrtime.bigint();
  let runs = 0;
  let elapsed = 0;
  do {
    await once();
    runs++;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  } while (elapsed < seconds);
  return { chars: chars * runs, seconds: elapsed, runs };
}

/** Batches of windows run through one session; returns a closure doing a full pass over the text. */
function passOver(
  session: Awaited<ReturnType<typeof loadOnnxSession>>,
  batches: Record<string, Int64Feed>[],
  outputs: readonly string[],
) {
  return async () => {
    for (const feeds of batches) await session.run(feeds, outputs);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: defaultModelDir() },
      seconds: { type: 'string', default: '5' },
      chars: { type: 'string', default: '8000' },
      batch: { type: 'string', default: '8' },
      bert: { type: 'string', default: join(projectRoot, 'bench/out') },
    },
  });
  const seconds = Number(values.seconds);
  const batchSize = Math.max(1, Number(values.batch));
  const modelDir = values.model as string;
  const config = await loadModelConfig(join(modelDir, 'config.json'), eventSchemaFile());
  const tokenizer = await Tokenizer.fromVocabFile(join(modelDir, 'vocab.txt'));
  const text = composeText(Number(values.chars));
  const chars = [...text].length;
  const { ids } = tokenizer.encode(text);
  const { seg, pos } = wordFeatures(text);
  const names = KnownNames.of([
    ...[...COMPANIES, ...BANKS].map((name) => ({ name, kind: 'org' as const })),
    ...PEOPLE.map((name) => ({ name, kind: 'person' as const })),
  ]);
  const kb = names.mark(text);
  const rowsIds = windows(ids, config.maxLen);
  const rowsSeg = windows(seg, config.maxLen);
  const rowsPos = windows(pos, config.maxLen);
  const rowsKb = windows(kb, config.maxLen);

  const oursBatches: Record<string, Int64Feed>[] = [];
  const bertBatches: Record<string, Int64Feed>[] = [];
  for (let b = 0; b < rowsIds.length; b += batchSize) {
    const idRows = rowsIds.slice(b, b + batchSize);
    const f = feedsFor(idRows);
    const at = (rows: number[][]) => (r: number, i: number) => (rows[b + r] as number[])[i] as number;
    const attention = f.fill(() => 1);
    oursBatches.push({
      input_ids: f.fill(at(rowsIds)),
      attention_mask: attention,
      seg_ids: f.fill(at(rowsSeg)),
      pos_ids: f.fill(at(rowsPos)),
      kb_ids: f.fill(at(rowsKb)),
    });
    // The BERT shape gets ids in its own vocab range; only the shapes matter for speed.
    bertBatches.push({
      input_ids: f.fill((r, i) => 100 + (((idRows[r] as number[])[i] as number) % 21000)),
      attention_mask: attention,
    });
  }

  console.log(
    `text: ${chars} chars in ${rowsIds.length} windows of ≤${config.maxLen}, batch ${batchSize}, intra-op threads 1, ≥${seconds}s per row`,
  );
  const rates: Record<string, number> = {};
  const rows: [string, string][] = [];
  for (const precision of ['fp32', 'int8'] as const) {
    const oursPath = join(modelDir, modelFileName(precision));
    const bertPath = join(values.bert as string, `bert-base.${precision}.onnx`);
    for (const [name, path, batches, outs] of [
      ['ours', oursPath, oursBatches, ['type_logits', 'trigger_logits', 'argument_logits', 'entity_logits']],
      ['bert-base', bertPath, bertBatches, ['token_logits']],
    ] as const) {
      if (!existsSync(path)) {
        rows.push([`${name} ${precision}`, `missing ${path}`]);
        continue;
      }
      const session = await loadOnnxSession(path, { intraOpNumThreads: 1 });
      // A model from before the knowledge input takes no kb_ids.
      if (name === 'ours' && !session.inputNames.includes('kb_ids')) for (const b of batches) delete b.kb_ids;
      const m = await measure(
        chars,
        seconds,
        passOver(session, batches, outs),
        passOver(session, batches.slice(0, 1), outs),
      );
      await releaseOnnxSession(path);
      const rate = m.chars / m.seconds;
      rates[`${name} ${precision}`] = rate;
      rows.push([
        `${name} ${precision}`,
        `${rate.toFixed(0).padStart(8)} chars/s/core  (${m.runs} passes, ${m.seconds.toFixed(1)} s)`,
      ]);
    }
  }
  const parts = partFileNames('int8');
  if (existsSync(join(modelDir, parts.encoder)) && existsSync(join(modelDir, parts.pairHeads))) {
    const runner = await loadModelRunner(modelDir, config, {
      precision: 'int8',
      session: { intraOpNumThreads: 1 },
    });
    const pass = async (list: typeof oursBatches) => {
      for (const feeds of list) await runner.run(feeds);
    };
    const m = await measure(
      chars,
      seconds,
      () => pass(oursBatches),
      () => pass(oursBatches.slice(0, 1)),
    );
    rates['ours int8 parts'] = m.chars / m.seconds;
    rows.push([
      'ours int8 parts',
      `${(m.chars / m.seconds).toFixed(0).padStart(8)} chars/s/core  (${m.runs} passes, ${m.seconds.toFixed(1)} s)`,
    ]);
  }
  const pipelinePrecision = existsSync(join(modelDir, modelFileName('int8'))) ? 'int8' : 'fp32';
  const extractor = await EventExtractor.load({
    modelDir,
    precision: pipelinePrecision,
    session: { intraOpNumThreads: 1 },
    batching: { maxBatchSize: batchSize },
  });
  const m = await measure(chars, seconds, async () => {
    await extractor.extractDocuments([text], { gazetteer: names });
  });
  rows.push([
    `ours ${pipelinePrecision} pipeline`,
    `${(m.chars / m.seconds).toFixed(0).padStart(8)} chars/s/core  (${m.runs} passes, ${m.seconds.toFixed(1)} s)`,
  ]);

  for (const [name, value] of rows) console.log(`${name.padEnd(20)} ${value}`);
  for (const precision of ['fp32', 'int8']) {
    const ours = rates[`ours ${precision}`];
    const bert = rates[`bert-base ${precision}`];
    if (ours && bert) console.log(`ratio ${precision}: ours / bert-base = ${(ours / bert).toFixed(1)}×`);
  }
  const served = rates['ours int8 parts'];
  const bertInt8 = rates['bert-base int8'];
  if (served && bertInt8)
    console.log(`ratio int8 parts: ours / bert-base = ${(served / bertInt8).toFixed(1)}×`);
}

await main();
