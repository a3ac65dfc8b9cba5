/**
 * The real broker reports in ../shared/data/real-pdfs/reports (or $DATASETS_DIR): their end matter must be
 * found, and the body text of their first page left alone. Skipped, with the reason, when the folder is absent.
 *
 * "First-page body" here: the page-1 sentences that are not sidebar lines, hold at least 20 CJK characters
 * and use none of the end-matter vocabulary (声明, 免责, 评级, 保证, 版权, 仅供, 不构成, 务必, 资格, 利益冲突) — the
 * report's own findings and recommendations.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { notEventReason, notEventSections } from '../../src/assemble/index.js';
import { defaultDatasetsDir } from '../../src/config/index.js';
import { parseDocument } from '../../src/parse/index.js';

const REPORTS_DIR = join(defaultDatasetsDir(), 'real-pdfs/reports');
const LIMITS = { maxBytes: 50e6, maxPages: 500 };
/** A 5-page excerpt of a report that stops before its end matter; only its page-header pointer is there. */
const NO_END_MATTER = new Set(['示例7-研究报告.pdf']);

const END_MATTER_WORDS = /声明|申明|免责|评级|保证|版权|仅供|不构成|务必|资格|利益冲突/;
const CJK = /[\u4e00-\u9fa5]/g;

const files = existsSync(REPORTS_DIR) ? readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.pdf')) : [];
const skip = files.length > 0 ? false : `no broker reports under ${REPORTS_DIR} (set DATASETS_DIR)`;

describe('notEventSections on the real broker reports', { skip }, () => {
  for (const file of files) {
    it(file, async () => {
      const doc = await parseDocument(
        new Uint8Array(readFileSync(join(REPORTS_DIR, file))),
        { fileName: file },
        LIMITS,
      );
      const sections = notEventSections(doc.sentences);
      const endMatterKinds = new Set(['disclaimer', 'rating-legend', 'certification', 'contact-list']);
      const sentenceMarked = doc.sentences.filter((s) => endMatterKinds.has(notEventReason(s.text) ?? ''));
      if (NO_END_MATTER.has(file)) {
        assert.equal(sections.size, 0, 'the excerpt has no end matter');
        assert.ok(sentenceMarked.length > 0, 'its 请务必阅读…免责声明 page header is still a disclaimer');
      } else {
        const reasons = new Set(sections.values());
        assert.ok(sections.size > 0, 'no end-matter section found');
        assert.ok(reasons.has('disclaimer') || reasons.has('rating-legend'), [...reasons].join(','));
        // The sections sit at the back: most of the marked sentences are on the last quarter of the pages.
        const lastPage = doc.pages.length;
        const back = [...sections.keys()].filter((i) => (doc.sentences[i]?.page ?? 0) > lastPage * 0.75);
        assert.ok(back.length >= sections.size * 0.8, `${back.length} of ${sections.size} at the back`);
      }

      const sidebar = new Set(doc.sidebar.map((line) => line.trim()));
      const body = doc.sentences.filter(
        (s) =>
          s.page === 1 &&
          !sidebar.has(s.text.trim()) &&
          (s.text.match(CJK)?.length ?? 0) >= 20 &&
          !END_MATTER_WORDS.test(s.text),
      );
      assert.ok(body.length > 0, 'page 1 has body sentences to check');
      for (const s of body) {
        assert.equal(sections.get(s.index), undefined, `section marks page-1 body: ${s.text}`);
        const reason = notEventReason(s.text);
        assert.ok(reason === undefined || !endMatterKinds.has(reason), `${reason} on page-1 body: ${s.text}`);
      }
    });
  }
});
