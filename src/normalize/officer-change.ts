/**
 * 变动类型 of an officer's change as the guideline labels it: 辞任 (the officer leaves: 辞职, 离职, 卸任),
 * 任命 (a post is given: 聘任, 选举, 出任, 担任), 离任 (a term ends), 免职 (removed), 调任 (moved within the
 * group). Longer words first, so 不再担任 is a term's end and not a post given.
 */
const LABELS: ReadonlyArray<readonly [RegExp, OfficerChange]> = [
  [/调任|調任|转任|轉任|调离|調離/, '调任'],
  [/免职|免職|免去|撤职|撤職|罢免|罷免|解聘|被免/, '免职'],
  [/不再担任|不再擔任|任期届满|任期屆滿|届满|屆滿|换届|換屆|离任|離任|退任|退休/, '离任'],
  [/辞|辭|离职|離職|卸任|出走|离开|離開/, '辞任'],
  [
    /聘|任命|委任|选举|選舉|选任|選任|补选|補選|当选|當選|推举|推舉|提名|出任|担任|擔任|接任|继任|繼任|新任|上任|履新|代行|代为履行|代為履行|变更为|變更為|接替|接棒|加盟|加入/,
    '任命',
  ],
];

export type OfficerChange = '辞任' | '任命' | '离任' | '免职' | '调任';

/** The label of a change word as written (辞去 → 辞任, 获委任 → 任命); undefined for words of no change. */
export function officerChangeLabel(word: string): OfficerChange | undefined {
  return LABELS.find(([pattern]) => pattern.test(word))?.[1];
}
