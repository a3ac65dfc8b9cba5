/**
 * `finkg eval --dataset fewfc --split dev`: score the model on a FewFC split with the published metrics
 * (TI/TC/AI/AC precision, recall, F1, micro-averaged). Reads the dataset from the datasets folder.
 * A model with the knowledge input is told the names of the training splits (training-gazetteer.ts),
 * the knowledge it was trained with; `--knowledge none` scores it with nothing marked.
 */
import { writeFile } from 'node:fs/promises';
import path, { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { defaultDatasetsDir, defaultModelDir, readSetting } from '../../config/index.js';
import { annotationAgreement, readDoubleAnnotation } from '../../eval/annotation-agreement.js';
import { evaluateEntities, readEntityDevSet } from '../../eval/entity-evaluation.js';
import { EVENT_METRICS, type Prf } from '../../eval/event-metrics.js';
import { type FddcPart, runFddcContracts } from '../../eval/fddc-contracts-run.js';
import { readFewfcSplit } from '../../eval/fewfc-dataset.js';
import { evaluateFewfc } from '../../eval/fewfc-evaluation.js';
import { cachedParser } from '../../eval/parse-cache.js';
import type { RealDocsScore } from '../../eval/realdocs.js';
import { runRealDocs, TEAM_EVENTS_DIR } from '../../eval/realdocs-run.js';
import { recordScore } from '../../eval/recorded-scores.js';
import { loadTeamReports, type TeamReportsScore, teamReportsAgreement } from '../../eval/team-reports.js';
import { runTeamReports, TEAM_REPORTS_FILE, type TeamReportsPart } from '../../eval/team-reports-run.js';
import { readTrainingKnownNames } from '../../eval/training-gazetteer.js';
import { EventExtractor, type ExtractOptions } from '../../extract/event-extractor.js';
import { CachedExtractor } from '../../extract/extraction-cache.js';
import { type Precision, parsePrecision } from '../../extract/model-paths.js';
import { parsePositiveInt } from './extract.js';

interface EvalOptions {
  dataset:
    | 'fewfc'
    | 'entities'
    | 'realdocs'
    | 'team-events'
    | 'team-agreement'
    | 'team-reports'
    | 'fddc-contracts';
  /** Absent: FewFC's dev, fddc-contracts' and team-reports' dev, team-events' held-out part. */
  split?: string;
  model: string;
  precision: Precision;
  dataDir: string;
  threads: number;
  knowledge: 'training' | 'none';
  parts: boolean;
  json?: boolean;
  record?: boolean;
  cache?: boolean | string;
  predictions?: string;
  batch?: string;
}

/** How far the two annotators of the team's double-annotated sample agree; no model is involved. */
async function reportAgreement(json: boolean | undefined): Promise<void> {
  const report = annotationAgreement(...(await readDoubleAnnotation(TEAM_EVENTS_DIR)));
  if (json) {
    process.stdout.write(`${JSON.stringify({ dataset: 'team-agreement', ...report })}\n`);
    return;
  }
  const skips = report.skipDisagreements.length
    ? ` (skipped by one only: ${report.skipDisagreements.join(', ')})`
    : '';
  process.stdout.write(
    `team-agreement: ${report.documents} documents annotated twice${skips}; same event types in ${report.sameTypes}/${report.documents}\nsecond annotator scored against the first:\n${formatRealDocs(report.score)}\n`,
  );
}

/** team-events parts: held-out (the default; never trained on), train, or all. */
/** team-events has no dev part: a split it lacks is an error, never quietly the held-out part. */
function teamPart(split: string | undefined): 'held-out' | 'train' | 'all' {
  if (split === undefined) return 'held-out';
  if (split === 'train' || split === 'all' || split === 'held-out') return split;
  throw new Error(`team-events has the splits train, held-out and all, not "${split}"`);
}

const pct = (x: number) => (100 * x).toFixed(2).padStart(6);

export function formatScoreTable(scores: Readonly<Record<string, Prf>>): string {
  const lines = ['metric      P       R      F1   correct/predicted/gold'];
  for (const [name, s] of Object.entries(scores)) {
    lines.push(
      `${name.padEnd(8)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}   ${s.correct}/${s.predicted}/${s.gold}`,
    );
  }
  return lines.join('\n');
}

const share = (a: { correct: number; total: number }) =>
  `${pct(a.total === 0 ? 0 : a.correct / a.total)}%  ${a.correct}/${a.total}`;

/** The realdocs score as people read it: records first, then what the documents say of themselves. */
export function formatRealDocs(score: RealDocsScore): string {
  const lines = [
    formatScoreTable({ arguments: score.arguments }),
    '',
    `complete records     ${share(score.completeRecords)} gold events`,
    `false-event docs     ${share(score.falseEventDocuments)} documents${score.falseEventDocuments.ids.length ? ' (listed at the end)' : ''}`,
    `kind                 ${share(score.kind)}`,
    `issuer               ${share(score.issuer)}`,
    `date                 ${share(score.date)}`,
    ...Object.entries(score.reportFields).map(([field, a]) => `report ${field.padEnd(13)} ${share(a)}`),
    '',
    'by type',
    formatScoreTable(score.byType),
    '',
    'by role',
    formatScoreTable(score.byRole),
  ];
  const falseIds = score.falseEventDocuments.ids;
  if (falseIds.length) {
    lines.push('', 'documents with a false event');
    for (let i = 0; i < falseIds.length; i += 6) lines.push(`  ${falseIds.slice(i, i + 6).join('  ')}`);
  }
  return lines.join('\n');
}

/** One line per document read: `{"id", ...duee-fin output}` (FDDC: `{"id", gold, predicted}`), for comparing by hand. */
async function writePredictions(file: string, predictions: ReadonlyMap<string, object>): Promise<void> {
  const lines = [...predictions].map(([id, doc]) => JSON.stringify({ ...doc, id }));
  await writeFile(file, lines.length ? `${lines.join('\n')}\n` : '');
}

/** The report-field score of the team's broker-report sample; its errors are listed for the dev part only. */
export function formatTeamReports(part: TeamReportsPart, score: TeamReportsScore): string {
  const lines = [
    `kind (undeclared)    ${share(score.kind)}`,
    `date                 ${share(score.date)}`,
    'field          right of stated        false where gold has none',
    ...Object.entries(score.fields).map(
      ([field, a]) =>
        `${field.padEnd(14)} ${share(a).padEnd(22)} ${share(score.falseValues[field as keyof typeof score.falseValues])}`,
    ),
  ];
  if (part === 'dev' && score.misses.length) {
    lines.push('', 'misses (id field: gold → predicted)');
    for (const m of score.misses)
      lines.push(`  ${m.id} ${m.field}: ${JSON.stringify(m.gold)} → ${JSON.stringify(m.predicted)}`);
  }
  return lines.join('\n');
}

/** Field agreement of the two independent annotations of the first 30 sampled reports; no product involved. */
async function reportTeamReportsAgreement(json: boolean | undefined): Promise<void> {
  const dir = path.dirname(TEAM_REPORTS_FILE);
  const first = await loadTeamReports(TEAM_REPORTS_FILE);
  const second = await loadTeamReports(path.join(dir, 'agreement', 'second-annotator.jsonl'));
  const report = teamReportsAgreement(first, second);
  if (json) {
    process.stdout.write(`${JSON.stringify({ dataset: 'team-reports agreement', ...report })}\n`);
    return;
  }
  const lines = [
    `team-reports agreement: ${report.documents} reports annotated twice (same value per field)`,
  ];
  for (const [field, a] of Object.entries(report.fields)) lines.push(`${field.padEnd(14)} ${share(a)}`);
  lines.push('', 'disagreements (id field: first | second)');
  for (const d of report.disagreements) lines.push(`  ${d.id} ${d.field}: ${d.first} | ${d.second}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function reportTeamReports(options: EvalOptions): Promise<void> {
  if (options.split === 'agreement') return reportTeamReportsAgreement(options.json);
  const part: TeamReportsPart =
    options.split === 'held-out' || options.split === 'all' ? options.split : 'dev';
  const result = await runTeamReports(options.dataDir, part, TEAM_REPORTS_FILE, options.batch);
  if (options.predictions && part === 'dev') await writePredictions(options.predictions, result.predictions);
  if (options.json) {
    const { predictions: _, ...scored } = result;
    const { misses, ...score } = scored.score;
    process.stdout.write(
      `${JSON.stringify({ dataset: 'team-reports', ...scored, score: part === 'dev' ? scored.score : score })}\n`,
    );
    return;
  }
  const skipped = result.skipped.length ? `\nnot read: ${result.skipped.join('; ')}` : '';
  process.stdout.write(
    `team-reports ${part}${options.batch ? ` (${options.batch})` : ''}: ${result.score.documents} documents, ${result.seconds.toFixed(1)} s${skipped}\n${formatTeamReports(part, result.score)}\n`,
  );
}

async function run(options: EvalOptions): Promise<void> {
  if (options.dataset === 'team-agreement') return reportAgreement(options.json);
  if (options.dataset === 'team-reports') return reportTeamReports(options);
  // Checked before the model loads: a mistyped split must fail at once, not read the held-out part.
  const teamEventsPart = options.dataset === 'team-events' ? teamPart(options.split) : undefined;
  const started = Date.now();
  const extractor = await EventExtractor.load({
    modelDir: options.model,
    precision: options.precision,
    session: { intraOpNumThreads: options.threads },
    parts: options.parts,
  });
  // Document sets read whole documents; their sentences' readings and parsed PDFs can be kept between runs.
  const cacheDir =
    options.cache === undefined || options.cache === false
      ? undefined
      : typeof options.cache === 'string'
        ? options.cache
        : path.join(readSetting('dataDir'), 'eval-cache');
  const reader = cacheDir ? await CachedExtractor.open(extractor, cacheDir) : extractor;
  const parser = cacheDir ? await cachedParser(cacheDir) : undefined;
  const cacheNote = (): string =>
    reader instanceof CachedExtractor
      ? `, sentences ${reader.counts.cached} from the cache + ${reader.counts.read} read by the model` +
        (parser && parser.counts.cached + parser.counts.parsed > 0
          ? `, PDFs ${parser.counts.cached} from the cache + ${parser.counts.parsed} parsed`
          : '')
      : '';
  if (options.dataset === 'fddc-contracts') {
    const part = (
      ['dev', 'held-out', 'all'].includes(options.split ?? 'dev') ? options.split : 'dev'
    ) as FddcPart;
    const { records, ...result } = await runFddcContracts(reader, options.dataDir, part);
    if (options.predictions) await writePredictions(options.predictions, records);
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ dataset: 'fddc-contracts', part, modelVersion: extractor.modelVersion, ...result })}\n`,
      );
      return;
    }
    process.stdout.write(
      `fddc-contracts ${part}: ${result.announcements} announcements, model ${extractor.modelVersion} (${options.precision}), ${result.seconds.toFixed(1)} s${cacheNote()}\n${formatScoreTable(result.scores.fields)}\nmean F1 ${pct(result.scores.score)}\n`,
    );
    return;
  }
  if (options.dataset === 'realdocs' || options.dataset === 'team-events') {
    const team = options.dataset === 'team-events';
    const part = teamEventsPart;
    const result = team
      ? await runRealDocs(
          reader,
          options.dataDir,
          TEAM_EVENTS_DIR,
          (d) => part === 'all' || d.split === part,
          parser,
        )
      : await runRealDocs(reader, options.dataDir, undefined, undefined, parser);
    const name = part ? `${options.dataset} ${part}` : options.dataset;
    if (options.predictions) await writePredictions(options.predictions, result.predictions);
    if (options.record) {
      const command = `finkg eval --dataset ${options.dataset}${part ? ` --split ${part}` : ''}`;
      recordScore(options.model, name, extractor.modelVersion, result.score, result.documents, command);
    }
    if (options.json) {
      const { predictions: _, ...scored } = result;
      process.stdout.write(
        `${JSON.stringify({ dataset: options.dataset, part, modelVersion: extractor.modelVersion, ...scored })}\n`,
      );
      return;
    }
    const skipped = result.skipped.length ? `\nnot read: ${result.skipped.join('; ')}` : '';
    process.stdout.write(
      `${name}: ${result.documents} documents, ${result.pages} pages, model ${extractor.modelVersion} (${options.precision}), ${result.seconds.toFixed(1)} s (${(result.pages / result.seconds).toFixed(2)} pages/s)${cacheNote()}${skipped}\n${formatRealDocs(result.score)}\n`,
    );
    return;
  }
  const split = options.split ?? 'dev';
  const extract: ExtractOptions =
    extractor.usesKnowledge && options.knowledge === 'training'
      ? { gazetteer: await readTrainingKnownNames(options.dataDir) }
      : {};
  let sentences: number;
  let scores: Record<string, Prf>;
  if (options.dataset === 'fewfc') {
    const records = await readFewfcSplit(options.dataDir, split);
    sentences = records.length;
    const all = await evaluateFewfc(extractor, records, extract);
    scores = Object.fromEntries(EVENT_METRICS.map((m) => [m, all[m]]));
  } else {
    const set = await readEntityDevSet(options.dataDir, extractor.config);
    sentences = set.length;
    scores = await evaluateEntities(extractor, set, extract);
  }
  const seconds = (Date.now() - started) / 1000;
  const summary = {
    dataset: options.dataset,
    split,
    model: options.model,
    precision: options.precision,
    knowledge: extract.gazetteer ? `${options.knowledge} (${extract.gazetteer.size} names)` : 'none',
    files: extractor.modelFiles.map((f) => basename(f)),
    modelVersion: extractor.modelVersion,
    sentences,
    seconds,
    scores,
  };
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    `${options.dataset} ${split}: ${sentences} sentences, model ${extractor.modelVersion} (${options.precision}), knowledge ${summary.knowledge}, ${summary.files.join(' + ')}, ${seconds.toFixed(1)} s\n${formatScoreTable(scores)}\n`,
  );
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description(
      'score the model on a dev split (FewFC events TI/TC/AI/AC, entities) or the product on real documents',
    )
    .addOption(
      new Option(
        '--dataset <name>',
        "what to score: FewFC events, entities, records of real documents (data/realdocs), the team's event annotations (data/team-events) and their agreement, the team's broker-report fields (data/team-reports), or FDDC contracts",
      )
        .choices([
          'fewfc',
          'entities',
          'realdocs',
          'team-events',
          'team-agreement',
          'team-reports',
          'fddc-contracts',
        ])
        .default('fewfc'),
    )
    .option(
      '--split <split>',
      'FewFC split file name (default dev; the test split is held out); for fddc-contracts dev (default), held-out or all; for team-events held-out (default), train or all; for team-reports dev (default), held-out, all or agreement',
    )
    .option('--model <dir>', 'model folder', defaultModelDir())
    .option('--precision <precision>', 'fp32 or int8', parsePrecision, 'int8')
    .option('--data-dir <dir>', 'datasets folder (env DATASETS_DIR)', defaultDatasetsDir())
    .option('--threads <n>', 'onnxruntime intra-op threads (0 = one per core)', parsePositiveInt, 0)
    .addOption(
      new Option('--knowledge <source>', 'names marked for a model with the knowledge input')
        .choices(['training', 'none'])
        .default('training'),
    )
    .option('--no-parts', 'run the whole int8 file, not the encoder + detected-type heads parts')
    .option(
      '--cache [dir]',
      "realdocs, team-events, fddc-contracts: keep the model's reading of each sentence (and realdocs' parsed PDFs) in DIR (default DATA_DIR/eval-cache) and reuse them, so re-scoring after a change to parsing or rules runs the model only on new sentences and the parser only when its code changed",
    )
    .option(
      '--batch <name>',
      'team-reports: only the documents of one annotation batch (first-sample, the sample the rules were developed on; second-sample, reports added later)',
    )
    .option('--json', 'print one JSON object instead of a table')
    .option(
      '--predictions <file>',
      "realdocs, team-events, fddc-contracts: write each document's records to FILE (JSON Lines; FDDC: the labelled records beside the predicted)",
    )
    .option(
      '--record',
      "realdocs and team-events: write the score into the model folder's document-scores.json, the figure the tests hold the product to",
    )
    .action(run);
}
