/**
 * Figures OCR read in doubt are no facts in what assembly's rules and contract fields read either (wordings
 * written for these tests; the doubt is set on the parsed sentence as the OCR parser sets it).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { announcementLines, assembleRulesOnly, parseLines } from '../support/rule-text.js';

const announcement = (title: string, body: string[]) => announcementLines(title, body, '2025年3月4日');

/**
 * The document's records as role → argument text, read by the rules alone (the model read nothing), with
 * the figures in `doubted` marked as OCR's doubts on the sentences holding them.
 */
async function recordRoles(lines: string[], doubted: string[] = []): Promise<Array<Record<string, string>>> {
  const parsed = await parseLines(lines);
  for (const figure of doubted) {
    const sentence = parsed.sentences.find((s) => s.text.includes(figure));
    assert.ok(sentence, figure);
    const start = sentence.start + sentence.text.indexOf(figure);
    sentence.ocrDoubted = [...(sentence.ocrDoubted ?? []), [start, start + figure.length]];
  }
  const graph = await assembleRulesOnly(parsed);
  return graph.events.map((e) =>
    Object.fromEntries(e.arguments.map((a) => [a.documentRole ?? a.role, a.text] as const)),
  );
}

describe('figures OCR read in doubt, in fixed wording', () => {
  const buyback = announcement('关于以集中竞价交易方式回购公司股份方案的公告', [
    '本次回购资金总额不低于人民币5,000万元（含）且不超过人民币10,000万元（含），回购价格不超过人民币20元/股（含）。',
    '按回购价格上限测算，预计回购股份数量约为250万股至500万股，约占公司目前总股本的0.50%至1.00%。',
  ]);

  it('are no values of a rule record; its other values stay', async () => {
    const [read] = await recordRoles(buyback);
    const amountRole = Object.keys(read ?? {}).find((role) => read?.[role]?.includes('10,000万元'));
    assert.ok(amountRole, JSON.stringify(read));
    const [doubted] = await recordRoles(buyback, ['10,000']);
    assert.ok(doubted);
    assert.equal(doubted[amountRole], undefined);
    assert.deepEqual(
      Object.keys(doubted).sort(),
      Object.keys(read ?? {})
        .filter((r) => r !== amountRole)
        .sort(),
    );
  });

  it('are no contract amount', async () => {
    const contract = announcement('关于签订重大合同的公告', [
      '近日，公司与示例建设集团有限公司签订了《示例产业园施工总承包合同》，合同金额为人民币356,800,000.00元。',
    ]);
    const [read] = await recordRoles(contract);
    const amountRole = Object.keys(read ?? {}).find((role) => read?.[role]?.includes('356,800,000.00'));
    assert.ok(amountRole, JSON.stringify(read));
    const [doubted] = await recordRoles(contract, ['356,800,000.00']);
    assert.ok(doubted);
    assert.equal(doubted[amountRole], undefined);
    assert.ok(Object.keys(doubted).length > 0);
  });
});
