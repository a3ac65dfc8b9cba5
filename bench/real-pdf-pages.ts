/**
 * Pages per second on the real PDFs (../shared/data/real-pdfs, or $DATASETS_DIR/real-pdfs): this build
 * against another build of the product, in one run, so that "no slower per page" is a measurement.
 *
 *   node dist/bench/real-pdf-pages.js [--baseline <checkout>] [--rounds 2] [--threads 1] [--max-pages 40]
 *
 * <checkout> is another revision's checkout, built (`npm run build`), with its own models/ folder.
 * Two stages per build, each its own model, one inference thread:
 * - parse: parseDocument, the text layer read into pages, sentences, tables and the header;
 * - read: parse, then the model over every sentence; for this build the whole standalone read the
 *   workers and `finkg extract` share (parse → extract → link → assemble), for a baseline parse and its
 *   model only (older builds had no standalone read), so this build does more work in its column.
 * Rounds alternate which build goes first. Scanned PDFs are left out (OCR is benched by bench/ocr.ts), and
 * PDFs longer than --max-pages (annual reports of 150–400 pages would take most of a run's time).
 * Wall time and process CPU time are both printed: on a shared machine pages per CPU-second is the
 * steadier figure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { defaultDatasetsDir } from '../src/config/index.js';
import { EventExtractor } from '../src/extract/index.js';
import { loadEventRoles } from '../src/link/index.js';
import { parseDocument } from '../src/parse/index.js';
import { readStandalone } from '../src/pipeline/index.js';

interface Pdf {
  name: string;
  bytes: Uint8Array;
}

/** What a build offers the bench: how it parses a PDF and how it reads one, each returning its page count. */
interface Build {
  label: string;
  parse(pdf: Pdf): Promise<number>;
  read(pdf: Pdf): Promise<number>;
}

interface Timing {
  pages: number;
  wallMs: number;
  cpuMs: number;
}

const LIMITS = { maxBytes: 256 * 1024 * 1024, maxPages: 10_000 };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}

function realPdfs(root: string): Pdf[] {
  return ['announcements', 'reports'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .filter((f) => f.endsWith('.pdf'))
      .sort()
      .map((f) => ({
        name: `${folder}/${f}`,
        bytes: new Uint8Array(readFileSync(join(root, folder, f))),
      })),
  );
}

async function currentBuild(threads: number): Promise<Build> {
  const extractor = await EventExtractor.load({ session: { intraOpNumThreads: threads } });
  const eventTypes = loadEventRoles();
  return {
    label: 'this build',
    parse: async (pdf) => (await parseDocument(pdf.bytes, { fileName: pdf.name }, LIMITS)).pages.length,
    read: async (pdf) =>
      (await readStandalone({ bytes: pdf.bytes, fileName: pdf.name }, { extractor, eventTypes, ocr: false }))
        .parsed.pages.length,
  };
}

/** Another build's modules, loaded from its dist/ by path: only APIs every build since the first has kept. */
async function baselineBuild(checkout: string, threads: number): Promise<Build> {
  const dist = join(resolve(checkout), 'dist/src');
  const parse = await import(join(dist, 'parse/index.js'));
  const extract = await import(join(dist, 'extract/index.js'));
  const link = await import(join(dist, 'link/index.js'));
  const extractor = await extract.EventExtractor.load({ session: { intraOpNumThreads: threads } });
  const parsePdf = (pdf: Pdf) => parse.parseDocument(pdf.bytes, { fileName: pdf.name }, LIMITS);
  return {
    label: `baseline ${checkout}`,
    parse: async (pdf) => (await parsePdf(pdf)).pages.length,
    read: async (pdf) => {
      const parsed = await parsePdf(pdf);
      await extractor.extract(parsed.sentences.map((s: unknown) => link.sentenceModelText(parsed, s)));
      return parsed.pages.length;
    },
  };
}

async function time(pdfs: Pdf[], run: (pdf: Pdf) => Promise<number>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let pages = 0;
  for (const pdf of pdfs) pages += await run(pdf);
  const used = process.cpuUsage(cpu);
  return { pages, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** PDFs every build reads: a scan (no text layer) fails in older builds and is OCR'd by this one. */
async function readableByAll(pdfs: Pdf[], builds: Build[], maxPages: number): Promise<Pdf[]> {
  const kept: Pdf[] = [];
  for (const pdf of pdfs) {
    const pages = (await PDFDocument.load(pdf.bytes, { ignoreEncryption: true })).getPageCount();
    if (pages > maxPages) {
      console.log(`left out ${pdf.name}: ${pages} pages`);
      continue;
    }
    try {
      for (const build of builds) await build.parse(pdf);
      kept.push(pdf);
    } catch (error) {
      console.log(`left out ${pdf.name}: ${(error as Error).message.slice(0, 80)}`);
    }
  }
  return kept;
}

const perSecond = (pages: number, ms: number) => (pages / (ms / 1000)).toFixed(2);

async function main(): Promise<void> {
  const rounds = Number(option('--rounds', '2'));
  const maxPages = Number(option('--max-pages', '40'));
  const threads = Number(option('--threads', '1'));
  const baseline = option('--baseline', '');
  const builds = [await currentBuild(threads)];
  if (baseline) builds.push(await baselineBuild(baseline, threads));

  const pdfs = await readableByAll(realPdfs(join(defaultDatasetsDir(), 'real-pdfs')), builds, maxPages);
  const totals = new Map<string, Timing>();
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const stage of ['parse', 'read'] as const) {
      for (const build of order) {
        const t = await time(pdfs, (pdf) => build[stage](pdf));
        const key = `${build.label}\t${stage}`;
        const sum = totals.get(key) ?? { pages: 0, wallMs: 0, cpuMs: 0 };
        totals.set(key, {
          pages: sum.pages + t.pages,
          wallMs: sum.wallMs + t.wallMs,
          cpuMs: sum.cpuMs + t.cpuMs,
        });
        console.log(
          `round ${round + 1} ${stage} ${build.label}: ${t.pages} pages, ${Math.round(t.wallMs)} ms`,
        );
      }
    }
  }

  console.log(
    `\n${pdfs.length} PDFs of at most ${maxPages} pages, ${rounds} rounds, ${threads} inference thread(s)`,
  );
  console.log('build\tstage\tpages\tpages/s\tpages/CPU-s\tvs this build (CPU)');
  for (const stage of ['parse', 'read'] as const) {
    const mine = totals.get(`this build\t${stage}`) as Timing;
    for (const build of builds) {
      const t = totals.get(`${build.label}\t${stage}`) as Timing;
      const ratio = (t.pages / t.cpuMs / (mine.pages / mine.cpuMs)).toFixed(2);
      console.log(
        `${build.label}\t${stage}\t${t.pages}\t${perSecond(t.pages, t.wallMs)}\t${perSecond(t.pages, t.cpuMs)}\t${ratio}`,
      );
    }
  }
}

await main();
