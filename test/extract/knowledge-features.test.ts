import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentKnownNames } from '../../src/extract/document-known-names.js';
import { KB_NONE, KB_VOCAB, KnownNames, unmarked } from '../../src/extract/knowledge-features.js';

const ORG = [2, 3, 4];
const PERSON = [5, 6, 7];

/** Expected ids for a name of `length` code points of a kind. */
const span = (kind: number[], length: number) => [
  kind[0] as number,
  ...new Array<number>(length - 2).fill(kind[1] as number),
  kind[2] as number,
];

describe('knowledge marks', () => {
  it('marks each known name B…E with its kind and the rest as unmatched', () => {
    const names = KnownNames.of([
      { name: '华夏科技', kind: 'org' },
      { name: '张伟', kind: 'person' },
    ]);
    assert.deepEqual(names.mark('张伟将华夏科技股份质押'), [
      ...span(PERSON, 2),
      KB_NONE,
      ...span(ORG, 4),
      KB_NONE,
      KB_NONE,
      KB_NONE,
      KB_NONE,
    ]);
    assert.ok(Math.max(...names.mark('张伟华夏科技')) < KB_VOCAB);
  });

  it('takes the longest name at a position, then goes on after it', () => {
    const names = KnownNames.of([
      { name: '中信', kind: 'org' },
      { name: '中信证券', kind: 'org' },
      { name: '证券公司', kind: 'org' },
    ]);
    assert.deepEqual(names.mark('中信证券公司'), [...span(ORG, 4), KB_NONE, KB_NONE]);
  });

  it('matches on normalised text, one id per code point (astral characters too)', () => {
    const names = KnownNames.of([{ name: 'ＡＢＣ集团', kind: 'org' }]);
    assert.deepEqual(names.mark('abc集团'), span(ORG, 5));
    const withAstral = KnownNames.of([{ name: '𠀀甲', kind: 'person' }]);
    assert.deepEqual(withAstral.mark('乙𠀀甲'), [KB_NONE, ...span(PERSON, 2)]);
    assert.equal(withAstral.mark('乙𠀀甲').length, unmarked('乙𠀀甲').length);
  });

  it('ignores single characters and over-long names, and keeps the first kind given for a name', () => {
    const names = new KnownNames();
    assert.equal(names.add('甲', 'org'), false);
    assert.equal(names.add('甲'.repeat(33), 'org'), false);
    assert.equal(names.add('王芳', 'person'), true);
    names.add('王芳', 'org');
    assert.equal(names.size, 1);
    assert.deepEqual(names.mark('甲王芳'), [KB_NONE, ...span(PERSON, 2)]);
  });

  it('reads name<TAB>kind lines and names the line of a bad one', () => {
    const names = KnownNames.parseTsv('# known\n华夏科技\torg\n\n张伟\tperson\r\n', 'names.tsv');
    assert.deepEqual(
      names.entries().sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: '华夏科技', kind: 'org' },
        { name: '张伟', kind: 'person' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    assert.throws(() => KnownNames.parseTsv('华夏科技\tbank\n', 'names.tsv'), /names\.tsv:1: expected/);
    assert.throws(() => KnownNames.parseTsv('ok\torg\n华夏科技\n', 'names.tsv'), /names\.tsv:2:/);
  });

  it('extends a set of names without changing it, longest match across both', () => {
    const base = KnownNames.of([
      { name: '中信', kind: 'org' },
      { name: '张伟', kind: 'person' },
    ]);
    const doc = base.extend([
      { name: '中信证券', kind: 'org' },
      { name: '张伟', kind: 'org' },
    ]);
    assert.deepEqual(
      doc.mark('张伟中信证券'),
      [...span(PERSON, 2), ...span(ORG, 4)],
      'the base kind is kept',
    );
    assert.deepEqual(base.mark('张伟中信证券'), [...span(PERSON, 2), ...span(ORG, 2), KB_NONE, KB_NONE]);
    assert.equal(doc.size, 3);
    assert.equal(base.size, 2);
    assert.deepEqual(
      doc
        .entries()
        .map((e) => e.name)
        .sort(),
      ['中信', '中信证券', '张伟'].sort(),
    );
  });
});

describe('names a document gives', () => {
  it('takes the issuer of an announcement and the company a research report covers', () => {
    const names = documentKnownNames({
      announcement: { securityCodes: [], companyName: '华夏科技股份有限公司', shortName: '*ST华夏' },
    });
    assert.deepEqual(
      names.map((n) => n.name),
      ['华夏科技股份有限公司', '*ST华夏', '华夏'],
    );
    assert.ok(names.every((n) => n.kind === 'org'));
    const covered = documentKnownNames({
      researchReport: {
        analysts: [],
        forecasts: [],
        stock: { code: '603871', shortName: '嘉友国际' } as never,
      },
    });
    assert.deepEqual(covered, [{ name: '嘉友国际', kind: 'org' }]);
    assert.deepEqual(documentKnownNames({}), []);
  });
});
