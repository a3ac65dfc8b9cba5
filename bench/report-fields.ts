/**
 * Kind detection and research-report fields on the real PDFs in ../shared/data/real-pdfs (or
 * $DATASETS_DIR/real-pdfs), parsed without a declared kind, as a document submitted bare would be.
 *
 *   node dist/bench/report-fields.js [--verbose] [--declared]
 *
 * --declared submits the reports as research_report, to see the fields apart from kind detection.
 *
 * Truth: the folder gives the kind (announcements/ → announcement, reports/ → research_report); the
 * broker is the file name's prefix; a certificate counts as found when the report's own text prints it
 * (S + 13 digits) and the header lists it. Rating and target price are expected only where the file
 * is the rated company report (示例7); its broker and analyst names are redacted ("xxx"), so none is expected.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDatasetsDir } from '../src/config/index.js';
import { parseDocument } from '../src/parse/index.js';

const root = join(defaultDatasetsDir(), 'real-pdfs');
const verbose = process.argv.includes('--verbose');
const declared = process.argv.includes('--declared');
const LIMITS = { maxBytes: 64 * 1024 * 1024, maxPages: 500 };

interface Tally {
  right: number;
  total: number;
}
const tally = (): Tally => ({ right: 0, total: 0 });
const score = (t: Tally, ok: boolean) => {
  t.total++;
  if (ok) t.right++;
};
const show = (t: Tally) => `${t.right}/${t.total}`;
// 申万宏源 and 申万宏源证券 name the same broker.
const sameBroker = (found: string | undefined, expected: string) =>
  found !== undefined && found.replace(/证券$/, '') === expected.replace(/证券$/, '');

async function main(): Promise<void> {
  if (!existsSync(root)) {
    console.log(`no real PDFs at ${root}`);
    return;
  }
  const kind = tally();
  const broker = tally();
  const analysts = tally();
  const certificates = tally();
  const rating = tally();
  const target = tally();
  for (const folder of ['announcements', 'reports'] as const) {
    const expected = folder === 'reports' ? 'research_report' : 'announcement';
    for (const file of readdirSync(join(root, folder)).sort()) {
      if (!file.endsWith('.pdf')) continue;
      const bytes = new Uint8Array(readFileSync(join(root, folder, file)));
      const started = performance.now();
      let doc: Awaited<ReturnType<typeof parseDocument>>;
      try {
        const meta = declared && folder === 'reports' ? { kind: 'research_report' as const } : {};
        doc = await parseDocument(bytes, { fileName: file, ...meta }, LIMITS);
      } catch (error) {
        // The scanned filing has no text: no kind can be read from it.
        console.log(`${file}: ${(error as Error).name}`);
        continue;
      }
      const ms = Math.round(performance.now() - started);
      score(kind, doc.kind === expected);
      if (verbose || doc.kind !== expected) console.log(`${folder}/${file}: kind ${doc.kind} (${ms} ms)`);
      if (folder !== 'reports') continue;

      const header = doc.header.researchReport;
      const printed = [...new Set(doc.text.match(/S\d{13}/g) ?? [])];
      const listed = new Set(
        (header?.analysts ?? []).flatMap((a) => (a.certificateNo ? [a.certificateNo] : [])),
      );
      const rated = file.startsWith('示例7');
      const fileBroker = file.split('_')[0] ?? '';
      const named = header?.analysts.filter((a) => a.role === 'analyst').length ?? 0;
      score(broker, rated ? header?.broker === undefined : sameBroker(header?.broker, fileBroker));
      score(analysts, rated ? named === 0 : named > 0);
      for (const c of printed) score(certificates, listed.has(c));
      if (rated) {
        score(rating, header?.rating !== undefined);
        score(target, header?.targetPrice !== undefined);
      } else {
        score(rating, header?.rating === undefined);
        score(target, header?.targetPrice === undefined);
      }
      if (verbose) {
        const names = header?.analysts.map(
          (a) => `${a.name}${a.certificateNo ? `/${a.certificateNo}` : ''}:${a.role}`,
        );
        console.log(
          `  broker ${header?.broker ?? '-'}; analysts ${names?.join(' ') ?? '-'}; certificates printed ${printed.length}` +
            `; rating ${header?.rating?.raw ?? '-'} ${header?.rating?.change ?? ''}; target ${JSON.stringify(header?.targetPrice ?? null)}` +
            `; forecasts ${header?.forecasts.length ?? 0}`,
        );
      }
    }
  }
  console.log(`kind right: ${show(kind)}`);
  console.log(
    `reports: broker ${show(broker)}, with an analyst ${show(analysts)}, certificates ${show(certificates)}`,
  );
  console.log(
    `reports: rating right (present only where printed) ${show(rating)}, target price ${show(target)}`,
  );
}

await main();
