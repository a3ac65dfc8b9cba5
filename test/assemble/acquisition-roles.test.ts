/** An acquisition's roles as news tells them (wordings invented for these tests). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statesCompletion, tidyAcquisitionRoles } from '../../src/assemble/acquisition-roles.js';
import type { EventArgumentRow } from '../../src/link/index.js';

/** The argument `text` at its first place in `sentence` (sentence 0, starting at 0). */
const at = (sentence: string, documentRole: string, text: string): EventArgumentRow => {
  const start = sentence.indexOf(text);
  return {
    sentence: 0,
    start,
    end: start + text.length,
    text,
    confidence: 0.9,
    role: documentRole,
    roleKey: documentRole,
    documentRole,
  };
};
const tidied = (sentence: string, rows: EventArgumentRow[]) => {
  tidyAcquisitionRoles(rows, () => ({ text: sentence, start: 0 }));
  return rows.map((a) => `${a.documentRole}=${a.text}`);
};

describe('statesCompletion', () => {
  it('takes a date followed by the deal done for its completion', () => {
    assert.equal(statesCompletion('，远山科技已完成对青石公司60%股权的收购'), true);
    assert.equal(statesCompletion('完成向第三方收购青石公司的27%股权'), true);
    assert.equal(statesCompletion('，远山集团收购了青石公司'), true);
    assert.equal(statesCompletion('，青石公司股权已过户至远山科技名下'), true);
  });

  it('does not take a notice, a proposal or an expected completion for it', () => {
    assert.equal(statesCompletion('，远山科技发布公告称，拟以现金收购青石公司51%股权'), false);
    assert.equal(statesCompletion('公司公告，拟以2亿元收购青石公司'), false);
    assert.equal(statesCompletion('，远山集团宣布将收购青石人寿50%股权'), false);
    assert.equal(statesCompletion('，各方预计将于下月完成交易'), false);
  });
});

describe('tidyAcquisitionRoles', () => {
  it('keeps a completion date only where the deal is said to have completed on it', () => {
    const notice = '7月27日，远山科技公告称，拟以2.3亿元收购青石检测74%股权。';
    assert.deepEqual(
      tidied(notice, [at(notice, '收购方', '远山科技'), at(notice, '收购完成时间', '7月27日')]),
      ['收购方=远山科技'],
    );
    const done = '远山科技已于2021年12月30日完成收购青石矿业27%股权。';
    assert.deepEqual(
      tidied(done, [at(done, '收购方', '远山科技'), at(done, '收购完成时间', '2021年12月30日')]),
      ['收购方=远山科技', '收购完成时间=2021年12月30日'],
    );
  });

  it('keeps the subsidiary that buys, not the listed parent read beside it', () => {
    const s = '远山股份公告，全资子公司青石远山出资3亿元收购日本丸石持有的远石精工50%股权。';
    assert.deepEqual(
      tidied(s, [at(s, '收购方', '远山股份'), at(s, '收购方', '青石远山'), at(s, '被收购方', '远石精工')]),
      ['收购方=青石远山', '被收购方=远石精工'],
    );
  });

  it('keeps two buyers where neither is named as a subsidiary', () => {
    const s = '远山股份与青石资本共同出资收购远石精工。';
    assert.deepEqual(tidied(s, [at(s, '收购方', '远山股份'), at(s, '收购方', '青石资本')]), [
      '收购方=远山股份',
      '收购方=青石资本',
    ]);
  });
});
